"""The `notifications.email` job: compose, send over SMTP, and record the outcome on the lead.

A failed email never fails what caused it (the submission committed long before); it retries
with back-off on temporary failures and, when it gives up, says so on the lead's timeline and
in the job's status.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.config import get_settings
from leadwise.core.logging import get_logger
from leadwise.core.metrics import EMAILS
from leadwise.integrations.smtp import SmtpMailer
from leadwise.jobs.handlers import JobContext, JobResult, TransientJobError, job_handler
from leadwise.leads import service as leads
from leadwise.models import ActivityKind, Lead
from leadwise.notifications import repository, service
from leadwise.notifications.mailer import PermanentFailure, TemporaryFailure

log = get_logger(__name__)


class EmailNotSent(Exception):
    """The email failed for good; the job fails with this reason."""


@job_handler(service.EMAIL_JOB)
async def send_email(ctx: JobContext) -> JobResult:
    if ctx.checkpoint.get("done"):  # sent by an earlier run that died before finishing
        result: dict[str, Any] = ctx.checkpoint["result"]
        return result
    settings = get_settings()
    assert ctx.workspace_id is not None
    async with ctx.db.unit_of_work() as session:
        composed = await service.compose(session, ctx.workspace_id, ctx.params, settings)
    if composed is None:
        return {"sent": False, "reason": "lead_removed"}
    summary = {
        "template": composed.template,
        "to": composed.to,
        "subject": composed.message["Subject"],
        "message_id": composed.message["Message-ID"],
    }
    if not settings.smtp.host:
        log.warning("no SMTP server configured: email recorded, not sent", **summary)
        EMAILS.labels("not_configured").inc()
        return await _finish(ctx, summary, sent=False, reason="smtp_not_configured")
    try:
        await SmtpMailer(settings.smtp).send(composed.message)
    except TemporaryFailure as error:
        if ctx.attempt < settings.jobs.max_attempts:
            raise TransientJobError(str(error)) from error
        await _record_failure(ctx, summary, f"gave up after {ctx.attempt} attempts: {error}")
        raise EmailNotSent(str(error)) from error
    except PermanentFailure as error:
        await _record_failure(ctx, summary, str(error))
        raise EmailNotSent(str(error)) from error
    EMAILS.labels("sent").inc()
    return await _finish(ctx, summary, sent=True)


async def _finish(
    ctx: JobContext, summary: dict[str, Any], *, sent: bool, reason: str | None = None
) -> JobResult:
    result = {"sent": sent, **({"reason": reason} if reason else {}), **summary}
    async with ctx.db.unit_of_work() as session:
        lead = await _lead(ctx, session)
        if lead is not None:
            to_prospect = summary["template"] == "lead_confirmation"
            if sent and to_prospect:
                kind, event, body = ActivityKind.EMAIL_SENT, "email_sent", summary["subject"]
            elif sent:
                kind, event = ActivityKind.SYSTEM, "notification_sent"
                body = f"Notified {', '.join(summary['to'])}"
            else:
                kind, event = ActivityKind.SYSTEM, "email_not_sent"
                body = "Email not sent: no SMTP server is configured"
            leads.record_activity(
                session, lead, None, kind, body=body, data={"event": event, **result}
            )
        await ctx.save(session, checkpoint={"done": True, "result": result})
    return result


async def _record_failure(ctx: JobContext, summary: dict[str, Any], error: str) -> None:
    EMAILS.labels("failed").inc()
    log.warning("email failed", error=error, **summary)
    async with ctx.db.unit_of_work() as session:
        lead = await _lead(ctx, session)
        if lead is not None:
            leads.record_activity(
                session,
                lead,
                None,
                ActivityKind.SYSTEM,
                body=f"Email to {', '.join(summary['to'])} failed: {error}",
                data={"event": "email_failed", "error": error, **summary},
            )


async def _lead(ctx: JobContext, session: AsyncSession) -> Lead | None:
    assert ctx.workspace_id is not None
    lead_id = uuid.UUID(ctx.params["lead_id"])
    return await repository.live_lead(session, ctx.workspace_id, lead_id)
