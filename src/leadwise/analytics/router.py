"""`/analytics`: read-only dashboard figures over the leads created in a date range."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Query

from leadwise.analytics import service
from leadwise.analytics.schemas import (
    Ageing,
    Bucket,
    Funnel,
    LeadsOverTime,
    SourcesReport,
    VerificationBreakdown,
)
from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.dependencies import SessionDep
from leadwise.core.routing import make_router

router = make_router(prefix="/analytics", tags=["analytics"])
ReadAnalytics = Annotated[Principal, Depends(require(Permission.ANALYTICS_READ))]
Start = Annotated[
    date | None, Query(description="First day (UTC), included [default: 29 days before `end`]")
]
End = Annotated[date | None, Query(description="Last day (UTC), included [default: today]")]


@router.get(
    "/leads-over-time",
    response_model=LeadsOverTime,
    summary="New leads per day, week or month, by source",
)
async def leads_over_time(
    principal: ReadAnalytics,
    session: SessionDep,
    start: Start = None,
    end: End = None,
    bucket: Annotated[Bucket, Query(description="Bucket size (weeks start on Monday)")] = "day",
) -> object:
    return await service.leads_over_time(session, principal, start=start, end=end, bucket=bucket)


@router.get(
    "/funnel",
    response_model=Funnel,
    summary="Pipeline funnel: leads per stage now, reached, and conversion between stages",
)
async def funnel(
    principal: ReadAnalytics, session: SessionDep, start: Start = None, end: End = None
) -> object:
    return await service.funnel(session, principal, start=start, end=end)


@router.get(
    "/stage-ageing",
    response_model=Ageing,
    summary="How long leads have been in their current stage, per stage",
)
async def stage_ageing(
    principal: ReadAnalytics, session: SessionDep, start: Start = None, end: End = None
) -> object:
    return await service.stage_ageing(session, principal, start=start, end=end)


@router.get(
    "/verification",
    response_model=VerificationBreakdown,
    summary="Leads per email verification status",
)
async def verification(
    principal: ReadAnalytics, session: SessionDep, start: Start = None, end: End = None
) -> object:
    return await service.verification(session, principal, start=start, end=end)


@router.get(
    "/sources",
    response_model=SourcesReport,
    summary="Sources by conversion (leads in a won stage / all leads of the source)",
)
async def sources(
    principal: ReadAnalytics, session: SessionDep, start: Start = None, end: End = None
) -> object:
    return await service.sources(session, principal, start=start, end=end)
