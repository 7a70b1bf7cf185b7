"""The emails that leads' events cause, as far as the workspace's notification options allow."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.capture import service as capture
from leadwise.capture.events import FormSubmitted
from leadwise.core.events import subscribe
from leadwise.leads.events import LeadAssigned
from leadwise.notifications import repository, service


@subscribe(LeadAssigned)
async def tell_the_new_owner(session: AsyncSession, event: LeadAssigned) -> None:
    if event.owner_id == event.actor_id:
        return  # nobody needs an email about what they just did
    if not await _workspace_sends(session, event.workspace_id, "lead_assigned"):
        return
    owner = await repository.member(session, event.workspace_id, event.owner_id)
    if owner is None:
        return
    await service.enqueue(
        session,
        event.workspace_id,
        event.lead_id,
        template="lead_assigned",
        to=[owner.email],
        assigned_by_id=str(event.actor_id) if event.actor_id else None,
    )


@subscribe(FormSubmitted)
async def tell_about_the_submission(session: AsyncSession, event: FormSubmitted) -> None:
    form = await capture.form_by_id(session, event.form_id)
    lead = await repository.live_lead(session, event.workspace_id, event.lead_id)
    if form is None or lead is None:
        return
    if form.send_confirmation and lead.email and not lead.do_not_contact:
        await service.enqueue(
            session,
            event.workspace_id,
            lead.id,
            template="lead_confirmation",
            to=[lead.email],
            form_id=str(form.id),
            message=event.message,
        )
    if not await _workspace_sends(session, event.workspace_id, "new_lead"):
        return
    recipients = list(form.notify_emails)
    if not recipients and lead.owner_id is not None:
        owner = await repository.member(session, event.workspace_id, lead.owner_id)
        recipients = [owner.email] if owner else []
    await service.enqueue(
        session,
        event.workspace_id,
        lead.id,
        template="new_lead",
        to=recipients,
        form_id=str(form.id),
        message=event.message,
    )


async def _workspace_sends(session: AsyncSession, workspace_id: uuid.UUID, kind: str) -> bool:
    """Whether the workspace's notification options leave the `kind` email on."""
    workspace = await repository.workspace(session, workspace_id)
    return workspace is not None and workspace.notifications[kind]
