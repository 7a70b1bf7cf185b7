"""SQL of imports; every statement starts from the workspace (or from an import of it)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    bindparam,
    delete,
    func,
    select,
    text,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.core.bulk import insert_many
from leadwise.core.db import workspace_check
from leadwise.models import (
    Attachment,
    ImportChange,
    ImportPreset,
    ImportRowError,
    ImportRun,
    Job,
    Lead,
    LeadTag,
)

# Columns a match reads from an existing lead: enough to decide and to record the before-state.
UPDATABLE = (
    "first_name", "last_name", "email", "email_normalized", "phone_raw", "phone_e164",
    "job_title", "company_name", "company_id", "website", "city", "country", "external_id",
    "lifecycle", "value", "do_not_contact", "utm_source", "utm_medium", "utm_campaign",
    "utm_term", "utm_content", "custom_fields",
)  # fmt: skip
MATCH_COLUMNS = {
    "email": func.lower(Lead.email_normalized),
    "external_id": Lead.external_id,
    "phone": Lead.phone_e164,
}


def imports_of(workspace_id: uuid.UUID) -> Select[ImportRun]:
    return select(ImportRun).where(ImportRun.workspace_id == workspace_id)


async def import_in(
    session: AsyncSession, workspace_id: uuid.UUID, import_id: uuid.UUID
) -> ImportRun | None:
    return await session.scalar(imports_of(workspace_id).where(ImportRun.id == import_id))


async def jobs_by_id(session: AsyncSession, job_ids: list[uuid.UUID]) -> dict[uuid.UUID, Job]:
    if not job_ids:
        return {}
    return {job.id: job for job in await session.scalars(select(Job).where(Job.id.in_(job_ids)))}


def _live_leads(workspace: ColumnElement[bool]) -> Select[Any]:
    columns = [getattr(Lead, name) for name in UPDATABLE]
    return select(Lead.id, Lead.import_id, Lead.created_at, *columns).where(
        workspace, Lead.deleted_at.is_(None)
    )


async def leads_by_indexed_key(
    session: AsyncSession, workspace_id: uuid.UUID, field: str, values: Sequence[str]
) -> list[dict[str, Any]]:
    """Live leads whose `field` (email: any case) is one of `values`, in no order.

    No ORDER BY: given one, SQLite walks the workspace's (created_at, id) index to save a sort
    and tests every lead against the values (its plan at 670,000 leads) instead of looking
    the values up in the field's index. The caller orders what it gets."""
    if not values:
        return []
    query = _live_leads(Lead.workspace_id == workspace_id).where(MATCH_COLUMNS[field].in_(values))
    return [dict(row._mapping) for row in await session.execute(query)]


async def leads_by_ids(
    session: AsyncSession, workspace_id: uuid.UUID, lead_ids: Sequence[uuid.UUID]
) -> list[dict[str, Any]]:
    if not lead_ids:
        return []
    query = _live_leads(workspace_check(Lead.workspace_id, workspace_id)).where(
        Lead.id.in_(lead_ids)
    )
    return [dict(row._mapping) for row in await session.execute(query)]


async def key_columns(
    session: AsyncSession, workspace_id: uuid.UUID, fields: Sequence[str], after: uuid.UUID | None
) -> list[tuple[Any, ...]]:
    """(id, *fields) of live leads in id order, a batch after `after`: to index keys that
    have no database index (a name and a company together). Along the primary key, as the
    duplicate scan reads (dedupe/repository.py: `live_lead_page`)."""
    columns = [getattr(Lead, name) for name in fields]
    query = select(Lead.id, *columns).where(
        workspace_check(Lead.workspace_id, workspace_id), Lead.deleted_at.is_(None)
    )
    if after is not None:
        query = query.where(Lead.id > after)
    return [tuple(row) for row in await session.execute(query.order_by(Lead.id).limit(5000))]


async def tags_of(
    session: AsyncSession, lead_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, set[str]]:
    tags: dict[uuid.UUID, set[str]] = {}
    if lead_ids:
        query = select(LeadTag.lead_id, LeadTag.tag).where(LeadTag.lead_id.in_(lead_ids))
        for lead_id, tag in await session.execute(query):
            tags.setdefault(lead_id, set()).add(tag)
    return tags


async def insert_rows(
    session: AsyncSession, model: type[Any], rows: Iterable[dict[str, Any]]
) -> None:
    """New rows in bulk (`core.bulk`: COPY on PostgreSQL); every row carries the same columns.
    An iterator is consumed as the rows are written."""
    await insert_many(session, model.__table__, rows)


