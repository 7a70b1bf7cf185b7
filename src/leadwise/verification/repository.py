"""SQL of the periodic re-check. It is the system's own work over every workspace (as the jobs
sweeper is): each lead found is queued in a job of its own workspace."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.models import Lead

RETRY_AT = "retry_at"
QUEUED_AT = "recheck_queued_at"


def stamp(moment: datetime) -> str:
    """Whole seconds in UTC: one fixed-width text, so stamps in the JSON compare as strings."""
    return moment.isoformat(timespec="seconds")


async def due_for_recheck(
    session: AsyncSession,
    *,
    now: datetime,
    verified_before: datetime | None,
    queued_before: datetime,
    limit: int,
) -> list[tuple[uuid.UUID, uuid.UUID, dict[str, Any]]]:
    """Leads with an address whose temporary verdict's `retry_at` has passed, or (when given)
    whose verdict is older than `verified_before`, and not queued since `queued_before`; the
    oldest verdicts first, locked (others skip them) until the caller's transaction ends."""
    retry_at = Lead.verification[RETRY_AT].as_string()
    queued_at = Lead.verification[QUEUED_AT].as_string()
    due = [retry_at <= stamp(now)]
    if verified_before is not None:
        due.append(Lead.verified_at < verified_before)
    query = (
        select(Lead.id, Lead.workspace_id, Lead.verification)
        .where(
            Lead.deleted_at.is_(None),
            Lead.email.is_not(None),
            Lead.verified_at.is_not(None),
            or_(*due),
            or_(queued_at.is_(None), queued_at < stamp(queued_before)),
        )
        .order_by(Lead.verified_at, Lead.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    rows = await session.execute(query)
    return [
        (lead_id, workspace_id, verification or {}) for lead_id, workspace_id, verification in rows
    ]


async def mark_queued(session: AsyncSession, marked: dict[uuid.UUID, dict[str, Any]]) -> None:
    """Store the verdicts with their queued stamp. `updated_at` stays: nothing about the lead
    changed for its users (syncs and webhooks look at it)."""
    if not marked:
        return
    table = cast(Table, Lead.__table__)
    statement = (
        update(table)
        .where(table.c.id == bindparam("lead_id"))
        .values(
            verification=bindparam("marked", type_=table.c.verification.type),
            updated_at=table.c.updated_at,
        )
    )
    await session.execute(
        statement, [{"lead_id": lead_id, "marked": value} for lead_id, value in marked.items()]
    )
