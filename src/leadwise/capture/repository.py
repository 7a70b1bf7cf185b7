"""SQL for forms and idempotency records; every statement starts from the workspace or the form."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.models import Form, IdempotencyRecord, Lead, Workspace


def forms_of(workspace_id: uuid.UUID) -> Select[Form]:
    return select(Form).where(Form.workspace_id == workspace_id)


async def live_form(session: AsyncSession, public_id: str) -> Form | None:
    """An active form of a live workspace, by its public id."""
    return await session.scalar(
        select(Form)
        .join(Workspace, Workspace.id == Form.workspace_id)
        .where(Form.public_id == public_id, Form.is_active, Workspace.deleted_at.is_(None))
    )


async def form_by_id(session: AsyncSession, form_id: uuid.UUID) -> Form | None:
    return await session.get(Form, form_id)


async def idempotency_record(
    session: AsyncSession, form_id: uuid.UUID, key: str
) -> IdempotencyRecord | None:
    return await session.scalar(
        select(IdempotencyRecord).where(
            IdempotencyRecord.form_id == form_id, IdempotencyRecord.key == key
        )
    )


async def live_lead(session: AsyncSession, lead_id: uuid.UUID) -> Lead | None:
    return await session.scalar(select(Lead).where(Lead.id == lead_id, Lead.deleted_at.is_(None)))


async def editable_lead(session: AsyncSession, lead_id: uuid.UUID) -> Lead | None:
    """A live lead that came from a form and still has an edit token."""
    return await session.scalar(
        select(Lead).where(
            Lead.id == lead_id,
            Lead.deleted_at.is_(None),
            Lead.edit_token_hash.is_not(None),
            Lead.form_id.is_not(None),
        )
    )
