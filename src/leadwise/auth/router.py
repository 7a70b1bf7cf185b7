"""Sign-in (`/auth/*`) and API keys (`/api-keys`)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request, status
from fastapi.security import OAuth2PasswordRequestForm

from leadwise.auth import service
from leadwise.auth.dependencies import CacheDep, CurrentPrincipal, require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.auth.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyRead,
    RefreshRequest,
    TokenEnvelope,
    TokenRead,
)
from leadwise.core.clock import utcnow
from leadwise.core.dependencies import SessionDep, SettingsDep
from leadwise.core.ratelimit import client_ip, rate_limited
from leadwise.core.routing import make_router

router = make_router(tags=["auth"])
ManageKeys = Annotated[Principal, Depends(require(Permission.API_KEYS_MANAGE))]


def token_envelope(pair: service.TokenPair) -> TokenEnvelope:
    now = utcnow()
    token = TokenRead(
        access_token=pair.access_token,
        expires_in=int((pair.access_expires_at - now).total_seconds()),
        refresh_token=pair.refresh_token,
        refresh_expires_in=int((pair.refresh_expires_at - now).total_seconds()),
    )
    return TokenEnvelope(
        data=token,
        access_token=token.access_token,
        expires_in=token.expires_in,
        refresh_token=token.refresh_token,
    )


@router.post(
    "/auth/login",
    response_model=TokenEnvelope,
    dependencies=[Depends(rate_limited("login"))],
    summary="Sign in (OAuth2 password flow)",
)
async def login(
    request: Request,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    session: SessionDep,
    settings: SettingsDep,
) -> TokenEnvelope:
    pair = await service.login(
        session,
        settings,
        email=form.username,
        password=form.password,
        ip_address=client_ip(request),
        user_agent=request.headers.get("user-agent"),
    )
    return token_envelope(pair)


@router.post(
    "/auth/refresh",
    response_model=TokenEnvelope,
    dependencies=[Depends(rate_limited("refresh"))],
    summary="Rotate a refresh token into a new token pair",
)
async def refresh(
    body: RefreshRequest, session: SessionDep, settings: SettingsDep, cache: CacheDep
) -> TokenEnvelope:
    pair = await service.refresh(session, settings, cache, refresh_token=body.refresh_token)
    return token_envelope(pair)


@router.post("/auth/logout", response_model=None, summary="Revoke the current session")
async def logout(
    principal: CurrentPrincipal, session: SessionDep, settings: SettingsDep, cache: CacheDep
) -> None:
    await service.logout(session, settings, cache, principal)


@router.get("/api-keys", response_model=list[ApiKeyRead])
async def list_api_keys(principal: ManageKeys, session: SessionDep) -> object:
    return await service.list_api_keys(session, principal)


@router.post("/api-keys", response_model=ApiKeyCreated, status_code=status.HTTP_201_CREATED)
async def create_api_key(body: ApiKeyCreate, principal: ManageKeys, session: SessionDep) -> object:
    key, plaintext = await service.create_api_key(
        session, principal, name=body.name, scopes=body.scopes, expires_at=body.expires_at
    )
    return {**ApiKeyRead.model_validate(key).model_dump(), "key": plaintext}


@router.delete("/api-keys/{key_id}", response_model=ApiKeyRead, summary="Revoke an API key")
async def revoke_api_key(key_id: uuid.UUID, principal: ManageKeys, session: SessionDep) -> object:
    return await service.revoke_api_key(session, principal, key_id)
