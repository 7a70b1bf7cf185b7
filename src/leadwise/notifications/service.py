"""Which emails a lead's events cause, and composing one when its job runs.

Every email is a job (`notifications.email`): retried with back-off when the server is busy
or away, visible in the jobs list, and recorded on the lead's timeline however it ends.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.capture import service as capture
from leadwise.config import Settings
from leadwise.jobs import service as jobs
from leadwise.models import Lead
from leadwise.notifications import repository
from leadwise.notifications.render import render

EMAIL_JOB = "notifications.email"
_NOTIFIED_KEY = "leadwise_notified"


async def enqueue(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    lead_id: uuid.UUID,
    *,
    template: str,
    to: list[str],
    **params: Any,
) -> None:
    """One email job, sent once the transaction commits; an address told about this lead in
    this transaction already (assigned, then submitted) is not told twice."""
    told: set[tuple[uuid.UUID, str]] = session.info.setdefault(_NOTIFIED_KEY, set())
    recipients = [address for address in to if (lead_id, address.lower()) not in told]
    if not recipients:
        return
    told.update((lead_id, address.lower()) for address in recipients)
    await jobs.create_in(
        session,
        workspace_id,
        kind=EMAIL_JOB,
        params={"template": template, "to": recipients, "lead_id": str(lead_id), **params},
    )


@dataclass(frozen=True, slots=True)
class Composed:
    lead: Lead
    template: str
    to: list[str]
    message: EmailMessage


async def compose(
    session: AsyncSession, workspace_id: uuid.UUID, params: dict[str, Any], settings: Settings
) -> Composed | None:
    """The email a job asks for, or None when its lead or workspace is gone."""
    lead = await repository.live_lead(session, workspace_id, uuid.UUID(params["lead_id"]))
    workspace = await repository.workspace(session, workspace_id)
    if lead is None or workspace is None:
        return None
    form = (
        await capture.form_by_id(session, uuid.UUID(params["form_id"]))
        if params.get("form_id")
        else None
    )
    assigned_by = None
    if params.get("assigned_by_id"):
        user = await repository.member(session, workspace_id, uuid.UUID(params["assigned_by_id"]))
        assigned_by = user.full_name or user.email if user else None
    template: str = params["template"]
    rendered = render(
        template,
        {
            "workspace_name": workspace.name,
            "lead_name": _display_name(lead),
            "first_name": lead.first_name,
            "fields": _fields(lead),
            "message": params.get("message"),
            "form_name": form.name if form else None,
            "confirmation_subject": form.confirmation_subject if form else None,
            "confirmation_message": form.confirmation_message if form else None,
            "attachments": await repository.attachment_names(session, workspace_id, lead.id),
            "assigned_by": assigned_by,
            "lead_url": f"{settings.smtp.public_url.rstrip('/')}/leads/{lead.id}",
        },
    )
    sender = workspace.settings.get("email_from") or settings.smtp.from_address
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(params["to"])
    message["Subject"] = rendered.subject
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain=_domain_of(sender))
    # RFC 3834: no auto-replies to this, so two autoresponders never loop.
    message["Auto-Submitted"] = "auto-generated"
    if template != "lead_confirmation" and lead.email:
        message["Reply-To"] = lead.email  # answering the notification writes to the lead
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    return Composed(lead, template, list(params["to"]), message)


def _display_name(lead: Lead) -> str:
    name = f"{lead.first_name} {lead.last_name}".strip()
    return name or lead.email or lead.company_name or "(no name)"


def _fields(lead: Lead) -> list[tuple[str, str]]:
    pairs = [
        ("Name", f"{lead.first_name} {lead.last_name}".strip()),
        ("Email", lead.email),
        ("Phone", lead.phone_raw),
        ("Company", lead.company_name),
        ("Job title", lead.job_title),
        ("Website", lead.website),
        ("City", lead.city),
        ("Country", lead.country),
    ]
    return [(label, value) for label, value in pairs if value]


def _domain_of(sender: str) -> str:
    address = sender.rsplit("<", 1)[-1].rstrip(">").strip()
    return address.rpartition("@")[2] or "leadwise.invalid"
