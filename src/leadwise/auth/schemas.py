"""Request and response bodies of sign-in and API keys."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field

from leadwise.auth.permissions import Permission
from leadwise.core.schemas import Envelope, ReadSchema, Schema


class TokenRead(ReadSchema):
    access_token: str = Field(examples=["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOi…"])
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int = Field(description="Seconds until the access token expires")
    refresh_token: str | None = Field(
        description="null in cookie mode (`X-Session-Mode: cookie`): it is in an httpOnly cookie"
    )
    refresh_expires_in: int


class TokenEnvelope(Envelope[TokenRead]):
    """The envelope, plus the RFC 6749 fields at top level so OAuth2 clients (and the
    Authorize button of /docs) read the token where they expect it."""

    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int
    refresh_token: str | None


class RefreshRequest(Schema):
    refresh_token: str | None = Field(
        None,
        min_length=16,
        max_length=200,
        examples=["x3QET4gIztiuP2DMmRbJKvQl4PAPd1WpWsYnTEjo27o"],
        description="Omit in cookie mode: the cookie carries it",
    )


class ApiKeyCreate(Schema):
    name: str = Field(min_length=1, max_length=100, examples=["Website form sync"])
    scopes: list[Permission] | None = Field(
        None, description="Permissions of the key; default: your role's, minus member/key admin"
    )
    expires_at: datetime | None = None


class ApiKeyRead(ReadSchema):
    id: uuid.UUID
    name: str
    prefix: str = Field(
        description="Shown so you can tell keys apart: lw_<prefix>_…", examples=["3f9a1c2b7d4e"]
    )
    scopes: list[str]
    created_at: datetime
    created_by_id: uuid.UUID | None
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyRead):
    key: str = Field(description="The key itself. It is shown only this once.")
