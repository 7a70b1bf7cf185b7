"""Leads verified in the background: new leads (API, forms, imports) and new addresses when
`LEADWISE_VERIFY__ON_CREATE` says so, and the periodic re-checks (verification/recheck.py).

Never inline in a request: the caller queues a `verification.leads` job in its transaction, so
it is sent after commit and dropped on rollback. The job verifies its leads in chunks and
stores each chunk's verdicts with its checkpoint, like every job. A temporary verdict
(greylisted, a timeout, ...) is stored with `retry_at`, when asking again is worthwhile, and
`attempt`, how many temporary verdicts came in a row; the re-check picks it up from there.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.config import AutoVerify, get_settings
from leadwise.core.errors import NotFound
from leadwise.jobs import service as jobs
from leadwise.jobs.handlers import JobContext, JobResult, job_handler
from leadwise.leads import service as leads
from leadwise.models import Job, Lead
from leadwise.verification.bulk import job_principal
from leadwise.verification.engine import Verifier
from leadwise.verification.result import SubStatus, VerificationResult
from leadwise.verification.service import store_on_lead

LEADS_JOB = "verification.leads"
# Verdicts that may well change soon; anything else waits for REVERIFY_AFTER_DAYS.
TEMPORARY = frozenset(
    {
        SubStatus.GREYLISTED,
        SubStatus.TEMPORARY_FAILURE,
        SubStatus.TIMEOUT,
        SubStatus.DISCONNECTED,
        SubStatus.CATCH_ALL_UNKNOWN,
        SubStatus.DNS_ERROR,
        SubStatus.DNS_TIMEOUT,
    }
)
MAX_ATTEMPTS = 4  # temporary verdicts in a row before only the TTL brings another check


def smtp_for(mode: AutoVerify) -> bool | None:
    """The job's `smtp` parameter: None lets LEADWISE_VERIFY__SMTP_ENABLED decide."""
    return None if mode is AutoVerify.FULL else False


async def queue_leads(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    lead_ids: list[uuid.UUID],
    *,
    smtp: bool | None,
    trigger: str,
) -> Job | None:
    """One job for these leads, sent when the caller's transaction commits."""
    if not lead_ids:
        return None
    params = {
        "lead_ids": [str(lead_id) for lead_id in lead_ids],
        "smtp": smtp,
        "trigger": trigger,  # created, email_changed, imported, reverify, retry
        "total": len(lead_ids),
    }
    return await jobs.create_in(session, workspace_id, kind=LEADS_JOB, params=params)


async def verify_imported_leads(
    session: AsyncSession, workspace_id: uuid.UUID, lead_ids: list[uuid.UUID]
) -> None:
    """An import chunk's new leads (those with an address), as one job, when ON_CREATE is on."""
    mode = get_settings().verify.on_create
    if mode is not AutoVerify.OFF:
        await queue_leads(session, workspace_id, lead_ids, smtp=smtp_for(mode), trigger="imported")


@job_handler(LEADS_JOB)
async def verify_leads(ctx: JobContext) -> JobResult:
    assert ctx.workspace_id is not None
    settings = get_settings()
    principal = job_principal(ctx.workspace_id)
    ids: list[str] = ctx.params["lead_ids"]
    smtp: bool | None = ctx.params.get("smtp")
    counts: dict[str, int] = dict(ctx.counts.get("statuses", {}))
    start = int(ctx.checkpoint.get("offset", 0))
    size = settings.verify.bulk_chunk
    base_wait = settings.verify.greylist_retry_seconds
    async with Verifier.from_settings(settings) as verifier:
        for offset in range(start, len(ids), size):
            chunk = [uuid.UUID(lead_id) for lead_id in ids[offset : offset + size]]
            async with ctx.db.unit_of_work() as session:
                emails = await _emails_of(session, ctx.workspace_id, chunk)
            checked = list(emails.items())
            results = await verifier.verify_many([email for _, email in checked], smtp=smtp)
            waits = [await _greylisted_until(verifier, result) for result in results]
            async with ctx.db.unit_of_work() as session:
                for (lead_id, email), result, until in zip(checked, results, waits, strict=True):
                    try:
                        lead = await leads.get(session, principal, lead_id)
                    except NotFound:
                        continue  # deleted meanwhile
                    if lead.email != email:
                        continue  # changed meanwhile: its own job checks the new address
                    recheck = _recheck(lead, result, until, base_wait)
                    store_on_lead(session, None, lead, result, recheck=recheck)
                    counts[result.status.value] = counts.get(result.status.value, 0) + 1
                done = offset + len(chunk)
                await ctx.save(
                    session,
                    checkpoint={"offset": done},
                    progress=99 * done / max(len(ids), 1),
                    counts={"done": done, "total": len(ids), "statuses": counts},
                )
    return {"leads": len(ids), "statuses": counts}


async def _emails_of(
    session: AsyncSession, workspace_id: uuid.UUID, lead_ids: list[uuid.UUID]
) -> dict[uuid.UUID, str]:
    principal = job_principal(workspace_id)
    emails = {}
    for lead_id in lead_ids:
        try:
            lead = await leads.get(session, principal, lead_id)
        except NotFound:
            continue
        if lead.email:
            emails[lead_id] = lead.email
    return emails


async def _greylisted_until(verifier: Verifier, result: VerificationResult) -> float | None:
    return await verifier.retry_after(result) if result.sub_status in TEMPORARY else None


def _recheck(
    lead: Lead, result: VerificationResult, greylisted_until: float | None, base_wait: float
) -> dict[str, Any]:
    """For a temporary verdict: when to ask again (GREYLIST_RETRY_SECONDS after the check,
    doubling with each temporary verdict in a row, and not before the greylisting wait the
    engine recorded for the domain) and which attempt this was."""
    if result.sub_status not in TEMPORARY:
        return {}
    previous = lead.verification or {}
    attempt = 1
    if previous.get("email") == result.email and previous.get("sub_status") in TEMPORARY:
        attempt = int(previous.get("attempt") or 1) + 1
    if attempt > MAX_ATTEMPTS:
        return {"attempt": attempt}  # no retry_at: the TTL brings the next check
    retry_at = result.checked_at + timedelta(seconds=base_wait * 2 ** (attempt - 1))
    if greylisted_until is not None:
        retry_at = max(retry_at, datetime.fromtimestamp(greylisted_until, UTC))
    # Whole seconds in UTC: one fixed-width text, so the re-check compares it as a string.
    return {"retry_at": retry_at.astimezone(UTC).isoformat(timespec="seconds"), "attempt": attempt}
