"""SQL for notifications: who to tell, and what about; every statement names the workspace."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.models import Attachment, Lead, Membership, User, Workspace


async def member(session: AsyncSession, workspace_id: uuid.UUID, user_id: uuid.UUID) -> User | None:
    return await session.scalar(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.workspace_id == workspace_id, User.id == user_id, User.is_active)
    )


async def workspace(session: AsyncSession, workspace_id: uuid.UUID) -> Workspace | None:
    return await session.scalar(
        select(Workspace).where(Workspace.id == workspace_id, Workspace.deleted_at.is_(None))
    )


async def live_lead(
    session: AsyncSession, workspace_id: uuid.UUID, lead_id: uuid.UUID
) -> Lead | None:
    return await session.scalar(
        select(Lead).where(
            Lead.workspace_id == workspace_id, Lead.id == lead_id, Lead.deleted_at.is_(None)
        )
    )


async def attachment_names(
    session: AsyncSession, workspace_id: uuid.UUID, lead_id: uuid.UUID
) -> list[str]:
    names = await session.scalars(
        select(Attachment.original_name)
        .where(Attachment.workspace_id == workspace_id, Attachment.lead_id == lead_id)
        .order_by(Attachment.id)
    )
    return list(names)
