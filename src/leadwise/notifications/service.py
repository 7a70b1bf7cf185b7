"""Which emails a lead's events cause, composing one when its job runs, and the outgoing
email's status and test email of Settings.

Every email about a lead is a job (`notifications.email`): retried with back-off when the
server is busy or away, visible in the jobs list, and recorded on the lead's timeline however
it ends. The test email is the exception: sent at once, so its answer is the server's.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.principal import Principal
from leadwise.capture import service as capture
from leadwise.config import Settings
from leadwise.core.db import release_connection
from leadwise.core.errors import AppError
from leadwise.core.logging import get_logger
from leadwise.core.metrics import EMAILS
from leadwise.core.ratelimit import RateLimiter
from leadwise.jobs import service as jobs
from leadwise.models import Lead, Workspace
from leadwise.notifications import repository
from leadwise.notifications.mailer import FailureReason, Mailer, SendFailure
from leadwise.notifications.render import render
from leadwise.users import service as users

log = get_logger(__name__)

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
    sender = sender_of(workspace, settings)
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


def sender_of(workspace: Workspace, settings: Settings) -> str:
    """The From of the workspace's emails: its own sender, else the server's."""
    return workspace.email_from or settings.smtp.from_address


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


# --- Settings: is outgoing email set up, and does it work --------------------------------


class SmtpNotConfigured(AppError):
    status_code = 409
    code = "SMTP_NOT_CONFIGURED"
    message = (
        "Outgoing email is not set up on this server, so nothing can be sent. "
        "Its administrator sets LEADWISE_SMTP__HOST (see the operations guide)."
    )


class SmtpFailed(AppError):
    status_code = 502
    code = "SMTP_ERROR"


class SmtpRefused(SmtpFailed):
    code = "SMTP_REFUSED"


class SmtpTimeout(SmtpFailed):
    status_code = 504
    code = "SMTP_TIMEOUT"


class SmtpUnreachable(SmtpFailed):
    code = "SMTP_UNREACHABLE"


@dataclass(frozen=True, slots=True)
class SmtpStatus:
    configured: bool
    host: str | None
    port: int | None
    security: str
    authenticated: bool
    default_sender: str
    workspace_sender: str | None
    sender: str


@dataclass(frozen=True, slots=True)
class TestEmailSent:
    to: str
    sender: str
    subject: str
    message_id: str


async def smtp_status(
    session: AsyncSession, principal: Principal, settings: Settings
) -> SmtpStatus:
    """How the workspace's emails go out; never the server's credentials."""
    workspace = await users.get_workspace(session, principal)
    smtp = settings.smtp
    return SmtpStatus(
        configured=bool(smtp.host),
        host=smtp.host,
        port=smtp.port if smtp.host else None,
        security=smtp.security,
        authenticated=bool(smtp.username),
        default_sender=smtp.from_address,
        workspace_sender=workspace.email_from,
        sender=sender_of(workspace, settings),
    )


async def send_test_email(
    session: AsyncSession,
    principal: Principal,
    settings: Settings,
    mailer: Mailer | None,
    limiter: RateLimiter,
    *,
    to: str,
) -> TestEmailSent:
    """Send a test email to `to` now, through the mailer of the notification jobs; a failure
    is the server's answer, told in words (not retried: the person is waiting)."""
    workspace = await users.get_workspace(session, principal)
    await limiter.check("test_email", str(workspace.id))
    if mailer is None:
        raise SmtpNotConfigured()
    user = principal.user
    sender = sender_of(workspace, settings)
    rendered = render(
        "smtp_test",
        {
            "workspace_name": workspace.name,
            "requested_by": (user.full_name or user.email) if user else "an API key",
            "smtp_host": settings.smtp.host,
            "smtp_port": settings.smtp.port,
            "sender": sender,
        },
    )
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = rendered.subject
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain=_domain_of(sender))
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    await release_connection(session)  # no pooled connection waits on the mail server
    where = f"{settings.smtp.host}:{settings.smtp.port}"
    try:
        await mailer.send(message)
    except SendFailure as failure:
        EMAILS.labels("failed").inc()
        log.warning("test email failed", to=to, server=where, error=str(failure))
        raise _told(failure, where, settings.smtp.timeout_seconds) from failure
    EMAILS.labels("sent").inc()
    log.info("test email sent", to=to, server=where)
    return TestEmailSent(
        to=to, sender=sender, subject=rendered.subject, message_id=message["Message-ID"]
    )


_FAILURES: dict[FailureReason, type[SmtpFailed]] = {
    "refused": SmtpRefused,
    "timeout": SmtpTimeout,
    "unreachable": SmtpUnreachable,
    "error": SmtpFailed,
}


def _told(failure: SendFailure, where: str, timeout: float) -> SmtpFailed:
    """The failure as a person reads it, with the server's own words in the details."""
    reply = str(failure)
    messages: dict[FailureReason, str] = {
        "refused": f"The mail server {where} refused the email: {reply}",
        "timeout": f"The mail server {where} did not answer within {timeout:g} seconds.",
        "unreachable": f"Could not connect to the mail server {where}: {reply}",
        "error": f"Sending through the mail server {where} failed: {reply}",
    }
    details: dict[str, Any] = {"server": where, "reason": failure.reason, "server_reply": reply}
    if failure.smtp_code is not None:
        details["smtp_code"] = failure.smtp_code
    return _FAILURES[failure.reason](messages[failure.reason], details=details)
