"""SQL for sign-in: credentials, sessions, refresh tokens, API keys, lockout counters."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, bindparam, select, update
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


def _signed_in(
    membership_choice: ColumnElement[bool],
) -> Select[User, Membership, uuid.UUID]:
    """The active user behind an access token, if its session is live, with the membership
    of the chosen workspace and that workspace's id if it is not deleted: one round trip."""
    return (
        select(User, Membership, Workspace.id)
        .join(AuthSession, AuthSession.user_id == User.id)
        .outerjoin(Membership, and_(Membership.user_id == User.id, membership_choice))
        .outerjoin(
            Workspace,
            and_(Workspace.id == Membership.workspace_id, Workspace.deleted_at.is_(None)),
        )
        .where(
            User.id == bindparam("user_id"),
            User.is_active.is_(True),
            AuthSession.id == bindparam("session_id"),
            AuthSession.revoked_at.is_(None),
            AuthSession.expires_at > bindparam("now"),
        )
    )


def _oldest_membership() -> ColumnElement[bool]:
    oldest = (
        select(Membership.id)
        .join(Workspace, Workspace.id == Membership.workspace_id)
        .where(Membership.user_id == User.id, Workspace.deleted_at.is_(None))
        .order_by(Membership.created_at, Membership.id)
        .limit(1)
        .correlate(User)
        .scalar_subquery()
    )
    return Membership.id == oldest


# Built once: authentication runs on every request, so its statements are not rebuilt each time.
_IN_CHOSEN_WORKSPACE = _signed_in(Membership.workspace_id == bindparam("workspace_id"))
_IN_OLDEST_WORKSPACE = _signed_in(_oldest_membership())


async def signed_in_user(
    session: AsyncSession,
    user_id: uuid.UUID,
    session_id: uuid.UUID,
    workspace_id: uuid.UUID | None,
    now: datetime,
) -> tuple[User, Membership | None] | None:
    params: dict[str, object] = {"user_id": user_id, "session_id": session_id, "now": now}
    if workspace_id is None:
        statement = _IN_OLDEST_WORKSPACE
    else:
        statement, params["workspace_id"] = _IN_CHOSEN_WORKSPACE, workspace_id
    row = (await session.execute(statement, params)).first()
    if row is None:
        return None
    user, membership, live_workspace_id = row
    return user, membership if live_workspace_id is not None else None


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
