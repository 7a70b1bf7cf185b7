"""Analytics: the dashboard's figures over the leads created in a date range (UTC days, both
ends included). Read-only; every figure is an SQL aggregate, so a report costs about the same
for a hundred leads or a hundred thousand.

Rules: a range ends on or after its start and spans at most MAX_RANGE_DAYS; daily buckets span
at most MAX_DAY_BUCKETS days (a chart of more points is unreadable); without dates the range is
the last 30 days up to today.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.analytics import repository
from leadwise.analytics.schemas import (
    Ageing,
    AgeingBucket,
    Bucket,
    DateRange,
    Funnel,
    FunnelStep,
    LeadsOverTime,
    PeriodCount,
    SourceConversion,
    SourcesReport,
    StageAgeing,
    StatusCount,
    VerificationBreakdown,
)
from leadwise.auth.principal import Principal
from leadwise.core.clock import utcnow
from leadwise.core.errors import ValidationFailed
from leadwise.models import LeadSource, StageKind
from leadwise.stages import service as stages

DEFAULT_RANGE_DAYS = 30
MAX_RANGE_DAYS = 366 * 5
MAX_DAY_BUCKETS = 366
# Age buckets of the stage-ageing report: (label, from days, to days (excluded)).
AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0-7 days", 0, 7),
    ("7-30 days", 7, 30),
    ("30-90 days", 30, 90),
    ("90+ days", 90, None),
)


def resolve_range(start: date | None, end: date | None) -> DateRange:
    end = end or (start + timedelta(days=DEFAULT_RANGE_DAYS - 1) if start else utcnow().date())
    start = start or end - timedelta(days=DEFAULT_RANGE_DAYS - 1)
    if end < start:
        raise ValidationFailed("The range ends before it starts.", details={"field": "end"})
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise ValidationFailed(
            f"A range spans at most {MAX_RANGE_DAYS} days.", details={"field": "start"}
        )
    return DateRange(start=start, end=end)


def _bounds(period: DateRange) -> tuple[datetime, datetime]:
    since = datetime.combine(period.start, time(), UTC)
    return since, datetime.combine(period.end + timedelta(days=1), time(), UTC)


def bucket_start(day: date, bucket: Bucket) -> date:
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def _buckets(period: DateRange, bucket: Bucket) -> list[date]:
    days, current = [], bucket_start(period.start, bucket)
    while current <= period.end:
        days.append(current)
        if bucket == "month":
            current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)
        else:
            current += timedelta(days=7 if bucket == "week" else 1)
    return days


async def leads_over_time(
    session: AsyncSession,
    principal: Principal,
    *,
    start: date | None,
    end: date | None,
    bucket: Bucket,
) -> LeadsOverTime:
    period = resolve_range(start, end)
    if bucket == "day" and (period.end - period.start).days + 1 > MAX_DAY_BUCKETS:
        raise ValidationFailed(
            f"Daily buckets span at most {MAX_DAY_BUCKETS} days; choose week or month.",
            details={"field": "bucket"},
        )
    rows = await repository.counts_by_period_and_source(
        session, principal.workspace, *_bounds(period), bucket
    )
    by_period: dict[date, dict[LeadSource, int]] = {day: {} for day in _buckets(period, bucket)}
    per_source: dict[LeadSource, int] = {}
    for text, source_value, count in rows:
        source = LeadSource(source_value)
        counts = by_period.setdefault(date.fromisoformat(text[:10]), {})
        counts[source] = counts.get(source, 0) + count
        per_source[source] = per_source.get(source, 0) + count
    return LeadsOverTime(
        range=period,
        bucket=bucket,
        sources=sorted(per_source, key=lambda s: (-per_source[s], s.value)),
        periods=[
            PeriodCount(period=day, total=sum(counts.values()), by_source=counts)
            for day, counts in sorted(by_period.items())
        ],
    )


async def funnel(
    session: AsyncSession, principal: Principal, *, start: date | None, end: date | None
) -> Funnel:
    period = resolve_range(start, end)
    bounds = _bounds(period)
    pipeline = await stages.list_stages(session, principal)
    current = await repository.counts_by_stage(session, principal.workspace, *bounds)
    furthest = await repository.furthest_positions(session, principal.workspace, *bounds, pipeline)
    steps: list[FunnelStep] = []
    for stage in (s for s in pipeline if s.kind is not StageKind.LOST):
        reached = sum(n for position, n in furthest.items() if position >= stage.position)
        previous = steps[-1].reached if steps else 0
        steps.append(
            FunnelStep(
                stage_id=stage.id,
                name=stage.name,
                kind=stage.kind,
                current=current.get(stage.id, 0),
                reached=reached,
                conversion=round(reached / previous, 4) if previous else None,
            )
        )
    lost = sum(current.get(s.id, 0) for s in pipeline if s.kind is StageKind.LOST)
    return Funnel(range=period, total=sum(current.values()), steps=steps, lost=lost)


async def stage_ageing(
    session: AsyncSession, principal: Principal, *, start: date | None, end: date | None
) -> Ageing:
    period = resolve_range(start, end)
    now = utcnow()
    # Newest first: bucket 0 is "changed after now - 7 days", and so on.
    thresholds = [now - timedelta(days=upper) for _, _, upper in AGE_BUCKETS if upper is not None]
    rows = await repository.ageing_by_stage(
        session, principal.workspace, *_bounds(period), thresholds
    )
    pipeline = await stages.list_stages(session, principal)
    counts = {(stage_id, index): n for stage_id, index, n, _ in rows}
    oldest: dict[object, datetime] = {}
    for stage_id, _, _, changed in rows:
        if changed is not None and (stage_id not in oldest or changed < oldest[stage_id]):
            oldest[stage_id] = changed
    return Ageing(
        range=period,
        stages=[
            StageAgeing(
                stage_id=stage.id,
                name=stage.name,
                kind=stage.kind,
                count=sum(counts.get((stage.id, i), 0) for i in range(len(AGE_BUCKETS))),
                buckets=[
                    AgeingBucket(
                        label=label,
                        min_days=low,
                        max_days=high,
                        count=counts.get((stage.id, index), 0),
                    )
                    for index, (label, low, high) in enumerate(AGE_BUCKETS)
                ],
                oldest_days=(now - oldest[stage.id]).days if stage.id in oldest else None,
            )
            for stage in pipeline
        ],
    )


async def verification(
    session: AsyncSession, principal: Principal, *, start: date | None, end: date | None
) -> VerificationBreakdown:
    period = resolve_range(start, end)
    rows = await repository.counts_by_verification(session, principal.workspace, *_bounds(period))
    statuses: dict[str, int] = {}
    for status, count in rows:
        key = status or "unverified"
        statuses[key] = statuses.get(key, 0) + count
    return VerificationBreakdown(
        range=period,
        total=sum(statuses.values()),
        statuses=[
            StatusCount(status=status, count=count)
            for status, count in sorted(statuses.items(), key=lambda item: (-item[1], item[0]))
        ],
    )


async def sources(
    session: AsyncSession, principal: Principal, *, start: date | None, end: date | None
) -> SourcesReport:
    period = resolve_range(start, end)
    rows = await repository.won_by_source(session, principal.workspace, *_bounds(period))
    report = [
        SourceConversion(
            source=LeadSource(source), total=total, won=won, conversion=round(won / total, 4)
        )
        for source, total, won in rows
        if total
    ]
    report.sort(key=lambda row: (-row.conversion, -row.total, row.source.value))
    return SourcesReport(range=period, sources=report)
