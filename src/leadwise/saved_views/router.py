"""`/saved-views`: named filters, order and columns of the leads list."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, status

from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.dependencies import SessionDep
from leadwise.core.routing import make_router
from leadwise.saved_views import service
from leadwise.saved_views.schemas import SavedViewCreate, SavedViewRead, SavedViewUpdate

router = make_router(tags=["saved views"])
ReadLeads = Annotated[Principal, Depends(require(Permission.LEADS_READ))]


@router.get(
    "/saved-views",
    response_model=list[SavedViewRead],
    summary="Your saved views and those shared with the workspace, by name",
)
async def list_saved_views(principal: ReadLeads, session: SessionDep) -> object:
    return await service.list_views(session, principal)


@router.post(
    "/saved-views",
    response_model=SavedViewRead,
    status_code=status.HTTP_201_CREATED,
    summary="Save a view (409 when you have one of this name)",
)
async def create_saved_view(
    body: SavedViewCreate, principal: ReadLeads, session: SessionDep
) -> object:
    return await service.create_view(session, principal, body)


@router.patch(
    "/saved-views/{view_id}",
    response_model=SavedViewRead,
    summary="Rename, re-save or share one of your views",
)
async def update_saved_view(
    view_id: uuid.UUID, body: SavedViewUpdate, principal: ReadLeads, session: SessionDep
) -> object:
    return await service.update_view(session, principal, view_id, body)


@router.delete("/saved-views/{view_id}", response_model=SavedViewRead)
async def delete_saved_view(
    view_id: uuid.UUID, principal: ReadLeads, session: SessionDep
) -> object:
    return await service.delete_view(session, principal, view_id)
