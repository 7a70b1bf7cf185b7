"""Import bodies: options, the run as the API shows it, preview rows, presets."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any, Self

from pydantic import Field, model_validator

from leadwise.core.schemas import ReadSchema, Schema
from leadwise.import_export.import_rows import DateOrder

# Lead fields a row can be matched on (alone or together).
MATCH_FIELDS = (
    "email", "external_id", "phone", "first_name", "last_name", "company_name", "website", "city",
)  # fmt: skip


class ImportMode(StrEnum):
    CREATE = "create"  # new leads only; a row that matches a lead is skipped or flagged
    UPDATE = "update"  # existing leads only; a row that matches nothing is skipped
    UPSERT = "upsert"  # both


class DuplicatePolicy(StrEnum):
    """What a row that matches an existing lead does to it."""

    SKIP = "skip"
    FILL_EMPTY = "fill_empty"  # only fields the lead does not have yet
    OVERWRITE = "overwrite"  # every field the row has
    REVIEW = "review"  # create the row as a new lead and put the pair in the review queue


class Decision(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    SKIP = "skip"
    REVIEW = "review"  # created, and flagged as a probable duplicate
    FAIL = "fail"


class ImportOptions(Schema):
    mode: ImportMode = ImportMode.UPSERT
    match_on: list[str] | None = Field(
        None,
        min_length=1,
        max_length=4,
        description="Lead fields that together identify an existing lead "
        f"(any of {', '.join(MATCH_FIELDS)}); default: the first of email, external_id and "
        "phone that the mapping fills",
        examples=[["email"], ["external_id"], ["first_name", "last_name", "company_name"]],
    )
    duplicate_policy: DuplicatePolicy = DuplicatePolicy.FILL_EMPTY
    default_region: str | None = Field(
        None,
        pattern="^[A-Za-z]{2}$",
        description="Country (ISO code) for phone numbers without a prefix, when the row has none",
        examples=["DE"],
    )
    date_order: DateOrder = Field(DateOrder.DAY_FIRST, description="How 03/04/2026 is read")
    tags: list[str] = Field(default_factory=list, max_length=20, examples=[["fair-2026"]])
    owner_id: uuid.UUID | None = Field(None, description="Owner of every lead the import creates")
    stage_id: uuid.UUID | None = Field(None, description="Stage of new leads (default: the first)")
    check_probable: bool = Field(
        True, description="Flag new leads that look like existing ones (typos) for review"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        unknown = [name for name in self.match_on or [] if name not in MATCH_FIELDS]
        if unknown:
            raise ValueError(f"cannot match on {', '.join(unknown)}")
        if self.mode is ImportMode.CREATE and self.duplicate_policy in (
            DuplicatePolicy.FILL_EMPTY,
            DuplicatePolicy.OVERWRITE,
        ):
            raise ValueError("mode 'create' never changes leads: duplicate_policy skip or review")
        if self.mode is ImportMode.UPDATE and self.duplicate_policy in (
            DuplicatePolicy.SKIP,
            DuplicatePolicy.REVIEW,
        ):
            raise ValueError(
                "mode 'update' changes leads: duplicate_policy fill_empty or overwrite"
            )
        if self.default_region:
            self.default_region = self.default_region.upper()
        return self


Mapping = dict[str, str | None]
MAPPING_DESCRIPTION = (
    "File column → lead field (`first_name`, `email`, ...), `custom:<key>`, or null to leave out"
)


class ImportStart(Schema):
    mapping: Mapping | None = Field(
        None,
        description=MAPPING_DESCRIPTION + "; default: the suggested mapping",
        examples=[{"E-Mail": "email", "Firma": "company_name", "Notes": None}],
    )
    options: ImportOptions = Field(default_factory=ImportOptions)
    preset_id: uuid.UUID | None = Field(None, description="Take mapping and options from a preset")
    dry_run: bool = Field(False, description="Read and decide every row, write nothing")


class ImportPreview(ImportStart):
    rows: int = Field(20, ge=1, le=200, description="How many rows to show")


class SuggestionRead(Schema):
    column: str = Field(examples=["E-Mail"])
    target: str | None = Field(examples=["email"])
    reason: str = Field(examples=["synonym"])


class ImportRead(ReadSchema):
    id: uuid.UUID
    file_name: str = Field(examples=["messe-2026.xlsx"])
    file_format: str = Field(examples=["xlsx"])
    file_size: int
    columns: list[str] = Field(examples=[["Vorname", "Nachname", "E-Mail", "Firma"]])
    mapping: dict[str, Any]
    options: dict[str, Any]
    status: str = Field(
        description="uploaded, queued, running, succeeded, failed, cancelled, reverting, reverted",
        examples=["running"],
    )
    dry_run: bool
    progress: int = Field(0, description="Percent of the file read", examples=[42])
    counts: dict[str, int] = Field(
        default_factory=dict,
        examples=[{"read": 4200, "created": 4000, "updated": 150, "skipped": 40, "failed": 10}],
    )
    error: str | None = None
    job_id: uuid.UUID | None
    revert_job_id: uuid.UUID | None
    created_by_id: uuid.UUID | None
    created_at: datetime
    reverted_at: datetime | None


class ImportUploaded(ImportRead):
    suggestions: list[SuggestionRead]
    sample: list[dict[str, str]] = Field(description="The first rows as read")


class PreviewCell(Schema):
    column: str | None
    value: str | None
    reason: str
    fatal: bool


class PreviewRow(Schema):
    row: int = Field(description="1 = the first row below the header", examples=[1])
    decision: Decision = Field(examples=["update"])
    lead_id: uuid.UUID | None = Field(None, description="The lead it updates, skips or resembles")
    probability: float | None = Field(None, description="For `review`: how alike they are")
    fields: dict[str, Any] = Field(examples=[{"email": "ada@example.com", "country": "GB"}])
    custom_fields: dict[str, Any] = Field(default_factory=dict)
    tags: list[str] = Field(default_factory=list)
    problems: list[PreviewCell] = Field(default_factory=list)


class PreviewRead(Schema):
    mapping: Mapping
    problems: list[str] = Field(description="Problems with the mapping or options themselves")
    rows: list[PreviewRow]
    counts: dict[str, int] = Field(examples=[{"create": 17, "update": 2, "fail": 1}])


class ImportErrorRead(ReadSchema):
    row_number: int = Field(description="1 = the first row below the header", examples=[3])
    column: str | None = Field(examples=["E-Mail"])
    value: str | None = Field(examples=["not-an-email"])
    reason: str = Field(examples=["An email address must have an @-sign."])
    fatal: bool = Field(description="The row was not imported (else: only this value)")


class PresetWrite(Schema):
    name: str = Field(min_length=1, max_length=200, examples=["Trade fair scanner"])
    mapping: Mapping = Field(examples=[{"E-Mail": "email", "Firma": "company_name"}])
    options: ImportOptions = Field(default_factory=ImportOptions)


class PresetRead(ReadSchema):
    id: uuid.UUID
    name: str = Field(examples=["Trade fair scanner"])
    mapping: dict[str, Any]
    options: dict[str, Any]
    created_at: datetime
    updated_at: datetime
