"""SQL for leads and their timeline; every statement starts from the workspace."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.models import Activity, Attachment, Lead, LeadTag, Membership


def leads_of(workspace_id: uuid.UUID, *, deleted: bool | None = False) -> Select[Lead]:
    """The workspace's leads: live ones, deleted ones (`deleted=True`) or both (`None`)."""
    query = select(Lead).where(Lead.workspace_id == workspace_id)
    if deleted is None:
        return query
    return query.where(Lead.deleted_at.is_not(None) if deleted else Lead.deleted_at.is_(None))


# Tags travel joined in one column of the list query (no second query, no ORM collections).
# Tags cannot contain control characters (see leads/schemas.py), so this one separates them.
TAG_SEPARATOR = "\x1f"


def lead_rows_of(
    workspace_id: uuid.UUID, columns: list[str], *, deleted: bool | None = False
) -> Select[Any]:
    """Like `leads_of`, as plain rows of `columns` plus `tags_joined`: for lists."""
    tags = (
        select(func.aggregate_strings(LeadTag.tag, TAG_SEPARATOR))
        .where(LeadTag.lead_id == Lead.id)
        .scalar_subquery()
        .label("tags_joined")
    )
    query = select(*(Lead.__table__.c[name] for name in columns), tags).where(
        Lead.workspace_id == workspace_id
    )
    if deleted is None:
        return query
    return query.where(Lead.deleted_at.is_not(None) if deleted else Lead.deleted_at.is_(None))


async def is_member(session: AsyncSession, workspace_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    found = await session.scalar(
        select(Membership.id).where(
            Membership.workspace_id == workspace_id, Membership.user_id == user_id
        )
    )
    return found is not None


def activities_of(workspace_id: uuid.UUID, lead_id: uuid.UUID) -> Select[Activity]:
    return select(Activity).where(
        Activity.workspace_id == workspace_id, Activity.lead_id == lead_id
    )


async def attachment_keys(
    session: AsyncSession, workspace_id: uuid.UUID, lead_id: uuid.UUID
) -> list[str]:
    keys = await session.scalars(
        select(Attachment.storage_key).where(
            Attachment.workspace_id == workspace_id, Attachment.lead_id == lead_id
        )
    )
    return list(keys)
