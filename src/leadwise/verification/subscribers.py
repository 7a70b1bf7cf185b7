"""Verification follows the leads: with LEADWISE_VERIFY__ON_CREATE on, a lead created with an
address (API, forms; imports queue theirs per chunk) or given a new one is verified by a job
sent after commit. The leads domain only states what happened."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.config import AutoVerify, get_settings
from leadwise.core.events import subscribe
from leadwise.leads.events import LeadChanged, LeadCreated
from leadwise.models import Lead
from leadwise.verification.auto import queue_leads, smtp_for


@subscribe(LeadCreated)
async def verify_a_new_lead(session: AsyncSession, event: LeadCreated) -> None:
    await _queue(session, event.lead_id, trigger="created")


@subscribe(LeadChanged)
async def verify_a_new_address(session: AsyncSession, event: LeadChanged) -> None:
    if "email" in event.fields:
        await _queue(session, event.lead_id, trigger="email_changed")


async def _queue(session: AsyncSession, lead_id: uuid.UUID, *, trigger: str) -> None:
    mode = get_settings().verify.on_create
    if mode is AutoVerify.OFF:
        return
    lead = await session.get(Lead, lead_id)  # in the session already: no query
    if lead is not None and lead.email:
        await queue_leads(
            session, lead.workspace_id, [lead.id], smtp=smtp_for(mode), trigger=trigger
        )
