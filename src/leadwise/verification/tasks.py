"""Celery tasks of verification: the periodic re-check (scheduled by the worker's beat)."""

from __future__ import annotations

from celery import shared_task

from leadwise.config import get_settings
from leadwise.verification.recheck import queue_rechecks
from leadwise.worker.bridge import run_async

RECHECK_TASK = "verification.recheck"


@shared_task(name=RECHECK_TASK, ignore_result=True)
def recheck() -> int:
    settings = get_settings()
    return len(run_async(lambda db: queue_rechecks(db, settings)))
