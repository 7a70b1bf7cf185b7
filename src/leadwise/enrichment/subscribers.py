"""Enrichment follows new leads: with LEADWISE_ENRICH__ON_CREATE on, a lead created through
the API or a form whose company has a domain gets an `enrichment.company` job for it, sent
after commit (the company's stored answers are used while fresh, so a burst of leads of one
company crawls its site once per cache period, not once per lead)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.config import get_settings
from leadwise.core.events import subscribe
from leadwise.enrichment.service import queue_for_lead
from leadwise.leads.events import LeadCreated
from leadwise.models import Lead


@subscribe(LeadCreated)
async def enrich_a_new_lead(session: AsyncSession, event: LeadCreated) -> None:
    if not get_settings().enrich.on_create:
        return
    lead = await session.get(Lead, event.lead_id)  # in the session already: no query
    if lead is not None:
        await queue_for_lead(session, lead, refresh=False, trigger="created")
