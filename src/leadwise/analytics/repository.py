"""SQL for the analytics reports: aggregates only (one row per group, never per lead); every
statement starts from the workspace's live leads created in the range."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Date, Select, case, cast, func, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from leadwise.models import Activity, ActivityKind, Lead, Stage, StageKind


def _leads(workspace_id: uuid.UUID, since: datetime, before: datetime) -> list[Any]:
    return [
        Lead.workspace_id == workspace_id,
        Lead.deleted_at.is_(None),
        Lead.created_at >= since,
        Lead.created_at < before,
    ]


def _period(dialect: str, bucket: str) -> ColumnElement[Any]:
    """The first day of the lead's bucket, as 'YYYY-MM-DD' text on either backend (UTC)."""
    if dialect == "postgresql":
        truncated = func.date_trunc(bucket, func.timezone("UTC", Lead.created_at))
        return func.to_char(cast(truncated, Date), "YYYY-MM-DD")
    if bucket == "day":
        return func.date(Lead.created_at)
    if bucket == "week":  # the Monday on or before: the next Sunday (or today), six days back
        return func.date(Lead.created_at, "weekday 0", "-6 days")
    return func.strftime("%Y-%m-01", Lead.created_at)


async def counts_by_period_and_source(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    since: datetime,
    before: datetime,
    bucket: str,
) -> list[tuple[str, str, int]]:
    period = _period(session.get_bind().dialect.name, bucket).label("period")
    query = (
        select(period, Lead.source, func.count())
        .where(*_leads(workspace_id, since, before))
        .group_by(period, Lead.source)
    )
    return [(str(p), str(s.value), int(n)) for p, s, n in await session.execute(query)]


async def counts_by_stage(
    session: AsyncSession, workspace_id: uuid.UUID, since: datetime, before: datetime
) -> dict[uuid.UUID | None, int]:
    query = (
        select(Lead.stage_id, func.count())
        .where(*_leads(workspace_id, since, before))
        .group_by(Lead.stage_id)
    )
    return {stage_id: int(n) for stage_id, n in await session.execute(query)}


async def furthest_positions(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    since: datetime,
    before: datetime,
    stages: list[Stage],
) -> dict[int, int]:
    """How many leads have each pipeline position as the furthest open or won stage they were
    ever in: the current stage and every stage-change in the timeline (a lost stage does not
    count, so a lead lost after Proposal reached Proposal)."""
    by_text = {str(s.id): s.position for s in stages if s.kind is not StageKind.LOST}
    if not by_text:
        return {}
    in_range = select(Lead.id).where(*_leads(workspace_id, since, before))
    moved_to = Activity.data["to_stage_id"].as_string()
    history: Select[Any] = select(
        Activity.lead_id.label("lead_id"), case(by_text, value=moved_to).label("position")
    ).where(
        Activity.workspace_id == workspace_id,
        Activity.kind == ActivityKind.STAGE_CHANGE,
        Activity.lead_id.in_(in_range),
    )
    current: Select[Any] = (
        select(
            Lead.id.label("lead_id"),
            case((Stage.kind != StageKind.LOST, Stage.position), else_=literal(None)).label(
                "position"
            ),
        )
        .select_from(Lead)
        .outerjoin(Stage, (Stage.id == Lead.stage_id) & (Stage.workspace_id == workspace_id))
        .where(*_leads(workspace_id, since, before))
    )
    visits = union_all(history, current).subquery()
    furthest = (
        select(visits.c.lead_id, func.max(visits.c.position).label("furthest"))
        .group_by(visits.c.lead_id)
        .subquery()
    )
    query = (
        select(furthest.c.furthest, func.count())
        .where(furthest.c.furthest.is_not(None))
        .group_by(furthest.c.furthest)
    )
    return {int(position): int(n) for position, n in await session.execute(query)}


async def ageing_by_stage(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    since: datetime,
    before: datetime,
    thresholds: list[datetime],
) -> list[tuple[uuid.UUID, int, int, datetime | None]]:
    """Per stage and age bucket (0 for the newest; thresholds newest first), the lead count and
    the oldest stage change."""
    changed = func.coalesce(Lead.stage_changed_at, Lead.created_at)
    bucket = case(
        *((changed > threshold, index) for index, threshold in enumerate(thresholds)),
        else_=len(thresholds),
    ).label("bucket")
    query = (
        select(Lead.stage_id, bucket, func.count(), func.min(changed))
        .where(*_leads(workspace_id, since, before), Lead.stage_id.is_not(None))
        .group_by(Lead.stage_id, bucket)
    )
    return [
        (stage_id, int(index), int(n), oldest)
        for stage_id, index, n, oldest in await session.execute(query)
    ]


async def counts_by_verification(
    session: AsyncSession, workspace_id: uuid.UUID, since: datetime, before: datetime
) -> list[tuple[str | None, int]]:
    query = (
        select(Lead.verification_status, func.count())
        .where(*_leads(workspace_id, since, before))
        .group_by(Lead.verification_status)
    )
    return [(status, int(n)) for status, n in await session.execute(query)]


async def won_by_source(
    session: AsyncSession, workspace_id: uuid.UUID, since: datetime, before: datetime
) -> list[tuple[str, int, int]]:
    won = func.sum(case((Stage.kind == StageKind.WON, 1), else_=0))
    query = (
        select(Lead.source, func.count(Lead.id), won)
        .select_from(Lead)
        .outerjoin(Stage, (Stage.id == Lead.stage_id) & (Stage.workspace_id == workspace_id))
        .where(*_leads(workspace_id, since, before))
        .group_by(Lead.source)
    )
    return [(str(s.value), int(n), int(w or 0)) for s, n, w in await session.execute(query)]
