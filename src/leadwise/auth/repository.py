"""SQL for sign-in: credentials, sessions, refresh tokens, API keys, lockout counters."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.models import (
    ApiKey,
    AuthSession,
    LoginThrottle,
    Membership,
    RefreshToken,
    User,
    Workspace,
)


async def user_by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(select(User).where(User.email == email))


async def user_with_live_session(
    session: AsyncSession, user_id: uuid.UUID, session_id: uuid.UUID, now: datetime
) -> User | None:
    """The active user behind an access token, if its sign-in session is still valid."""
    return await session.scalar(
        select(User)
        .join(AuthSession, AuthSession.user_id == User.id)
        .where(
            User.id == user_id,
            User.is_active.is_(True),
            AuthSession.id == session_id,
            AuthSession.revoked_at.is_(None),
            AuthSession.expires_at > now,
        )
    )


async def membership_for(
    session: AsyncSession, user_id: uuid.UUID, workspace_id: uuid.UUID | None
) -> Membership | None:
    """The user's membership in `workspace_id`, or in their oldest workspace when None."""
    query = (
        select(Membership)
        .join(Workspace, Workspace.id == Membership.workspace_id)
        .where(Membership.user_id == user_id, Workspace.deleted_at.is_(None))
    )
    if workspace_id is not None:
        query = query.where(Membership.workspace_id == workspace_id)
    else:
        query = query.order_by(Membership.created_at, Membership.id).limit(1)
    return await session.scalar(query)


async def throttle(session: AsyncSession, login: str) -> LoginThrottle | None:
    return await session.get(LoginThrottle, login)


async def clear_throttle(session: AsyncSession, login: str) -> None:
    row = await session.get(LoginThrottle, login)
    if row is not None:
        await session.delete(row)


async def refresh_token_by_hash(session: AsyncSession, token_hash: str) -> RefreshToken | None:
    return await session.scalar(select(RefreshToken).where(RefreshToken.token_hash == token_hash))


async def mark_refresh_token_used(
    session: AsyncSession, token_id: uuid.UUID, now: datetime
) -> bool:
    """Atomically claim a refresh token; False when it was already used (reuse or a race)."""
    result = await session.execute(
        update(RefreshToken)
        .where(RefreshToken.id == token_id, RefreshToken.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def auth_session(session: AsyncSession, session_id: uuid.UUID) -> AuthSession | None:
    return await session.get(AuthSession, session_id)


async def revoke_session(
    session: AsyncSession, session_id: uuid.UUID, now: datetime, reason: str
) -> None:
    await session.execute(
        update(AuthSession)
        .where(AuthSession.id == session_id, AuthSession.revoked_at.is_(None))
        .values(revoked_at=now, revoked_reason=reason)
        .execution_options(synchronize_session=False)
    )


async def revoke_user_sessions(
    session: AsyncSession,
    user_id: uuid.UUID,
    now: datetime,
    reason: str,
    *,
    keep: uuid.UUID | None = None,
) -> list[uuid.UUID]:
    query = select(AuthSession.id).where(
        AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None)
    )
    if keep is not None:
        query = query.where(AuthSession.id != keep)
    ids = list(await session.scalars(query))
    for session_id in ids:
        await revoke_session(session, session_id, now, reason)
    return ids


async def api_key_by_prefix(session: AsyncSession, prefix: str) -> ApiKey | None:
    return await session.scalar(
        select(ApiKey)
        .join(Workspace, Workspace.id == ApiKey.workspace_id)
        .where(ApiKey.prefix == prefix, Workspace.deleted_at.is_(None))
    )


async def api_keys_of(session: AsyncSession, workspace_id: uuid.UUID) -> list[ApiKey]:
    return list(
        await session.scalars(
            select(ApiKey)
            .where(ApiKey.workspace_id == workspace_id)
            .order_by(ApiKey.created_at.desc(), ApiKey.id.desc())
        )
    )


async def api_key_in(
    session: AsyncSession, workspace_id: uuid.UUID, key_id: uuid.UUID
) -> ApiKey | None:
    return await session.scalar(
        select(ApiKey).where(ApiKey.workspace_id == workspace_id, ApiKey.id == key_id)
    )
