"""`/companies/{id}/enrich` and `/leads/{id}/enrich`: enrichment on demand, as a job."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Body, Depends, status

from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.dependencies import SessionDep
from leadwise.core.routing import make_router
from leadwise.enrichment import service
from leadwise.enrichment.schemas import EnrichRequest
from leadwise.jobs.schemas import JobRead

router = make_router(tags=["enrichment"])
WriteCompanies = Annotated[Principal, Depends(require(Permission.LEADS_WRITE))]


@router.post(
    "/companies/{company_id}/enrich",
    response_model=JobRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Enrich a company from its website and DNS (a job); results land on the company "
    "and its leads, with a timeline entry on each lead",
)
async def enrich_company(
    company_id: uuid.UUID,
    principal: WriteCompanies,
    session: SessionDep,
    body: Annotated[EnrichRequest | None, Body()] = None,
) -> object:
    refresh = body.refresh if body is not None else False
    return await service.start_company(session, principal, company_id, refresh=refresh)


@router.post(
    "/leads/{lead_id}/enrich",
    response_model=JobRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Enrich a lead: its company from its website and DNS (a job), applied to the "
    "company and this lead, with a timeline entry on the lead",
)
async def enrich_lead(
    lead_id: uuid.UUID,
    principal: WriteCompanies,
    session: SessionDep,
    body: Annotated[EnrichRequest | None, Body()] = None,
) -> object:
    refresh = body.refresh if body is not None else False
    return await service.start_lead(session, principal, lead_id, refresh=refresh)
