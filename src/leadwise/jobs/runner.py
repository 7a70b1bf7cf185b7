"""Runs one job in the worker: claim with a lease, heartbeat, finish, retry or give up."""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import InterfaceError, OperationalError

from leadwise.config import Settings
from leadwise.core.clock import utcnow
from leadwise.core.db import Database
from leadwise.core.live import JobFeed
from leadwise.core.logging import get_logger
from leadwise.core.metrics import JOB_DURATION, JOBS
from leadwise.jobs import repository
from leadwise.jobs.handlers import (
    JobCancelled,
    JobContext,
    LeaseLost,
    TransientJobError,
    handler_for,
)
from leadwise.models import Job, JobStatus

log = get_logger("leadwise.jobs")

TRANSIENT_ERRORS = (
    TransientJobError,
    OperationalError,
    InterfaceError,
    ConnectionError,
    TimeoutError,
)


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str  # a JobStatus value, "skipped" (not ours to run), "not_due" or "lease_lost"
    retry_in: float | None = None


async def run_job(db: Database, settings: Settings, job_id: uuid.UUID) -> Outcome:
    now = utcnow()
    stale_before = now - timedelta(seconds=settings.jobs.stale_after_seconds)
    async with db.unit_of_work() as session:
        attempt = await repository.claim(session, job_id, now, stale_before)
    if attempt is None:
        return await _not_claimed(db, job_id, now)
    async with db.sessionmaker() as session:
        job = await session.get(Job, job_id)
    assert job is not None
    log.info("job started", job_id=str(job_id), kind=job.kind, attempt=attempt)
    handler = handler_for(job.kind)
    if handler is None:
        return await _finish(
            db, job, attempt, JobStatus.FAILED, error=f"unknown job kind {job.kind!r}"
        )
    if attempt > settings.jobs.max_attempts:
        return await _finish(
            db, job, attempt, JobStatus.FAILED, error=f"gave up after {attempt - 1} attempts"
        )
    # What the job does to leads reaches the live streams, a few events a second at most.
    feed = JobFeed(db.live) if db.live is not None and job.workspace_id is not None else None
    ctx = JobContext(
        db=db.for_job(job.workspace_id, feed) if feed and job.workspace_id else db,
        job_id=job.id,
        kind=job.kind,
        workspace_id=job.workspace_id,
        params=dict(job.params),
        checkpoint=dict(job.checkpoint),
        attempt=attempt,
        counts=dict(job.counts),
    )
    beating = asyncio.create_task(_heartbeat(db, ctx, settings.jobs.heartbeat_seconds))
    started = time.monotonic()
    try:
        result = await handler(ctx)
    except JobCancelled:
        return await _finish(db, job, attempt, JobStatus.CANCELLED, started=started)
    except LeaseLost:
        log.warning("job lease lost; another runner owns it", job_id=str(job_id))
        return Outcome("lease_lost")
    except TRANSIENT_ERRORS as error:
        return await _retry_later(db, settings, job, attempt, error)
    except Exception as error:
        log.exception("job failed", job_id=str(job_id), kind=job.kind)
        return await _finish(
            db, job, attempt, JobStatus.FAILED, error=_describe(error), started=started
        )
    finally:
        beating.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await beating
        if feed is not None:
            await _flush(feed)
    return await _finish(db, job, attempt, JobStatus.SUCCEEDED, result=result, started=started)


async def _flush(feed: JobFeed) -> None:
    """The events held back by the feed (what committed before a cancel or failure too)."""
    try:
        await feed.flush()
    except Exception:
        log.warning("live events of a job not published", exc_info=True)


async def _not_claimed(db: Database, job_id: uuid.UUID, now: datetime) -> Outcome:
    """Someone else runs it, it is finished, or its retry is not due yet: then the message
    comes back when it is (an early or duplicate message must not cut the backoff short)."""
    async with db.sessionmaker() as session:
        job = await session.get(Job, job_id)
    if job is not None and job.status is JobStatus.QUEUED and job.heartbeat_at is not None:
        wait = (job.heartbeat_at - now).total_seconds()
        if wait > 0:
            return Outcome("not_due", retry_in=wait)
    return Outcome("skipped")


async def _heartbeat(db: Database, ctx: JobContext, interval: float) -> None:
    """Keeps the lease alive during long steps; stops quietly once the lease is gone."""
    while True:
        await asyncio.sleep(interval)
        try:
            async with db.unit_of_work() as session:
                owned = await repository.update_fenced(
                    session, ctx.job_id, ctx.attempt, {"heartbeat_at": utcnow()}
                )
        except TRANSIENT_ERRORS:
            continue
        if not owned:
            return


async def _finish(
    db: Database,
    job: Job,
    attempt: int,
    status: JobStatus,
    *,
    result: dict[str, Any] | None = None,
    error: str | None = None,
    started: float | None = None,
) -> Outcome:
    now = utcnow()
    values: dict[str, Any] = {"status": status, "finished_at": now, "updated_at": now}
    if status is JobStatus.SUCCEEDED:
        values["progress"] = 100
        values["result"] = result
        values["error"] = None
    if error is not None:
        values["error"] = error
    async with db.unit_of_work() as session:
        owned = await repository.update_fenced(session, job.id, attempt, values)
    if not owned:
        return Outcome("lease_lost")
    JOBS.labels(job.kind, status.value).inc()
    if started is not None:
        JOB_DURATION.labels(job.kind, status.value).observe(time.monotonic() - started)
    log.info("job finished", job_id=str(job.id), kind=job.kind, status=status.value)
    return Outcome(status.value)


async def _retry_later(
    db: Database, settings: Settings, job: Job, attempt: int, error: BaseException
) -> Outcome:
    if attempt >= settings.jobs.max_attempts:
        return await _finish(
            db,
            job,
            attempt,
            JobStatus.FAILED,
            error=f"gave up after {attempt} attempts: {_describe(error)}",
        )
    delay = backoff_seconds(settings, attempt)
    now = utcnow()
    values = {
        "status": JobStatus.QUEUED,
        "error": f"attempt {attempt} failed, retrying in {delay:.0f}s: {_describe(error)}",
        # For a queued job the heartbeat is its "not before": the sweeper leaves it alone
        # until the retry is due (plus the stale margin).
        "heartbeat_at": now + timedelta(seconds=delay),
        "updated_at": now,
    }
    async with db.unit_of_work() as session:
        owned = await repository.update_fenced(session, job.id, attempt, values)
    if not owned:
        return Outcome("lease_lost")
    log.warning("job will retry", job_id=str(job.id), attempt=attempt, delay=delay)
    return Outcome(JobStatus.QUEUED.value, retry_in=delay)


def backoff_seconds(settings: Settings, attempt: int) -> float:
    base: float = settings.jobs.retry_base_seconds * 2 ** (attempt - 1)
    capped = min(base, settings.jobs.retry_max_seconds)
    jitter: float = random.uniform(0.8, 1.2)  # noqa: S311 - jitter, not security
    return capped * jitter


def _describe(error: BaseException) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text}"[:2000] if text else type(error).__name__


async def sweep(db: Database, settings: Settings, limit: int = 500) -> list[uuid.UUID]:
    """Jobs whose runner went silent, or whose message never arrived: to be sent again."""
    stale_before = utcnow() - timedelta(seconds=settings.jobs.stale_after_seconds)
    async with db.sessionmaker() as session:
        return await repository.stale_job_ids(session, stale_before, limit)
