"""First-run setup, `/users/me`, workspaces and members."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request, Response, status

from leadwise.auth.dependencies import CacheDep, CurrentPrincipal, require_in_path
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.auth.router import deliver_tokens
from leadwise.auth.schemas import TokenEnvelope
from leadwise.core.dependencies import SessionDep, SettingsDep
from leadwise.core.pagination import PageDep
from leadwise.core.ratelimit import client_ip, rate_limited
from leadwise.core.routing import make_router
from leadwise.core.schemas import Page
from leadwise.users import service
from leadwise.users.schemas import (
    AcceptInvitation,
    InvitationPreviewRead,
    InvitationRead,
    InvitationToken,
    MemberAdded,
    MemberCreate,
    MemberRead,
    MemberUpdate,
    MeRead,
    MeUpdate,
    PendingInvitationRead,
    SetupRequest,
    SetupResult,
    SetupStatus,
    WorkspaceCreate,
    WorkspaceRead,
    WorkspaceUpdate,
    WorkspaceWithRole,
)

router = make_router()
PublicLimit = [Depends(rate_limited("public"))]


ReadWorkspace = Annotated[Principal, Depends(require_in_path(Permission.WORKSPACE_READ))]
UpdateWorkspace = Annotated[Principal, Depends(require_in_path(Permission.WORKSPACE_UPDATE))]
DeleteWorkspace = Annotated[Principal, Depends(require_in_path(Permission.WORKSPACE_DELETE))]
ReadMembers = Annotated[Principal, Depends(require_in_path(Permission.MEMBERS_READ))]
ManageMembers = Annotated[Principal, Depends(require_in_path(Permission.MEMBERS_MANAGE))]


@router.get("/setup", response_model=SetupStatus, tags=["setup"], dependencies=PublicLimit)
async def setup_status(session: SessionDep) -> object:
    return {"setup_required": await service.setup_required(session)}


@router.post(
    "/setup",
    response_model=SetupResult,
    status_code=status.HTTP_201_CREATED,
    tags=["setup"],
    dependencies=PublicLimit,
    summary="First run: create the first owner and workspace (409 afterwards)",
)
async def setup(
    body: SetupRequest,
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
) -> object:
    result = await service.setup(
        session,
        settings,
        email=str(body.email),
        password=body.password,
        full_name=body.full_name,
        workspace_name=body.workspace_name,
        ip_address=client_ip(request),
        user_agent=request.headers.get("user-agent"),
    )
    return {
        "user": result.user,
        "workspace": result.workspace,
        "tokens": deliver_tokens(result.tokens, request, response, settings).data,
    }


@router.post(
    "/auth/accept-invite",
    response_model=TokenEnvelope,
    tags=["auth"],
    dependencies=PublicLimit,
    summary="Join a workspace with an invitation token",
)
async def accept_invite(
    body: AcceptInvitation,
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
) -> TokenEnvelope:
    pair = await service.accept_invitation(
        session,
        settings,
        token=body.token,
        password=body.password,
        full_name=body.full_name,
        ip_address=client_ip(request),
        user_agent=request.headers.get("user-agent"),
    )
    return deliver_tokens(pair, request, response, settings)


@router.post(
    "/auth/invitation",
    response_model=InvitationPreviewRead,
    tags=["auth"],
    dependencies=PublicLimit,
    summary="What an invitation token is for (the invitation screen), before accepting it",
)
async def preview_invitation(body: InvitationToken, session: SessionDep) -> object:
    return await service.preview_invitation(session, token=body.token)


@router.get("/users/me", response_model=MeRead, tags=["users"])
async def read_me(principal: CurrentPrincipal, session: SessionDep) -> object:
    return await service.me(session, principal)


@router.patch("/users/me", response_model=MeRead, tags=["users"])
async def update_me(
    body: MeUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    cache: CacheDep,
) -> object:
    return await service.update_me(
        session,
        settings,
        cache,
        principal,
        full_name=body.full_name,
        current_password=body.current_password,
        new_password=body.new_password,
    )


@router.get("/workspaces", response_model=list[WorkspaceWithRole], tags=["workspaces"])
async def list_workspaces(principal: CurrentPrincipal, session: SessionDep) -> object:
    return await service.list_workspaces(session, principal)


@router.post(
    "/workspaces",
    response_model=WorkspaceWithRole,
    status_code=status.HTTP_201_CREATED,
    tags=["workspaces"],
)
async def create_workspace(
    body: WorkspaceCreate, principal: CurrentPrincipal, session: SessionDep
) -> object:
    return await service.create_workspace(session, principal, name=body.name)


@router.get("/workspaces/{workspace_id}", response_model=WorkspaceRead, tags=["workspaces"])
async def read_workspace(principal: ReadWorkspace, session: SessionDep) -> object:
    return await service.get_workspace(session, principal)


@router.patch("/workspaces/{workspace_id}", response_model=WorkspaceRead, tags=["workspaces"])
async def update_workspace(
    body: WorkspaceUpdate, principal: UpdateWorkspace, session: SessionDep
) -> object:
    return await service.update_workspace(session, principal, body)


@router.delete(
    "/workspaces/{workspace_id}",
    response_model=WorkspaceRead,
    tags=["workspaces"],
    summary="Delete a workspace (restorable by its owners)",
)
async def delete_workspace(principal: DeleteWorkspace, session: SessionDep) -> object:
    return await service.delete_workspace(session, principal)


@router.post(
    "/workspaces/{workspace_id}/restore", response_model=WorkspaceRead, tags=["workspaces"]
)
async def restore_workspace(
    workspace_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> object:
    return await service.restore_workspace(session, principal, workspace_id)


@router.get("/workspaces/{workspace_id}/members", response_model=Page[MemberRead], tags=["members"])
async def list_members(principal: ReadMembers, session: SessionDep, page: PageDep) -> object:
    return await service.list_members(session, principal, page)


@router.post(
    "/workspaces/{workspace_id}/members",
    response_model=MemberAdded,
    status_code=status.HTTP_201_CREATED,
    tags=["members"],
    summary="Add an existing user, or invite a new one",
)
async def add_member(body: MemberCreate, principal: ManageMembers, session: SessionDep) -> object:
    return await service.add_member(session, principal, email=str(body.email), role=body.role)


@router.patch(
    "/workspaces/{workspace_id}/members/{user_id}", response_model=MemberRead, tags=["members"]
)
async def update_member(
    user_id: uuid.UUID, body: MemberUpdate, principal: ManageMembers, session: SessionDep
) -> object:
    return await service.update_member(session, principal, user_id, role=body.role)


@router.delete(
    "/workspaces/{workspace_id}/members/{user_id}",
    response_model=MemberRead,
    tags=["members"],
    summary="Remove a member (anyone may remove themselves)",
)
async def remove_member(
    user_id: uuid.UUID, principal: ReadWorkspace, session: SessionDep
) -> object:
    return await service.remove_member(session, principal, user_id)


@router.get(
    "/workspaces/{workspace_id}/invitations",
    response_model=list[PendingInvitationRead],
    tags=["members"],
    summary="Invitations not accepted yet, newest first (expired ones too)",
)
async def list_invitations(principal: ManageMembers, session: SessionDep) -> object:
    return await service.list_invitations(session, principal)


@router.delete(
    "/workspaces/{workspace_id}/invitations/{invitation_id}",
    response_model=PendingInvitationRead,
    tags=["members"],
    summary="Revoke an invitation (its link stops working)",
)
async def revoke_invitation(
    invitation_id: uuid.UUID, principal: ManageMembers, session: SessionDep
) -> object:
    return await service.revoke_invitation(session, principal, invitation_id)


@router.post(
    "/workspaces/{workspace_id}/invitations/{invitation_id}/renew",
    response_model=InvitationRead,
    tags=["members"],
    summary="A new link for an invitation (the old one stops working), valid 7 days again",
)
async def renew_invitation(
    invitation_id: uuid.UUID, principal: ManageMembers, session: SessionDep
) -> object:
    return await service.renew_invitation(session, principal, invitation_id)