async def update_leads(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Each dict holds `id` and the columns to set: one executemany per set of columns (rows
    of an import mostly change the same few)."""
    table = cast(Table, Lead.__table__)
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        columns = tuple(sorted(name for name in row if name != "id"))
        by_columns.setdefault(columns, []).append(
            {"lead_id": row["id"], **{f"new_{name}": row[name] for name in columns}}
        )
    for columns, params in by_columns.items():
        statement = (
            update(table)
            .where(table.c.id == bindparam("lead_id"))
            .values({name: bindparam(f"new_{name}") for name in columns})
        )
        await session.execute(statement, params)


async def refresh_statistics(session: AsyncSession) -> None:
    """Table statistics for the planner, refreshed by an import that grows the tables (a
    sampled ANALYZE). PostgreSQL's autovacuum refreshes them only a while after a bulk load;
    SQLite has none until asked, and without them picked a workspace index over the primary
    key for `id IN (...)` and read every lead (13 s for 50 leads at 670,000)."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("ANALYZE leads, lead_match_keys, lead_tags"))
    else:
        await session.execute(text("PRAGMA analysis_limit=1000"))  # sampled: milliseconds
        for table in ("leads", "lead_match_keys", "lead_tags"):
            await session.execute(text(f"ANALYZE {table}"))


def errors_of(import_id: uuid.UUID) -> Select[ImportRowError]:
    return (
        select(ImportRowError)
        .where(ImportRowError.import_id == import_id)
        .order_by(ImportRowError.row_number, ImportRowError.id)
    )


async def errors_after(
    session: AsyncSession, import_id: uuid.UUID, after: uuid.UUID | None, limit: int
) -> list[ImportRowError]:
    query = select(ImportRowError).where(ImportRowError.import_id == import_id)
    if after is not None:
        query = query.where(ImportRowError.id > after)
    return list(await session.scalars(query.order_by(ImportRowError.id).limit(limit)))


async def clear_errors_from(session: AsyncSession, import_id: uuid.UUID, row_number: int) -> None:
    """A resumed run writes the errors of rows after its checkpoint again."""
    await session.execute(
        delete(ImportRowError).where(
            ImportRowError.import_id == import_id, ImportRowError.row_number > row_number
        )
    )


# --- revert ----------------------------------------------------------------------------------


async def created_lead_ids(
    session: AsyncSession, workspace_id: uuid.UUID, import_id: uuid.UUID, limit: int
) -> list[uuid.UUID]:
    query = (
        select(Lead.id)
        .where(Lead.workspace_id == workspace_id, Lead.import_id == import_id)
        .order_by(Lead.id)
        .limit(limit)
    )
    return list(await session.scalars(query))


async def attachment_keys(session: AsyncSession, lead_ids: Sequence[uuid.UUID]) -> list[str]:
    query = select(Attachment.storage_key).where(Attachment.lead_id.in_(lead_ids))
    return list(await session.scalars(query))


async def delete_leads(session: AsyncSession, lead_ids: Sequence[uuid.UUID]) -> None:
    # Tags, activities, attachments and dedupe rows go by their foreign keys' cascades.
    await session.execute(delete(Lead).where(Lead.id.in_(lead_ids)))


async def changes_before(
    session: AsyncSession, import_id: uuid.UUID, before: uuid.UUID | None, limit: int
) -> list[ImportChange]:
    """The import's changes to existing leads, newest first (ids are time-ordered), older
    than `before`."""
    query = select(ImportChange).where(ImportChange.import_id == import_id)
    if before is not None:
        query = query.where(ImportChange.id < before)
    return list(await session.scalars(query.order_by(ImportChange.id.desc()).limit(limit)))


async def remove_tags(session: AsyncSession, lead_id: uuid.UUID, tags: Sequence[str]) -> None:
    await session.execute(delete(LeadTag).where(LeadTag.lead_id == lead_id, LeadTag.tag.in_(tags)))


# --- presets ---------------------------------------------------------------------------------


def presets_of(workspace_id: uuid.UUID) -> Select[ImportPreset]:
    return select(ImportPreset).where(ImportPreset.workspace_id == workspace_id)


async def preset_in(
    session: AsyncSession, workspace_id: uuid.UUID, preset_id: uuid.UUID
) -> ImportPreset | None:
    return await session.scalar(presets_of(workspace_id).where(ImportPreset.id == preset_id))


async def preset_named(
    session: AsyncSession, workspace_id: uuid.UUID, name: str
) -> ImportPreset | None:
    return await session.scalar(presets_of(workspace_id).where(ImportPreset.name == name))
