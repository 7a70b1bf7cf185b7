"""`/crawls`: crawl a company's website in the background, follow it, read what it found, and
add the people it found as leads."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, status

from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.dependencies import SessionDep, SettingsDep, read_only
from leadwise.core.pagination import PageDep
from leadwise.core.routing import make_router
from leadwise.core.schemas import Page
from leadwise.models import JobStatus
from leadwise.prospecting import service
from leadwise.prospecting.schemas import (
    CrawlLeadsRead,
    CrawlLeadsRequest,
    CrawlRead,
    CrawlRequest,
    CrawlSummary,
)

router = make_router(tags=["crawls"])
RunCrawls = Annotated[Principal, Depends(require(Permission.PROSPECT_RUN))]
ReadCrawls = Annotated[Principal, Depends(require(Permission.LEADS_READ))]
WriteLeads = Annotated[Principal, Depends(require(Permission.LEADS_WRITE))]


@router.post(
    "/crawls",
    response_model=CrawlRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Crawl a company's website in the background (a `crawl.site` job): company facts, "
    "people, emails with their sources, the email pattern, verification",
)
async def start_crawl(
    body: CrawlRequest, principal: RunCrawls, session: SessionDep, settings: SettingsDep
) -> object:
    return await service.start(session, principal, settings, body)


@router.get(
    "/crawls", response_model=Page[CrawlSummary], summary="The workspace's crawls, newest first"
)
@read_only
async def list_crawls(
    principal: ReadCrawls, session: SessionDep, page: PageDep, status: JobStatus | None = None
) -> object:
    return await service.list_crawls(session, principal, page, status=status)


@router.get(
    "/crawls/{crawl_id}",
    response_model=CrawlRead,
    summary="A crawl: its status, the pages fetched so far and, once done, what it found",
)
@read_only
async def read_crawl(crawl_id: uuid.UUID, principal: ReadCrawls, session: SessionDep) -> object:
    return await service.get(session, principal, crawl_id)


@router.post(
    "/crawls/{crawl_id}/leads",
    response_model=CrawlLeadsRead,
    summary="Add people (and addresses) a finished crawl found as leads of the site's company; "
    "a person who is a lead already is not added again",
)
async def add_leads(
    crawl_id: uuid.UUID,
    body: CrawlLeadsRequest,
    principal: WriteLeads,
    session: SessionDep,
    settings: SettingsDep,
) -> object:
    return await service.add_leads(session, principal, settings, crawl_id, body)
