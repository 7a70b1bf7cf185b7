"""`/companies`: the organisations behind the leads."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query, status

from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.companies import service
from leadwise.companies.schemas import CompanyCreate, CompanyRead, CompanyUpdate
from leadwise.core.dependencies import SessionDep, read_only
from leadwise.core.pagination import PageDep
from leadwise.core.routing import make_router
from leadwise.core.schemas import Page

router = make_router(tags=["companies"])
ReadCompanies = Annotated[Principal, Depends(require(Permission.LEADS_READ))]
WriteCompanies = Annotated[Principal, Depends(require(Permission.LEADS_WRITE))]
DeleteCompanies = Annotated[Principal, Depends(require(Permission.LEADS_DELETE))]


@router.get("/companies", response_model=Page[CompanyRead])
@read_only
async def list_companies(
    principal: ReadCompanies,
    session: SessionDep,
    page: PageDep,
    q: Annotated[str | None, Query(max_length=200, description="Name or domain")] = None,
) -> object:
    return await service.list_companies(session, principal, page, q=q)


@router.post("/companies", response_model=CompanyRead, status_code=status.HTTP_201_CREATED)
async def create_company(
    body: CompanyCreate, principal: WriteCompanies, session: SessionDep
) -> object:
    return await service.create(session, principal, body)


@router.get("/companies/{company_id}", response_model=CompanyRead)
@read_only
async def read_company(
    company_id: uuid.UUID, principal: ReadCompanies, session: SessionDep
) -> object:
    return await service.get(session, principal, company_id)


@router.patch("/companies/{company_id}", response_model=CompanyRead)
async def update_company(
    company_id: uuid.UUID, body: CompanyUpdate, principal: WriteCompanies, session: SessionDep
) -> object:
    return await service.update(session, principal, company_id, body)


@router.delete("/companies/{company_id}", response_model=CompanyRead)
async def delete_company(
    company_id: uuid.UUID, principal: DeleteCompanies, session: SessionDep
) -> object:
    return await service.delete(session, principal, company_id)
