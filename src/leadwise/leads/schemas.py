"""Lead and activity bodies."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import ConfigDict, Field, field_validator

from leadwise.core.schemas import ReadSchema, Schema
from leadwise.models import (
    ActivityKind,
    AssignmentStrategy,
    CustomFieldType,
    LeadSource,
    Lifecycle,
)

TAG = Field(min_length=1, max_length=64)
VerificationFilter = Literal[
    "valid", "invalid", "accept_all", "disposable", "unknown", "unverified"
]


def _clean_tags(tags: list[str] | None) -> list[str] | None:
    if tags is None:
        return None
    if any(not tag.isprintable() for tag in tags):
        raise ValueError("tags cannot contain control characters")
    return sorted({tag.strip().lower() for tag in tags if tag.strip()})


class LeadFields(Schema):
    first_name: str | None = Field(None, max_length=128, examples=["Ada"])
    last_name: str | None = Field(None, max_length=128, examples=["Lovelace"])
    email: str | None = Field(None, max_length=320, examples=["ada@example.com"])
    phone: str | None = Field(None, max_length=64, examples=["+44 20 7946 0958"])
    job_title: str | None = Field(None, max_length=200)
    company_name: str | None = Field(None, max_length=300)
    website: str | None = Field(None, max_length=2048)
    external_id: str | None = Field(
        None, max_length=200, description="The lead's id in the system it came from"
    )
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166 alpha-2")
    city: str | None = Field(None, max_length=200)
    source_details: dict[str, Any] | None = None
    utm_source: str | None = Field(None, max_length=200)
    utm_medium: str | None = Field(None, max_length=200)
    utm_campaign: str | None = Field(None, max_length=200)
    utm_term: str | None = Field(None, max_length=200)
    utm_content: str | None = Field(None, max_length=200)
    lifecycle: Lifecycle | None = None
    value: int | None = Field(None, ge=0, description="Deal value in cents")
    tags: list[str] | None = Field(None, max_length=50)
    do_not_contact: bool | None = None
    custom_fields: dict[str, Any] | None = Field(
        None, description="Values by key of the workspace's custom fields (null removes one)"
    )

    @field_validator("tags")
    @classmethod
    def _tags(cls, tags: list[str] | None) -> list[str] | None:
        return _clean_tags(tags)


class LeadCreate(LeadFields):
    source: LeadSource = LeadSource.MANUAL
    owner_id: uuid.UUID | None = None
    stage_id: uuid.UUID | None = Field(None, description="Default: the first open stage")


class LeadUpdate(LeadFields):
    pass


class LeadRead(ReadSchema):
    id: uuid.UUID
    first_name: str
    last_name: str
    email: str | None
    email_normalized: str | None
    phone_raw: str | None
    phone_e164: str | None
    job_title: str | None
    company_id: uuid.UUID | None
    company_name: str | None
    website: str | None
    external_id: str | None
    country: str | None
    city: str | None
    source: LeadSource
    source_details: dict[str, Any]
    utm_source: str | None
    utm_medium: str | None
    utm_campaign: str | None
    utm_term: str | None
    utm_content: str | None
    owner_id: uuid.UUID | None
    stage_id: uuid.UUID | None
    stage_changed_at: datetime | None
    lost_reason: str | None
    lifecycle: Lifecycle
    value: int | None
    tags: list[str]
    custom_fields: dict[str, Any]
    do_not_contact: bool
    consents: dict[str, Any] = Field(
        description="By purpose: {granted, at, source}",
        examples=[{"marketing_email": {"granted": True, "at": "2026-11-22T09:00:00Z"}}],
    )
    form_id: uuid.UUID | None
    verification_status: str | None
    score: int | None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None


class LeadDetailRead(LeadRead):
    """One lead as its page shows it: the list's fields plus what enrichment found (kept out
    of list rows, which stay narrow)."""

    enrichment: dict[str, Any] = Field(
        description="Values enrichment found, by field: `value`, `applied` (whether the field "
        "took it), `at`, and the provenance (`provider`, `source`, `method`, ...)",
        examples=[{"job_title": {"value": "CTO", "applied": True, "provider": "website",
                                 "source": "https://acme.io/team", "method": "card"}}],
    )  # fmt: skip
    enriched_at: datetime | None


class CustomFieldCreate(Schema):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]{0,63}$", examples=["budget"])
    label: str = Field(min_length=1, max_length=200, examples=["Budget"])
    type: CustomFieldType
    options: list[str] = Field([], max_length=200)
    required: bool = False
    position: int = Field(0, ge=0)


class CustomFieldUpdate(Schema):
    label: str | None = Field(None, min_length=1, max_length=200, examples=["Seats wanted"])
    options: list[str] | None = Field(None, max_length=200)
    required: bool | None = None
    position: int | None = Field(None, ge=0)


class CustomFieldRead(ReadSchema):
    id: uuid.UUID
    key: str = Field(examples=["seats"])
    label: str = Field(examples=["Seats"])
    type: CustomFieldType = Field(examples=["number"])
    options: list[str]
    required: bool
    position: int


class BulkFilter(Schema):
    """Which leads: the filters of the leads list, also for bulk changes."""

    stage_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = None
    company_id: uuid.UUID | None = Field(None, description="A company's leads")
    source: LeadSource | None = None
    tag: str | None = Field(None, max_length=64)
    lifecycle: Lifecycle | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    has_email: bool | None = None
    score_min: int | None = Field(None, description="Score at least this")
    score_max: int | None = Field(None, description="Score at most this")
    verification_status: VerificationFilter | None = Field(
        None, description="Email verification status; `unverified`: never checked"
    )
    q: str | None = Field(None, max_length=200, description="Name, email or company")

    @field_validator("created_from", "created_to")
    @classmethod
    def _utc(cls, moment: datetime | None) -> datetime | None:
        # A time without a zone (`2026-01-01T00:00:00`, `2026-01-01`) means UTC.
        return moment.replace(tzinfo=UTC) if moment and moment.tzinfo is None else moment


class LeadListQuery(BulkFilter):
    """The query string of `GET /leads`: the filters, the bin, the order."""

    # The query string also carries the page's `limit` and `cursor`.
    model_config = ConfigDict(extra="ignore")

    deleted: bool = Field(False, description="List deleted leads (to restore)")
    sort: str = Field(
        "-created_at",
        pattern=r"^-?(created_at|updated_at|first_name|last_name)$",
        description="Field, prefixed with - for descending",
    )


class BulkChanges(Schema):
    stage_id: uuid.UUID | None = None
    lost_reason: str | None = Field(None, min_length=1, max_length=500)
    owner_id: uuid.UUID | None = Field(None, description="Set to null with `unassign`")
    unassign: bool = False
    add_tags: list[str] = Field([], max_length=50, examples=[["webinar-2026"]])
    remove_tags: list[str] = Field([], max_length=50)

    @field_validator("add_tags", "remove_tags")
    @classmethod
    def _tags(cls, tags: list[str]) -> list[str]:
        return _clean_tags(tags) or []


class BulkRequest(Schema):
    action: str = Field(pattern="^(update|delete)$", examples=["update"])
    ids: list[uuid.UUID] | None = Field(None, max_length=5000)
    filter: BulkFilter | None = Field(None, description="Instead of ids: every lead it matches")
    changes: BulkChanges | None = None


class BulkResult(ReadSchema):
    matched: int = Field(description="Leads the ids or filter named", examples=[120])
    changed: int = Field(description="Leads that actually changed", examples=[117])


class StageSummary(ReadSchema):
    """One column of the pipeline board: its leads and their total value."""

    stage_id: uuid.UUID | None = Field(description="null: leads without a stage")
    count: int = Field(examples=[42])
    value: int = Field(description="Sum of the leads' value (0 when none has one)", examples=[0])


class AssignmentRuleCreate(Schema):
    name: str = Field(min_length=1, max_length=200, examples=["EMEA inbound"])
    strategy: AssignmentStrategy
    user_ids: list[uuid.UUID] = Field(min_length=1, max_length=200)
    sources: list[LeadSource] = []
    countries: list[str] = Field([], description="ISO alpha-2 codes")
    position: int = Field(0, ge=0)
    is_active: bool = True

    @field_validator("countries")
    @classmethod
    def _countries(cls, countries: list[str]) -> list[str]:
        for country in countries:
            if len(country) != 2 or not country.isalpha():
                raise ValueError(f"{country!r} is not an ISO alpha-2 country code")
        return countries


class AssignmentRuleUpdate(Schema):
    name: str | None = Field(None, min_length=1, max_length=200, examples=["EMEA inbound"])
    strategy: AssignmentStrategy | None = None
    user_ids: list[uuid.UUID] | None = Field(None, min_length=1, max_length=200)
    sources: list[LeadSource] | None = None
    countries: list[str] | None = None
    position: int | None = Field(None, ge=0)
    is_active: bool | None = None


class AssignmentRuleRead(ReadSchema):
    id: uuid.UUID
    name: str = Field(examples=["EMEA inbound"])
    strategy: AssignmentStrategy = Field(examples=["round_robin"])
    user_ids: list[str]
    sources: list[str]
    countries: list[str]
    position: int
    is_active: bool


class StageMove(Schema):
    stage_id: uuid.UUID = Field(examples=["01a2015f-097d-7179-8c16-e7e291dcb4c4"])
    lost_reason: str | None = Field(
        None,
        min_length=1,
        max_length=500,
        description="Required for a lost stage",
        examples=["Chose a competitor"],
    )


class AssignOwner(Schema):
    owner_id: uuid.UUID | None = Field(
        description="A member of the workspace, or null",
        examples=["01a2015f-097d-7179-8c16-e7e291dcb4c4"],
    )


class ActivityCreate(Schema):
    kind: ActivityKind = Field(ActivityKind.NOTE, examples=["call"])
    body: str = Field(
        min_length=1, max_length=20_000, examples=["Called: wants a demo next Tuesday."]
    )
    occurred_at: datetime | None = None


class ActivityRead(ReadSchema):
    id: uuid.UUID
    kind: ActivityKind = Field(examples=["stage_change"])
    actor_id: uuid.UUID | None
    body: str | None = Field(examples=["Chose a competitor"])
    data: dict[str, Any] = Field(
        description="What happened, by kind (stage ids, field old/new, event name)",
        examples=[{"from_stage_id": "01a2…", "to_stage_id": "01a3…", "to_stage": "Lost"}],
    )
    occurred_at: datetime
    created_at: datetime
