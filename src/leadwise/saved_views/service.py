"""Saved views of the leads list.

Rules: a view belongs to the member who saved it, and only they change it; a shared view is
listed for every member of the workspace (an admin who manages settings may delete it, to
tidy the list); names are unique per member (case-insensitive); a member keeps at most
MAX_PER_USER views.
"""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.errors import Conflict, Forbidden, found
from leadwise.models import SavedView
from leadwise.saved_views import repository
from leadwise.saved_views.schemas import SavedViewCreate, SavedViewUpdate

MAX_PER_USER = 100


async def list_views(session: AsyncSession, principal: Principal) -> list[SavedView]:
    user = principal.require_user()
    return await repository.visible_to(session, principal.workspace, user.id)


async def create_view(
    session: AsyncSession, principal: Principal, data: SavedViewCreate
) -> SavedView:
    user = principal.require_user()
    workspace_id = principal.workspace
    if await repository.count_of(session, workspace_id, user.id) >= MAX_PER_USER:
        raise Conflict(
            f"You have {MAX_PER_USER} saved views; delete one first.",
            details={"reason": "too_many_views", "limit": MAX_PER_USER},
        )
    await _check_name(session, principal, data.name)
    view = SavedView(
        workspace_id=workspace_id,
        user_id=user.id,
        name=data.name,
        query=data.query,
        columns=data.columns,
        shared=data.shared,
    )
    try:
        async with session.begin_nested():
            session.add(view)
            await session.flush()
    except IntegrityError:
        # A concurrent request saved the same name first.
        raise Conflict("You have a view with this name.", details={"field": "name"}) from None
    return view


async def update_view(
    session: AsyncSession, principal: Principal, view_id: uuid.UUID, data: SavedViewUpdate
) -> SavedView:
    view = await _own_view(session, principal, view_id)
    if data.name is not None and data.name != view.name:
        await _check_name(session, principal, data.name, except_id=view.id)
        view.name = data.name
    if data.query is not None:
        view.query = data.query
    if "columns" in data.model_fields_set:
        view.columns = data.columns
    if data.shared is not None:
        view.shared = data.shared
    await session.flush()
    return view


async def delete_view(session: AsyncSession, principal: Principal, view_id: uuid.UUID) -> SavedView:
    user = principal.require_user()
    view = await _visible_view(session, principal, view_id)
    if view.user_id != user.id and not principal.can(Permission.SETTINGS_MANAGE):
        raise Forbidden("Only the member who saved this view may delete it.")
    await session.delete(view)
    await session.flush()
    return view


async def _visible_view(
    session: AsyncSession, principal: Principal, view_id: uuid.UUID
) -> SavedView:
    user = principal.require_user()
    view = await repository.view_in(session, principal.workspace, view_id)
    # Someone else's personal view does not exist, as far as the caller can tell.
    if view is not None and view.user_id != user.id and not view.shared:
        view = None
    return found(view, "saved_view")


async def _own_view(session: AsyncSession, principal: Principal, view_id: uuid.UUID) -> SavedView:
    view = await _visible_view(session, principal, view_id)
    if view.user_id != principal.require_user().id:
        raise Forbidden("Only the member who saved this view may change it; save a copy instead.")
    return view


async def _check_name(
    session: AsyncSession, principal: Principal, name: str, except_id: uuid.UUID | None = None
) -> None:
    user = principal.require_user()
    if await repository.name_taken(session, principal.workspace, user.id, name, except_id):
        raise Conflict("You have a view with this name.", details={"field": "name"})
