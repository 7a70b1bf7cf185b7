"""SQL for companies; every statement starts from the workspace."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, bindparam, func, select, update
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


async def company_ids_by_domains(
    session: AsyncSession, workspace_id: uuid.UUID, domains: list[str]
) -> list[tuple[str, uuid.UUID, bool]]:
    """(domain, id, deleted) of the workspace's companies with these domains: plain rows, as
    an import's chunk asks for thousands."""
    query = select(Company.domain, Company.id, Company.deleted_at.is_not(None)).where(
        Company.workspace_id == workspace_id, Company.domain.in_(domains)
    )
    rows = await session.execute(query)
    return [(domain or "", company_id, deleted) for domain, company_id, deleted in rows]


async def undelete_companies(session: AsyncSession, company_ids: list[uuid.UUID]) -> None:
    if company_ids:
        await session.execute(
            update(Company)
            .where(Company.id.in_(company_ids))
            .values(deleted_at=None, updated_at=utcnow())
        )


async def insert_companies(
    session: AsyncSession, workspace_id: uuid.UUID, names: dict[str, str]
) -> dict[str, uuid.UUID]:
    """New companies {domain: name}; answers {domain: id} of those inserted (domains the
    workspace already has, perhaps since a moment ago, are left alone and left out)."""
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
    inserted = await session.execute(
        statement.on_conflict_do_nothing(index_elements=["workspace_id", "domain"]).returning(
            table.c.domain, table.c.id
        ),
        rows,
    )
    return dict(inserted.tuples().all())


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
