"""Bodies of the review queue, merges and scans."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import ConfigDict, Field

from leadwise.core.schemas import ReadSchema, Schema
from leadwise.models import CandidateSource, CandidateStatus

Strategy = Literal["survivor_first", "most_recent", "most_complete"]
EXAMPLE_ID = "0193a5c2-7d1e-7c4b-9f00-3b6d2a8e4f10"


class FieldExplanation(ReadSchema):
    field: str = Field(examples=["email"])
    level: str = Field(description="How far the two values agree", examples=["typo (≤ 2 edits)"])
    weight: float = Field(
        description="What it adds to the match weight (log2 odds; negative speaks against)",
        examples=[7.2],
    )


class LeadSummary(ReadSchema):
    id: uuid.UUID
    first_name: str = Field(examples=["Ada"])
    last_name: str = Field(examples=["Lovelace"])
    email: str | None = Field(examples=["ada@analytical-engines.co.uk"])
    phone_e164: str | None
    company_name: str | None
    job_title: str | None
    city: str | None
    country: str | None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    merged_into_id: uuid.UUID | None


class CandidateRead(ReadSchema):
    id: uuid.UUID
    status: CandidateStatus = Field(examples=["open"])
    source: CandidateSource = Field(
        description="What proposed it: a scan, a form (capture), an import, or the API",
        examples=["scan"],
    )
    probability: float = Field(description="That the two are one person", examples=[0.987])
    match_weight: float = Field(
        description="Sum of the field weights and the prior", examples=[9.4]
    )
    explanation: list[FieldExplanation] = Field(description="Per field, strongest first")
    leads: list[LeadSummary] = Field(description="The two leads")
    group_id: uuid.UUID | None = Field(
        description="The duplicate group the scan found the pair in (pairs of one group share it)"
    )
    scan_job_id: uuid.UUID | None
    decided_by_id: uuid.UUID | None
    decided_at: datetime | None
    merge_id: uuid.UUID | None = Field(description="The merge that accepted the pair")
    created_at: datetime
    updated_at: datetime


class CandidateQuery(Schema):
    """The review queue's filters."""

    model_config = ConfigDict(extra="ignore")  # the query string also has limit and cursor

    status: CandidateStatus = Field(CandidateStatus.OPEN, description="open, merged or rejected")
    min_probability: float = Field(0.0, ge=0, le=1, description="At least this probability")
    lead_id: uuid.UUID | None = Field(None, description="Pairs with this lead")


class ManualValue(Schema):
    value: Any = Field(description="Typed by the user; checked like the leads API checks it")


Choice = str | ManualValue


class MergeChoices(Schema):
    fields: dict[str, Choice] = Field(
        default_factory=dict,
        description=(
            "Per field (`first_name`, `email`, `phone`, `stage`, `owner_id`, "
            "`custom_fields.<key>`, ...): `most_recent`, `most_complete`, `survivor_first`, "
            'the id of one of the leads, or {"value": ...}'
        ),
        examples=[
            {
                "email": "most_recent",
                "job_title": EXAMPLE_ID,
                "first_name": {"value": "Ada"},
            }
        ],
    )
    default: Strategy = Field(
        "survivor_first",
        description="For fields not named: the survivor's value unless empty (`survivor_first`), "
        "the most recently updated lead's, or the longest",
    )

    def plain_fields(self) -> dict[str, Any]:
        return {
            name: choice if isinstance(choice, str) else {"value": choice.value}
            for name, choice in self.fields.items()
        }


class MergeCreate(MergeChoices):
    survivor_id: uuid.UUID = Field(examples=[EXAMPLE_ID])
    merged_ids: list[uuid.UUID] = Field(
        min_length=1, max_length=50, examples=[["0193a5c2-81aa-7f02-8c11-5d2e9b7a6c01"]]
    )


class AcceptRequest(MergeChoices):
    survivor_id: uuid.UUID | None = Field(
        None, description="One of the pair (default: the older lead)", examples=[EXAMPLE_ID]
    )


class BulkDecision(Schema):
    action: Literal["accept", "reject"] = Field(examples=["reject"])
    ids: list[uuid.UUID] = Field(min_length=1, max_length=500, examples=[[EXAMPLE_ID]])


class BulkDecisionResult(ReadSchema):
    accepted: int = Field(description="Pairs merged", examples=[12])
    rejected: int = Field(description="Pairs rejected", examples=[0])
    merge_ids: list[uuid.UUID] = Field(description="One merge per group of accepted pairs")
    skipped: list[uuid.UUID] = Field(
        description="Pairs already decided, or whose leads were merged or deleted meanwhile"
    )


class ScanRequest(Schema):
    threshold: float | None = Field(
        None,
        ge=0.5,
        lt=1,
        description="Propose pairs at least this probable (default 0.9)",
        examples=[0.9],
    )


class UndoRequest(Schema):
    force: bool = Field(
        False,
        description="Undo even though the surviving lead changed since the merge (the changes "
        "are lost)",
        examples=[False],
    )


class MergeRead(ReadSchema):
    id: uuid.UUID
    survivor_id: uuid.UUID
    merged_ids: list[uuid.UUID]
    fields: dict[str, Any] = Field(
        description="Per field: the choice, the lead it came from and the value",
        examples=[{"email": {"choice": "most_recent", "lead_id": EXAMPLE_ID, "value": "a@x.io"}}],
    )
    moved: dict[str, Any] = Field(
        description="Activities and attachments moved (id: lead it came from), tags added, and "
        "the pairs the merge closed with their state before",
        examples=[{"activities": {EXAMPLE_ID: EXAMPLE_ID}, "attachments": {}, "tags": ["vip"]}],
    )
    before: dict[str, Any] = Field(
        description="Every lead of the merge as it was: each column and its tags"
    )
    actor_id: uuid.UUID | None
    created_at: datetime
    undone_at: datetime | None
    undone_by_id: uuid.UUID | None
