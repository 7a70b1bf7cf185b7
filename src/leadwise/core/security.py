"""Password hashing, JWT access tokens and opaque secrets (refresh tokens, API keys, invites)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from leadwise.core.clock import utcnow
from leadwise.core.errors import InvalidToken

_password_hash = PasswordHash((Argon2Hasher(),))
# Verified against when the login name is unknown, so both paths cost one argon2 check.
_dummy_hash: str | None = None


def configure_password_hashing(*, time_cost: int, memory_kib: int) -> None:
    """Set the argon2 cost (hashes made with other parameters are upgraded at next sign-in)."""
    global _password_hash, _dummy_hash
    _password_hash = PasswordHash(
        (Argon2Hasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=4),)
    )
    _dummy_hash = None


ACCESS_TOKEN_TYPE = "access"  # noqa: S105 - a claim value, not a secret
API_KEY_PREFIX = "lw_"


def hash_password(password: str) -> str:
    return _password_hash.hash(password)


def verify_password(password: str, password_hash: str | None) -> tuple[bool, str | None]:
    """(matches, new hash if the stored one uses outdated parameters)."""
    global _dummy_hash
    if password_hash is None:
        if _dummy_hash is None:
            _dummy_hash = _password_hash.hash(secrets.token_urlsafe(16))
        _password_hash.verify(password, _dummy_hash)
        return False, None
    return _password_hash.verify_and_update(password, password_hash)


def new_secret(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def digest(secret: str) -> str:
    """SHA-256 of a high-entropy secret: enough for random tokens (not for passwords)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def same_digest(secret: str, expected_digest: str) -> bool:
    return hmac.compare_digest(digest(secret), expected_digest)


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: uuid.UUID
    session_id: uuid.UUID
    expires_at: datetime


def create_access_token(
    *, user_id: uuid.UUID, session_id: uuid.UUID, key: str, algorithm: str, lifetime: timedelta
) -> tuple[str, datetime]:
    now = utcnow()
    expires_at = now + lifetime
    claims = {
        "sub": str(user_id),
        "sid": str(session_id),
        "typ": ACCESS_TOKEN_TYPE,
        "iat": int(now.timestamp()),
        "exp": int(expires_at.timestamp()),
        "jti": secrets.token_hex(8),
    }
    return jwt.encode(claims, key, algorithm=algorithm), expires_at


def decode_access_token(token: str, *, key: str, algorithm: str) -> AccessClaims:
    try:
        claims = jwt.decode(
            token, key, algorithms=[algorithm], options={"require": ["exp", "sub", "sid", "typ"]}
        )
        if claims["typ"] != ACCESS_TOKEN_TYPE:
            raise InvalidToken()
        return AccessClaims(
            user_id=uuid.UUID(claims["sub"]),
            session_id=uuid.UUID(claims["sid"]),
            expires_at=datetime.fromtimestamp(claims["exp"], tz=utcnow().tzinfo),
        )
    except (jwt.PyJWTError, ValueError, KeyError):
        raise InvalidToken() from None


@dataclass(frozen=True, slots=True)
class ApiKeySecret:
    """A new API key: `plaintext` is shown once; only `prefix` and `key_hash` are stored."""

    plaintext: str
    prefix: str
    key_hash: str


def new_api_key() -> ApiKeySecret:
    prefix = secrets.token_hex(6)
    plaintext = f"{API_KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    return ApiKeySecret(plaintext=plaintext, prefix=prefix, key_hash=digest(plaintext))


def api_key_prefix(plaintext: str) -> str | None:
    """The lookup prefix of a presented key, or None if it is not shaped like one of ours."""
    if not plaintext.startswith(API_KEY_PREFIX):
        return None
    prefix, sep, rest = plaintext[len(API_KEY_PREFIX) :].partition("_")
    if not sep or len(prefix) != 12 or not rest:
        return None
    return prefix
