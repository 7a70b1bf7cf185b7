"""Celery tasks of the job system. Tasks take ids only and are safe to run twice."""

from __future__ import annotations

import uuid

from celery import shared_task

from leadwise.config import get_settings
from leadwise.jobs import runner
from leadwise.worker.bridge import run_async


@shared_task(name="jobs.run", ignore_result=True)
def run(job_id: str) -> str:
    settings = get_settings()
    outcome = run_async(lambda db: runner.run_job(db, settings, uuid.UUID(job_id)))
    if outcome.retry_in is not None:
        run.apply_async(args=(job_id,), countdown=outcome.retry_in)
    return outcome.status


@shared_task(name="jobs.sweep", ignore_result=True)
def sweep() -> int:
    settings = get_settings()
    stale = run_async(lambda db: runner.sweep(db, settings))
    for job_id in stale:
        run.delay(str(job_id))
    return len(stale)
