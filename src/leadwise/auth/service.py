"""Sign-in, token rotation, API keys and request authentication."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth import repository
from leadwise.auth.permissions import Permission, permissions_of
from leadwise.auth.principal import Principal
from leadwise.config import Settings
from leadwise.core import security
from leadwise.core.cache import Cache
from leadwise.core.clock import utcnow
from leadwise.core.errors import (
    AccountLocked,
    Forbidden,
    InvalidCredentials,
    InvalidToken,
    NotFound,
    Unauthenticated,
    ValidationFailed,
    found,
)
from leadwise.models import ApiKey, AuthSession, LoginThrottle, RefreshToken, User

REVOKED_SESSION_KEY = "revoked-session:{}"


@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str
    access_expires_at: datetime
    refresh_token: str
    refresh_expires_at: datetime
    session_id: uuid.UUID


def normalise_login(email: str) -> str:
    return email.strip().lower()


# --- sign-in -------------------------------------------------------------------------------


async def login(
    session: AsyncSession,
    settings: Settings,
    *,
    email: str,
    password: str,
    ip_address: str | None = None,
    user_agent: str | None = None,
) -> TokenPair:
    login_name = normalise_login(email)
    now = utcnow()
    throttle = await repository.throttle(session, login_name)
    if throttle and throttle.locked_until and throttle.locked_until > now:
        retry_after = int((throttle.locked_until - now).total_seconds()) + 1
        raise AccountLocked(
            details={"retry_after": retry_after}, headers={"Retry-After": str(retry_after)}
        )
    user = await repository.user_by_email(session, login_name)
    matches, new_hash = security.verify_password(password, user.password_hash if user else None)
    if user is None or not matches or not user.is_active:
        await _record_failure(session, settings, login_name, throttle, now)
        raise InvalidCredentials(keep_changes=True)
    if new_hash:
        user.password_hash = new_hash
    user.last_login_at = now
    if throttle is not None:
        await repository.clear_throttle(session, login_name)
    return await issue_tokens(session, settings, user, ip_address=ip_address, user_agent=user_agent)


async def _record_failure(
    session: AsyncSession,
    settings: Settings,
    login_name: str,
    throttle: LoginThrottle | None,
    now: datetime,
) -> None:
    if throttle is None:
        throttle = LoginThrottle(login=login_name, failures=0)
        session.add(throttle)
    throttle.failures += 1
    throttle.last_failure_at = now
    over = throttle.failures - settings.auth.lockout_threshold
    if over >= 0:
        # Exponential back-off: base, 2x base, 4x base, ... capped.
        seconds = min(
            settings.auth.lockout_base_seconds * 2**over, settings.auth.lockout_max_seconds
        )
        throttle.locked_until = now + timedelta(seconds=seconds)


async def issue_tokens(
    session: AsyncSession,
    settings: Settings,
    user: User,
    *,
    ip_address: str | None = None,
    user_agent: str | None = None,
) -> TokenPair:
    """Start a new sign-in session for `user` and return its first token pair."""
    now = utcnow()
    auth_session = AuthSession(
        user_id=user.id,
        created_at=now,
        last_used_at=now,
        expires_at=now + timedelta(days=settings.auth.refresh_token_days),
        ip_address=ip_address,
        user_agent=(user_agent or "")[:400] or None,
    )
    session.add(auth_session)
    await session.flush()
    return await _rotate(session, settings, auth_session, now)


async def _rotate(
    session: AsyncSession, settings: Settings, auth_session: AuthSession, now: datetime
) -> TokenPair:
    refresh_plain = security.new_secret()
    refresh_expires = min(
        now + timedelta(days=settings.auth.refresh_token_days), auth_session.expires_at
    )
    session.add(
        RefreshToken(
            session_id=auth_session.id,
            token_hash=security.digest(refresh_plain),
            created_at=now,
            expires_at=refresh_expires,
        )
    )
    access, access_expires = security.create_access_token(
        user_id=auth_session.user_id,
        session_id=auth_session.id,
        key=settings.signing_key(),
        algorithm=settings.auth.jwt_algorithm,
        lifetime=timedelta(minutes=settings.auth.access_token_minutes),
    )
    return TokenPair(access, access_expires, refresh_plain, refresh_expires, auth_session.id)


async def refresh(
    session: AsyncSession, settings: Settings, cache: Cache, *, refresh_token: str
) -> TokenPair:
    """Rotate: the presented token is spent and a new pair issued in the same session.

    A spent token presented again means it leaked (or was stolen): the whole session is
    revoked, so the thief's and the owner's tokens stop working alike.
    """
    now = utcnow()
    token = await repository.refresh_token_by_hash(session, security.digest(refresh_token))
    if token is None:
        raise InvalidToken()
    auth_session = await repository.auth_session(session, token.session_id)
    if auth_session is None or auth_session.revoked_at is not None:
        raise InvalidToken()
    if token.used_at is not None or not await repository.mark_refresh_token_used(
        session, token.id, now
    ):
        await _revoke(session, settings, cache, auth_session.id, now, "refresh_token_reuse")
        raise InvalidToken(
            "This refresh token was already used; the session has been revoked.",
            details={"reason": "refresh_token_reuse"},
            keep_changes=True,
        )
    if token.expires_at <= now or auth_session.expires_at <= now:
        raise InvalidToken()
    user = await session.get(User, auth_session.user_id)
    if user is None or not user.is_active:
        raise InvalidToken()
    auth_session.last_used_at = now
    return await _rotate(session, settings, auth_session, now)


async def logout(
    session: AsyncSession, settings: Settings, cache: Cache, principal: Principal
) -> None:
    if principal.session_id is None:
        raise Forbidden("API keys have no session to sign out of; revoke the key instead.")
    await _revoke(session, settings, cache, principal.session_id, utcnow(), "logout")


async def revoke_all_sessions(
    session: AsyncSession,
    settings: Settings,
    cache: Cache,
    user_id: uuid.UUID,
    reason: str,
    *,
    keep: uuid.UUID | None = None,
) -> None:
    now = utcnow()
    revoked = await repository.revoke_user_sessions(session, user_id, now, reason, keep=keep)
    for session_id in revoked:
        await _mark_revoked(settings, cache, session_id)


async def _revoke(
    session: AsyncSession,
    settings: Settings,
    cache: Cache,
    session_id: uuid.UUID,
    now: datetime,
    reason: str,
) -> None:
    await repository.revoke_session(session, session_id, now, reason)
    await _mark_revoked(settings, cache, session_id)


async def _mark_revoked(settings: Settings, cache: Cache, session_id: uuid.UUID) -> None:
    # The database is the source of truth; the cache entry lets every API process (and other
    # services sharing Redis) turn away the session's access tokens without a query.
    await cache.set(
        REVOKED_SESSION_KEY.format(session_id),
        "1",
        ttl_seconds=settings.auth.access_token_minutes * 60,
    )


# --- authentication of requests ------------------------------------------------------------


async def authenticate(
    session: AsyncSession,
    settings: Settings,
    cache: Cache,
    *,
    bearer: str | None,
    api_key: str | None,
    workspace_id: uuid.UUID | None,
) -> Principal:
    if api_key is None and bearer is not None and bearer.startswith(security.API_KEY_PREFIX):
        api_key, bearer = bearer, None
    if api_key is not None:
        return await _authenticate_api_key(session, settings, api_key, workspace_id)
    if bearer is None:
        raise Unauthenticated()
    claims = security.decode_access_token(
        bearer, key=settings.signing_key(), algorithm=settings.auth.jwt_algorithm
    )
    if await cache.get(REVOKED_SESSION_KEY.format(claims.session_id)):
        raise InvalidToken()
    found = await repository.signed_in_user(
        session, claims.user_id, claims.session_id, workspace_id, utcnow()
    )
    if found is None:
        raise InvalidToken()
    user, membership = found
    if membership is None and workspace_id is not None:
        raise NotFound("Workspace not found.", details={"resource": "workspace"})
    return Principal(
        user=user,
        api_key=None,
        workspace_id=membership.workspace_id if membership else None,
        role=membership.role if membership else None,
        permissions=permissions_of(membership.role) if membership else frozenset(),
        session_id=claims.session_id,
    )


async def _authenticate_api_key(
    session: AsyncSession, settings: Settings, plaintext: str, workspace_id: uuid.UUID | None
) -> Principal:
    prefix = security.api_key_prefix(plaintext)
    key = await repository.api_key_by_prefix(session, prefix) if prefix else None
    now = utcnow()
    if (
        key is None
        or not security.same_digest(plaintext, key.key_hash)
        or key.revoked_at is not None
        or (key.expires_at is not None and key.expires_at <= now)
    ):
        raise InvalidToken("The API key is invalid, expired or revoked.")
    if workspace_id is not None and workspace_id != key.workspace_id:
        raise NotFound("Workspace not found.", details={"resource": "workspace"})
    touch_after = timedelta(seconds=settings.auth.api_key_touch_seconds)
    if key.last_used_at is None or now - key.last_used_at >= touch_after:
        key.last_used_at = now
    return Principal(
        user=None,
        api_key=key,
        workspace_id=key.workspace_id,
        role=None,
        permissions=frozenset(Permission(scope) for scope in key.scopes),
    )


# --- API keys ------------------------------------------------------------------------------

# Keys are for integrations: by default they get what their creator's role allows, minus
# the power to manage people and other keys.
_NEVER_DEFAULT_SCOPES = {Permission.API_KEYS_MANAGE, Permission.MEMBERS_MANAGE}


async def create_api_key(
    session: AsyncSession,
    principal: Principal,
    *,
    name: str,
    scopes: list[Permission] | None,
    expires_at: datetime | None,
) -> tuple[ApiKey, str]:
    allowed = principal.permissions
    if scopes is None:
        chosen = sorted(allowed - _NEVER_DEFAULT_SCOPES)
    else:
        beyond = sorted(set(scopes) - allowed)
        if beyond:
            raise Forbidden(
                "An API key cannot have permissions its creator lacks.",
                details={"scopes": [s.value for s in beyond]},
            )
        chosen = sorted(set(scopes))
    if expires_at is not None and expires_at <= utcnow():
        raise ValidationFailed("expires_at must be in the future.", details={"field": "expires_at"})
    secret = security.new_api_key()
    key = ApiKey(
        workspace_id=principal.workspace,
        created_by_id=principal.actor_id,
        name=name,
        prefix=secret.prefix,
        key_hash=secret.key_hash,
        scopes=[scope.value for scope in chosen],
        created_at=utcnow(),
        expires_at=expires_at,
    )
    session.add(key)
    await session.flush()
    return key, secret.plaintext


async def list_api_keys(session: AsyncSession, principal: Principal) -> list[ApiKey]:
    return await repository.api_keys_of(session, principal.workspace)


async def revoke_api_key(session: AsyncSession, principal: Principal, key_id: uuid.UUID) -> ApiKey:
    key = found(await repository.api_key_in(session, principal.workspace, key_id), "api_key")
    if key.revoked_at is None:
        key.revoked_at = utcnow()
    return key
