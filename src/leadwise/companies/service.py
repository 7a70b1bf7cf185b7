"""Companies: CRUD, and finding (or creating) the company behind a lead's email domain."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.principal import Principal
from leadwise.companies import repository
from leadwise.companies.domains import domain_of, is_free_mail
from leadwise.companies.schemas import CompanyFields
from leadwise.core.clock import utcnow
from leadwise.core.errors import Conflict, ValidationFailed, found
from leadwise.core.pagination import PageParams, paginate_by_id
from leadwise.core.schemas import Page
from leadwise.models import Company

FIELDS = (
    "name", "website", "industry", "size_band", "city", "address", "description",
    "logo_url", "phone", "social_profiles",
)  # fmt: skip


def _domain(fields: CompanyFields) -> str | None:
    source = fields.domain or fields.website
    if not source:
        return None
    domain = domain_of(source)
    if domain is None:
        field = "domain" if fields.domain else "website"
        raise ValidationFailed(f"{field}: no domain can be read from it.", details={"field": field})
    return domain


async def _check_domain_free(
    session: AsyncSession, workspace_id: uuid.UUID, domain: str, except_id: uuid.UUID | None = None
) -> None:
    existing = await repository.company_by_domain(session, workspace_id, domain)
    if existing is not None and existing.id != except_id:
        raise Conflict(
            "A company with this domain exists.",
            details={"field": "domain", "company_id": str(existing.id)},
        )


async def create(session: AsyncSession, principal: Principal, data: CompanyFields) -> Company:
    company = Company(workspace_id=principal.workspace, name=data.name or "")
    _apply(company, data, data.model_fields_set)
    company.domain = _domain(data)
    if company.domain:
        await _check_domain_free(session, principal.workspace, company.domain)
    session.add(company)
    await session.flush()
    return company


def _apply(company: Company, data: CompanyFields, provided: set[str]) -> None:
    for name in FIELDS:
        if name in provided:
            value = getattr(data, name)
            if value is None and name in ("name", "address", "social_profiles"):
                raise ValidationFailed(f"{name} cannot be null.", details={"field": name})
            setattr(company, name, value)
    if "country" in provided:
        company.country = data.country.upper() if data.country else None


async def get(session: AsyncSession, principal: Principal, company_id: uuid.UUID) -> Company:
    return found(await repository.company_in(session, principal.workspace, company_id), "company")


async def list_companies(
    session: AsyncSession, principal: Principal, page: PageParams, *, q: str | None
) -> Page[Company]:
    query = repository.companies_of(principal.workspace)
    if q:
        pattern = f"%{q.strip().lower()}%"
        query = query.where(Company.name.ilike(pattern) | Company.domain.ilike(pattern))
    return await paginate_by_id(session, query, Company.id, page, descending=True)


async def update(
    session: AsyncSession, principal: Principal, company_id: uuid.UUID, data: CompanyFields
) -> Company:
    company = await get(session, principal, company_id)
    provided = data.model_fields_set
    _apply(company, data, provided)
    if provided & {"domain", "website"}:
        domain = _domain(data) if (data.domain or data.website) else None
        if "domain" in provided or domain:
            if domain:
                await _check_domain_free(session, principal.workspace, domain, company.id)
            company.domain = domain
    company.updated_at = utcnow()
    return company


async def delete(session: AsyncSession, principal: Principal, company_id: uuid.UUID) -> Company:
    company = await get(session, principal, company_id)
    company.deleted_at = utcnow()
    return company


async def for_email_domain(
    session: AsyncSession, workspace_id: uuid.UUID, domain: str, *, name: str | None
) -> Company | None:
    """The company a business email belongs to, created on first sight; None for free mail."""
    if is_free_mail(domain):
        return None
    company = await repository.company_by_domain(session, workspace_id, domain)
    if company is None:
        company = Company(workspace_id=workspace_id, name=name or domain, domain=domain)
        session.add(company)
        await session.flush()
    elif company.deleted_at is not None:
        company.deleted_at = None
    return company


async def ids_for_email_domains(
    session: AsyncSession, workspace_id: uuid.UUID, names: Mapping[str, str | None]
) -> dict[str, uuid.UUID]:
    """`for_email_domain` for a whole batch (an import's chunk): {domain: company id}, with
    missing companies created in one insert. Free-mail domains are left out."""
    wanted = {domain: name for domain, name in names.items() if not is_free_mail(domain)}
    if not wanted:
        return {}
    found = await repository.company_ids_by_domains(session, workspace_id, list(wanted))
    ids = {domain: company_id for domain, company_id, _ in found}
    await repository.undelete_companies(session, [i for _, i, deleted in found if deleted])
    missing = {
        domain: (name or domain)[:300] for domain, name in wanted.items() if domain not in ids
    }
    if missing:
        # One INSERT for the batch; a company another request created meanwhile is kept.
        ids |= await repository.insert_companies(session, workspace_id, missing)
        raced = [domain for domain in missing if domain not in ids]
        if raced:
            found = await repository.company_ids_by_domains(session, workspace_id, raced)
            ids |= {domain: company_id for domain, company_id, _ in found}
    return ids
