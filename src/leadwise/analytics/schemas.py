"""Analytics bodies: read-only figures over a workspace's leads."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from leadwise.models import LeadSource, StageKind

Bucket = Literal["day", "week", "month"]


class _Figures(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class DateRange(_Figures):
    start: date = Field(examples=["2026-11-01"], description="First day (UTC), included")
    end: date = Field(examples=["2026-11-30"], description="Last day (UTC), included")


class PeriodCount(_Figures):
    period: date = Field(examples=["2026-11-02"], description="First day of the bucket")
    total: int = Field(examples=[12])
    by_source: dict[LeadSource, int] = Field(examples=[{"form": 8, "import": 4}])


class LeadsOverTime(_Figures):
    range: DateRange
    bucket: Bucket = Field(examples=["week"])
    sources: list[LeadSource] = Field(
        examples=[["form", "import"]], description="Sources seen in the range, most leads first"
    )
    periods: list[PeriodCount] = Field(description="Every bucket of the range, empty ones too")


class FunnelStep(_Figures):
    stage_id: uuid.UUID = Field(examples=["01a2015f-097d-7179-8c16-e7e291dcb4c4"])
    name: str = Field(examples=["Qualified"])
    kind: StageKind = Field(examples=["open"])
    current: int = Field(examples=[40], description="Leads in this stage now")
    reached: int = Field(
        examples=[65], description="Leads that reached this stage or a later one, ever"
    )
    conversion: float | None = Field(
        examples=[0.5],
        description="reached / the previous step's reached (null for the first step or 0 before)",
    )


class Funnel(_Figures):
    range: DateRange
    total: int = Field(examples=[130], description="Leads created in the range")
    steps: list[FunnelStep] = Field(description="Open and won stages, in pipeline order")
    lost: int = Field(examples=[12], description="Leads in a lost stage now")


class AgeingBucket(_Figures):
    label: str = Field(examples=["7-30 days"])
    min_days: int = Field(examples=[7])
    max_days: int | None = Field(examples=[30], description="Excluded; null for no upper bound")
    count: int = Field(examples=[5])


class StageAgeing(_Figures):
    stage_id: uuid.UUID = Field(examples=["01a2015f-097d-7179-8c16-e7e291dcb4c4"])
    name: str = Field(examples=["Contacted"])
    kind: StageKind = Field(examples=["open"])
    count: int = Field(examples=[14])
    buckets: list[AgeingBucket]
    oldest_days: int | None = Field(
        examples=[41], description="Whole days the longest-waiting lead has been in this stage"
    )


class Ageing(_Figures):
    range: DateRange
    stages: list[StageAgeing]


class StatusCount(_Figures):
    status: str = Field(
        examples=["valid"], description="A verification status, or `unverified` for none yet"
    )
    count: int = Field(examples=[52])


class VerificationBreakdown(_Figures):
    range: DateRange
    total: int = Field(examples=[80])
    statuses: list[StatusCount] = Field(description="Most leads first")


class SourceConversion(_Figures):
    source: LeadSource = Field(examples=["form"])
    total: int = Field(examples=[40])
    won: int = Field(examples=[6])
    conversion: float = Field(examples=[0.15], description="won / total")


class SourcesReport(_Figures):
    range: DateRange
    sources: list[SourceConversion] = Field(description="Best conversion first (then most leads)")
