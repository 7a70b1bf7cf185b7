"""Creating, reading and cancelling jobs. Domains call `create()` inside their transaction;
the job is published to the broker only after that transaction commits."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.clock import utcnow
from leadwise.core.db import after_commit
from leadwise.core.errors import Conflict, found
from leadwise.core.pagination import PageParams, paginate_by_id
from leadwise.core.schemas import Page
from leadwise.jobs import repository
from leadwise.models import Job, JobStatus
from leadwise.worker.app import get_celery

RUN_TASK = "jobs.run"


async def create(
    session: AsyncSession, principal: Principal, *, kind: str, params: dict[str, Any] | None = None
) -> Job:
    return await create_in(
        session, principal.workspace, kind=kind, params=params, created_by_id=principal.actor_id
    )


async def create_in(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    *,
    kind: str,
    params: dict[str, Any] | None = None,
    created_by_id: uuid.UUID | None = None,
) -> Job:
    """A job of the system itself (an email after a form submission), not of a caller."""
    now = utcnow()
    job = Job(
        workspace_id=workspace_id,
        created_by_id=created_by_id,
        kind=kind,
        params=params or {},
        status=JobStatus.QUEUED,
        heartbeat_at=now,
    )
    session.add(job)
    await session.flush()
    enqueue_after_commit(session, job.id)
    return job


def enqueue_after_commit(session: AsyncSession, job_id: uuid.UUID) -> None:
    after_commit(session, lambda: publish(job_id))


def publish(job_id: uuid.UUID) -> None:
    get_celery().send_task(RUN_TASK, args=[str(job_id)])


async def get(session: AsyncSession, principal: Principal, job_id: uuid.UUID) -> Job:
    return found(await repository.job_in(session, principal.workspace, job_id), "job")


async def list_jobs(
    session: AsyncSession,
    principal: Principal,
    params: PageParams,
    *,
    kind: str | None,
    status: JobStatus | None,
) -> Page[Job]:
    query = repository.workspace_jobs(principal.workspace)
    if kind is not None:
        query = query.where(Job.kind == kind)
    if status is not None:
        query = query.where(Job.status == status)
    return await paginate_by_id(session, query, Job.id, params, descending=True)


async def cancel(session: AsyncSession, principal: Principal, job_id: uuid.UUID) -> Job:
    job = await get(session, principal, job_id)
    if job.created_by_id is None or job.created_by_id != principal.actor_id:
        principal.check(Permission.WORKSPACE_UPDATE)  # others' jobs: admins only
    if job.status.is_final:
        raise Conflict(
            f"The job has already {job.status.value}.", details={"status": job.status.value}
        )
    job.cancel_requested = True
    if job.status is JobStatus.QUEUED:
        job.status = JobStatus.CANCELLED
        job.finished_at = utcnow()
    return job
