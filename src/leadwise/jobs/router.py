"""`/jobs`: what background work is doing."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query

from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.dependencies import SessionDep, read_only
from leadwise.core.pagination import PageDep
from leadwise.core.routing import make_router
from leadwise.core.schemas import Page
from leadwise.jobs import service
from leadwise.jobs.schemas import JobRead
from leadwise.models import JobStatus

router = make_router(tags=["jobs"])
ReadJobs = Annotated[Principal, Depends(require(Permission.JOBS_READ))]


@router.get("/jobs", response_model=Page[JobRead])
@read_only
async def list_jobs(
    principal: ReadJobs,
    session: SessionDep,
    page: PageDep,
    kind: Annotated[str | None, Query(max_length=64)] = None,
    status: JobStatus | None = None,
) -> object:
    return await service.list_jobs(session, principal, page, kind=kind, status=status)


@router.get("/jobs/{job_id}", response_model=JobRead)
@read_only
async def read_job(job_id: uuid.UUID, principal: ReadJobs, session: SessionDep) -> object:
    return await service.get(session, principal, job_id)


@router.post("/jobs/{job_id}/cancel", response_model=JobRead)
async def cancel_job(job_id: uuid.UUID, principal: ReadJobs, session: SessionDep) -> object:
    return await service.cancel(session, principal, job_id)
