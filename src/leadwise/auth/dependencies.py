"""The one dependency that authenticates and enforces the permission matrix.

    Authorized = Annotated[Principal, Depends(require(Permission.LEADS_READ))]

Credentials: `Authorization: Bearer <access JWT or API key>` or `X-API-Key`. The workspace is
`X-Workspace-ID` (default: the user's oldest workspace; an API key is bound to its own), or
the `{workspace_id}` in the path for `/workspaces/{workspace_id}/...` routes.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated

import structlog
from fastapi import Depends, Header, Path, Request
from fastapi.security import APIKeyHeader, OAuth2PasswordBearer

from leadwise.auth import service
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.cache import Cache
from leadwise.core.dependencies import SessionDep, SettingsDep
from leadwise.core.live import SESSION_ACTOR, SESSION_WORKSPACE

bearer_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/login", auto_error=False)
api_key_scheme = APIKeyHeader(name="X-API-Key", auto_error=False)

BearerDep = Annotated[str | None, Depends(bearer_scheme)]
ApiKeyDep = Annotated[str | None, Depends(api_key_scheme)]
WorkspaceHeader = Annotated[
    uuid.UUID | None,
    Header(alias="X-Workspace-ID", description="Active workspace (default: your first one)"),
]


async def get_cache(request: Request) -> Cache:
    cache: Cache = request.app.state.cache
    return cache


CacheDep = Annotated[Cache, Depends(get_cache)]


async def _principal(
    session: SessionDep,
    settings: SettingsDep,
    cache: CacheDep,
    bearer: str | None,
    api_key: str | None,
    workspace_id: uuid.UUID | None,
) -> Principal:
    principal = await service.authenticate(
        session, settings, cache, bearer=bearer, api_key=api_key, workspace_id=workspace_id
    )
    # Who acts where, for the live events of what this request changes (leads/live.py).
    session.info[SESSION_ACTOR] = principal.actor_id
    session.info[SESSION_WORKSPACE] = principal.workspace_id
    structlog.contextvars.bind_contextvars(
        user_id=str(principal.user.id) if principal.user else None,
        api_key_id=str(principal.api_key.id) if principal.api_key else None,
        workspace_id=str(principal.workspace_id) if principal.workspace_id else None,
    )
    return principal


async def current_principal(
    session: SessionDep,
    settings: SettingsDep,
    cache: CacheDep,
    bearer: BearerDep,
    api_key: ApiKeyDep,
    selected_workspace: WorkspaceHeader = None,
) -> Principal:
    return await _principal(session, settings, cache, bearer, api_key, selected_workspace)


def require(*permissions: Permission) -> Callable[..., Awaitable[Principal]]:
    """Authenticate, select the workspace from the header, and check `permissions`."""

    async def dependency(
        principal: Annotated[Principal, Depends(current_principal)],
    ) -> Principal:
        principal.workspace  # noqa: B018 - raises 404 when the caller has no workspace
        principal.check(*permissions)
        return principal

    return dependency


def require_in_path(*permissions: Permission) -> Callable[..., Awaitable[Principal]]:
    """Like `require`, for routes that name the workspace in the path."""

    async def dependency(
        session: SessionDep,
        settings: SettingsDep,
        cache: CacheDep,
        bearer: BearerDep,
        api_key: ApiKeyDep,
        workspace_id: Annotated[uuid.UUID, Path()],
    ) -> Principal:
        principal = await _principal(session, settings, cache, bearer, api_key, workspace_id)
        principal.check(*permissions)
        return principal

    return dependency


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
