"""Keys follow the leads: every new or changed lead gets its match keys, and leads created one
by one through the API are checked for probable duplicates as they arrive (forms and imports
check their own, with their duplicate policies)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.core.events import subscribe
from leadwise.dedupe import service
from leadwise.leads.events import LeadChanged, LeadCreated
from leadwise.models import CandidateSource, Lead, LeadSource

SELF_CHECKED = {LeadSource.FORM.value, LeadSource.IMPORT.value}
# The fields the keys are made of (leads.update reports `phone_raw` for the phone).
KEYED = {
    "first_name",
    "last_name",
    "email",
    "phone_raw",
    "country",
    "company_name",
    "website",
    "city",
}


@subscribe(LeadCreated)
async def keys_and_check_of_a_new_lead(session: AsyncSession, event: LeadCreated) -> None:
    lead = await session.get(Lead, event.lead_id)  # in the session already: no query
    if lead is None:
        return
    await service.store_keys(
        session, lead.workspace_id, [(lead.id, service.fields_of(lead))], fresh=True
    )
    if event.source not in SELF_CHECKED:
        await service.check_new_lead(session, lead, CandidateSource.API)


@subscribe(LeadChanged)
async def keys_of_a_changed_lead(session: AsyncSession, event: LeadChanged) -> None:
    if KEYED.isdisjoint(event.fields):
        return
    lead = await session.get(Lead, event.lead_id)
    if lead is not None:
        await service.store_keys(session, lead.workspace_id, [(lead.id, service.fields_of(lead))])
