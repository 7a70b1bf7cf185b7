"""A submission from someone who may already be a lead.

Same email (case-insensitive) as a live lead: the form's `duplicate_policy` decides.
- `flag` (default): the new lead is created and the pair goes to the review queue;
- `merge`: the submission is added to that lead (the most recently updated one, if several):
  its empty fields are filled, the form's tags added, consents recorded, the message kept as
  a note; no new lead;
- `create`: the new lead is created, and the pair is not flagged.
Probable duplicates (a typo, another address, the same person at the same company) are
flagged for review whatever the policy: never merged without a person deciding.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.principal import Principal
from leadwise.dedupe import service as dedupe
from leadwise.leads import service as leads
from leadwise.leads.schemas import LeadCreate, LeadUpdate
from leadwise.models import CandidateSource, Form, Lead

FILLABLE = (
    "first_name", "last_name", "phone", "job_title", "company_name", "website", "country",
    "city", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
)  # fmt: skip
# Where the lead keeps a submitted field, when not under the same name.
STORED_AS = {"phone": "phone_raw"}


async def existing_lead(
    session: AsyncSession, form: Form, principal: Principal, data: LeadCreate
) -> Lead | None:
    """The lead a `merge` form adds this submission to, if there is one."""
    if form.duplicate_policy != "merge" or not data.email:
        return None
    same = await dedupe.same_email(session, form.workspace_id, data.email)
    return await leads.get(session, principal, same[0]) if same else None


async def add_submission(
    session: AsyncSession, principal: Principal, lead: Lead, data: LeadCreate
) -> Lead:
    """Fill the lead's empty fields from the submission and add the form's tags; what the lead
    already has is never overwritten. Changes reach the timeline as field changes."""
    changes = {
        name: getattr(data, name)
        for name in FILLABLE
        if getattr(data, name) not in (None, "")
        and getattr(lead, STORED_AS.get(name, name)) in (None, "")
    }
    custom = {
        key: value
        for key, value in (data.custom_fields or {}).items()
        if key not in lead.custom_fields
    }
    if custom:
        changes["custom_fields"] = custom
    tags = sorted(set(lead.tags) | set(data.tags or []))
    if tags != lead.tags:
        changes["tags"] = tags
    if not changes:
        return lead
    return await leads.update(session, principal, lead.id, LeadUpdate(**changes))


async def flag_probable(session: AsyncSession, form: Form, lead: Lead) -> int:
    """Flag the new lead's probable duplicates, and its same-email ones as the policy says."""
    workspace = form.workspace_id
    found = (await dedupe.find_probable(session, workspace, [dedupe.fields_of(lead)], threshold=0))[
        0
    ]
    same = set(await dedupe.same_email(session, workspace, lead.email_normalized))
    if form.duplicate_policy == "create":
        found = [duplicate for duplicate in found if duplicate.lead_id not in same]
    flagged = [d for d in found if d.lead_id in same or d.probability >= dedupe.PROBABLE]
    await dedupe.flag_many(session, workspace, lead.id, flagged, source=CandidateSource.CAPTURE)
    return len(flagged)
