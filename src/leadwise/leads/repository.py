"""SQL for leads and their timeline; every statement starts from the workspace."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.models import Activity, Lead, LeadTag, Membership


def leads_of(workspace_id: uuid.UUID, *, deleted: bool = False) -> Select[Lead]:
    query = select(Lead).where(Lead.workspace_id == workspace_id)
    return query.where(Lead.deleted_at.is_not(None) if deleted else Lead.deleted_at.is_(None))


async def lead_in(
    session: AsyncSession, workspace_id: uuid.UUID, lead_id: uuid.UUID, *, deleted: bool = False
) -> Lead | None:
    return await session.scalar(leads_of(workspace_id, deleted=deleted).where(Lead.id == lead_id))


async def tags_of(session: AsyncSession, lead_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    tags: dict[uuid.UUID, list[str]] = {lead_id: [] for lead_id in lead_ids}
    if lead_ids:
        rows = await session.execute(
            select(LeadTag.lead_id, LeadTag.tag)
            .where(LeadTag.lead_id.in_(lead_ids))
            .order_by(LeadTag.tag)
        )
        for lead_id, tag in rows.tuples():
            tags[lead_id].append(tag)
    return tags


async def set_tags(session: AsyncSession, lead: Lead, tags: list[str]) -> None:
    await session.execute(delete(LeadTag).where(LeadTag.lead_id == lead.id))
    session.add_all(
        LeadTag(lead_id=lead.id, tag=tag, workspace_id=lead.workspace_id) for tag in tags
    )


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
