"""SQL for companies; every statement starts from the workspace."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.core.clock import utcnow
from leadwise.core.ids import uuid7
from leadwise.models import Company, Lead


def companies_of(workspace_id: uuid.UUID, *, deleted: bool = False) -> Select[Company]:
    query = select(Company).where(Company.workspace_id == workspace_id)
    return query.where(Company.deleted_at.is_not(None) if deleted else Company.deleted_at.is_(None))


async def company_in(
    session: AsyncSession, workspace_id: uuid.UUID, company_id: uuid.UUID
) -> Company | None:
    return await session.scalar(companies_of(workspace_id).where(Company.id == company_id))


# Built once: it runs for every new lead with a business email.
_BY_DOMAIN = select(Company).where(
    Company.workspace_id == bindparam("workspace_id"), Company.domain == bindparam("domain")
)


async def company_by_domain(
    session: AsyncSession, workspace_id: uuid.UUID, domain: str
) -> Company | None:
    # Deleted companies keep their domain (unique per workspace): undeleting beats a duplicate.
    return await session.scalar(_BY_DOMAIN, {"workspace_id": workspace_id, "domain": domain})


async def companies_by_domains(
    session: AsyncSession, workspace_id: uuid.UUID, domains: list[str]
) -> list[Company]:
    query = select(Company).where(Company.workspace_id == workspace_id, Company.domain.in_(domains))
    return list(await session.scalars(query))


async def insert_companies(
    session: AsyncSession, workspace_id: uuid.UUID, names: dict[str, str]
) -> None:
    """New companies {domain: name}; domains the workspace already has are left alone."""
    dialect = session.get_bind().dialect.name
    table: Any = Company.__table__
    statement = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    now = utcnow()
    rows = [
        {
            "id": uuid7(),
            "workspace_id": workspace_id,
            "name": name,
            "domain": domain,
            "address": {},
            "social_profiles": {},
            "enrichment": {},
            "created_at": now,
            "updated_at": now,
        }
        for domain, name in names.items()
    ]
    await session.execute(
        statement.on_conflict_do_nothing(index_elements=["workspace_id", "domain"]), rows
    )


async def lead_counts(
    session: AsyncSession, workspace_id: uuid.UUID, company_ids: list[uuid.UUID]
) -> dict[uuid.UUID, int]:
    if not company_ids:
        return {}
    rows = await session.execute(
        select(Lead.company_id, func.count())
        .where(
            Lead.workspace_id == workspace_id,
            Lead.company_id.in_(company_ids),
            Lead.deleted_at.is_(None),
        )
        .group_by(Lead.company_id)
    )
    return {company_id: int(count) for company_id, count in rows if company_id}
