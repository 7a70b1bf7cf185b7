"""Sign-in (`/auth/*`) and API keys (`/api-keys`)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Body, Depends, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from leadwise.auth import cookies, service
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
from leadwise.config import Settings
from leadwise.core.clock import utcnow
from leadwise.core.dependencies import SessionDep, SettingsDep
from leadwise.core.errors import InvalidToken
from leadwise.core.ratelimit import client_ip, rate_limited
from leadwise.core.routing import make_router

router = make_router(tags=["auth"])
ManageKeys = Annotated[Principal, Depends(require(Permission.API_KEYS_MANAGE))]


def token_envelope(pair: service.TokenPair, *, refresh_in_body: bool = True) -> TokenEnvelope:
    now = utcnow()
    refresh_token = pair.refresh_token if refresh_in_body else None
    token = TokenRead(
        access_token=pair.access_token,
        expires_in=int((pair.access_expires_at - now).total_seconds()),
        refresh_token=refresh_token,
        refresh_expires_in=int((pair.refresh_expires_at - now).total_seconds()),
    )
    return TokenEnvelope(
        data=token,
        access_token=token.access_token,
        expires_in=token.expires_in,
        refresh_token=refresh_token,
    )


def deliver_tokens(
    pair: service.TokenPair, request: Request, response: Response, settings: Settings
) -> TokenEnvelope:
    """The token envelope; in cookie mode the refresh token goes into its cookie instead."""
    if not cookies.wants_cookie(request):
        return token_envelope(pair)
    cookies.set_refresh_cookie(
        response, request, settings, token=pair.refresh_token, expires_at=pair.refresh_expires_at
    )
    return token_envelope(pair, refresh_in_body=False)


@router.post(
    "/auth/login",
    response_model=TokenEnvelope,
    dependencies=[Depends(rate_limited("login"))],
    summary="Sign in (OAuth2 password flow)",
)
async def login(
    request: Request,
    response: Response,
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
    return deliver_tokens(pair, request, response, settings)


@router.post(
    "/auth/refresh",
    response_model=TokenEnvelope,
    dependencies=[Depends(rate_limited("refresh"))],
    summary="Rotate a refresh token into a new token pair",
)
async def refresh(
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    cache: CacheDep,
    body: Annotated[RefreshRequest | None, Body()] = None,
) -> TokenEnvelope:
    presented = body.refresh_token if body is not None else None
    if presented is None and cookies.wants_cookie(request):
        presented = cookies.refresh_cookie(request)
    if not presented:
        raise InvalidToken("No refresh token: send refresh_token, or sign in again.")
    pair = await service.refresh(session, settings, cache, refresh_token=presented)
    return deliver_tokens(pair, request, response, settings)


@router.post("/auth/logout", response_model=None, summary="Revoke the current session")
async def logout(
    request: Request,
    response: Response,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    cache: CacheDep,
) -> None:
    await service.logout(session, settings, cache, principal)
    cookies.clear_refresh_cookie(response, request, settings)


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
