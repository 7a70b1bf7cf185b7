"""SQL for saved views; every statement starts from the workspace."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.models import SavedView


def views_of(workspace_id: uuid.UUID) -> Select[SavedView]:
    return select(SavedView).where(SavedView.workspace_id == workspace_id)


async def visible_to(
    session: AsyncSession, workspace_id: uuid.UUID, user_id: uuid.UUID
) -> list[SavedView]:
    """The member's own views and those shared with the workspace, by name."""
    query = (
        views_of(workspace_id)
        .where(or_(SavedView.user_id == user_id, SavedView.shared.is_(True)))
        .order_by(func.lower(SavedView.name), SavedView.id)
    )
    return list(await session.scalars(query))


async def view_in(
    session: AsyncSession, workspace_id: uuid.UUID, view_id: uuid.UUID
) -> SavedView | None:
    return await session.scalar(views_of(workspace_id).where(SavedView.id == view_id))


async def count_of(session: AsyncSession, workspace_id: uuid.UUID, user_id: uuid.UUID) -> int:
    query = (
        select(func.count())
        .select_from(SavedView)
        .where(SavedView.workspace_id == workspace_id, SavedView.user_id == user_id)
    )
    return int(await session.scalar(query) or 0)


async def name_taken(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    user_id: uuid.UUID,
    name: str,
    except_id: uuid.UUID | None = None,
) -> bool:
    query = views_of(workspace_id).where(
        SavedView.user_id == user_id, func.lower(SavedView.name) == name.lower()
    )
    if except_id is not None:
        query = query.where(SavedView.id != except_id)
    return (await session.scalar(query.with_only_columns(SavedView.id).limit(1))) is not None
