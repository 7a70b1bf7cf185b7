"""The periodic re-check (Celery beat, every LEADWISE_VERIFY__RECHECK_INTERVAL_SECONDS): leads
whose temporary verdict (greylisted, a timeout, ...) reached its `retry_at`, and leads whose
verdict is older than REVERIFY_AFTER_DAYS, queued as `verification.leads` jobs of at most
RECHECK_BATCH leads per run.

Running it twice queues nothing twice: each lead queued gets `recheck_queued_at` in its stored
verdict, and is passed over while that is younger than REQUEUE_AFTER (the job's new verdict
replaces it long before; a lead whose job failed is queued again after that).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime, timedelta

from leadwise.config import Settings
from leadwise.core.clock import utcnow
from leadwise.core.db import Database
from leadwise.core.logging import get_logger
from leadwise.verification import repository
from leadwise.verification.auto import queue_leads
from leadwise.verification.result import SubStatus

log = get_logger("leadwise.verification")

REQUEUE_AFTER = timedelta(days=1)


async def queue_rechecks(
    db: Database, settings: Settings, now: datetime | None = None
) -> list[uuid.UUID]:
    """Queue the leads due for another check; returns the ids of the jobs queued."""
    now = now or utcnow()
    days = settings.verify.reverify_after_days
    async with db.unit_of_work() as session:
        due = await repository.due_for_recheck(
            session,
            now=now,
            verified_before=now - timedelta(days=days) if days else None,
            queued_before=now - REQUEUE_AFTER,
            limit=settings.verify.recheck_batch,
        )
        # One job per workspace, way of checking and reason.
        groups: defaultdict[tuple[uuid.UUID, bool | None, str], list[uuid.UUID]] = defaultdict(list)
        marked = {}
        for lead_id, workspace_id, verification in due:
            # Checked again the way it was checked: an offline verdict stays offline.
            offline = verification.get("sub_status") == SubStatus.SMTP_SKIPPED.value
            retry_at = verification.get(repository.RETRY_AT)
            trigger = "retry" if retry_at and retry_at <= repository.stamp(now) else "reverify"
            groups[(workspace_id, False if offline else None, trigger)].append(lead_id)
            marked[lead_id] = verification | {repository.QUEUED_AT: repository.stamp(now)}
        await repository.mark_queued(session, marked)
        queued = []
        for (workspace_id, smtp, trigger), lead_ids in groups.items():
            job = await queue_leads(session, workspace_id, lead_ids, smtp=smtp, trigger=trigger)
            assert job is not None
            queued.append(job.id)
    if queued:
        log.info("verification re-checks queued", jobs=len(queued), leads=len(marked))
    return queued
