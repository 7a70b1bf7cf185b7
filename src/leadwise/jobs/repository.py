"""SQL for jobs: scoped reads for the API, and the claim/lease updates of the runner."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Select, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.models import Job, JobStatus


def workspace_jobs(workspace_id: uuid.UUID) -> Select[Job]:
    return select(Job).where(Job.workspace_id == workspace_id)


async def job_in(session: AsyncSession, workspace_id: uuid.UUID, job_id: uuid.UUID) -> Job | None:
    return await session.scalar(workspace_jobs(workspace_id).where(Job.id == job_id))


async def claim(
    session: AsyncSession, job_id: uuid.UUID, now: datetime, stale_before: datetime
) -> int | None:
    """Take the job if it waits (and a retry's backoff is over) or its runner went silent;
    returns the new attempt number, which fences every later write of this run (a revived
    old runner can no longer write)."""
    result = await session.execute(
        update(Job)
        .where(
            Job.id == job_id,
            or_(
                # A queued job's heartbeat is its "not before" (see runner._retry_later).
                (Job.status == JobStatus.QUEUED)
                & or_(Job.heartbeat_at.is_(None), Job.heartbeat_at <= now),
                (Job.status == JobStatus.RUNNING) & (Job.heartbeat_at < stale_before),
            ),
        )
        .values(
            status=JobStatus.RUNNING,
            attempts=Job.attempts + 1,
            heartbeat_at=now,
            updated_at=now,
        )
        .returning(Job.attempts)
    )
    attempt = result.scalar_one_or_none()
    if attempt is not None:
        await session.execute(
            update(Job).where(Job.id == job_id, Job.started_at.is_(None)).values(started_at=now)
        )
    return attempt


async def update_fenced(
    session: AsyncSession, job_id: uuid.UUID, attempt: int, values: dict[str, Any]
) -> bool:
    result = await session.execute(
        update(Job)
        .where(Job.id == job_id, Job.attempts == attempt, Job.status == JobStatus.RUNNING)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def stale_job_ids(
    session: AsyncSession, stale_before: datetime, limit: int
) -> list[uuid.UUID]:
    return list(
        await session.scalars(
            select(Job.id)
            .where(
                Job.status.in_([JobStatus.QUEUED, JobStatus.RUNNING]),
                Job.heartbeat_at < stale_before,
            )
            .order_by(Job.heartbeat_at)
            .limit(limit)
        )
    )


async def cancel_requested(session: AsyncSession, job_id: uuid.UUID) -> bool:
    return bool(await session.scalar(select(Job.cancel_requested).where(Job.id == job_id)))
