"""Export options: the query string of a download, the body of an export job, the catalogue."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import ConfigDict, Field, field_validator

from leadwise.core.schemas import ReadSchema, Schema
from leadwise.import_export.export_formats import ExportFormat
from leadwise.leads.schemas import BulkFilter

Preset = Literal["hubspot", "salesforce", "pipedrive"]
Delimiter = Literal[",", ";", "\t", "|", "tab"]
HeaderStyle = Literal["keys", "labels"]

MAX_IDS = 10_000  # the ticked rows of a list; a query string holds far fewer (see ExportQuery)
FIELDS_EXAMPLE = ["first_name", "last_name", "email", "phone", "stage", "tags", "custom:budget"]


class ExportSettings(Schema):
    """How the file looks; shared by the download and the job."""

    # A tab is a legal delimiter: whitespace is not stripped here.
    model_config = ConfigDict(str_strip_whitespace=False)

    format: ExportFormat = Field("csv", examples=["csv"])
    preset: Preset | None = Field(
        None,
        description="The import columns of a CRM (CSV or XLSX only); `fields` are added after them",
        examples=["hubspot"],
    )
    delimiter: Delimiter = Field(",", description="CSV only; `tab` (or a tab) for TSV")
    bom: bool = Field(False, description="CSV only: start with a UTF-8 BOM (for Excel)")
    headers: HeaderStyle = Field(
        "keys", description="CSV and XLSX header row: field keys or readable labels"
    )
    deleted: bool = Field(False, description="Export the deleted leads (the bin) instead")

    @property
    def delimiter_character(self) -> str:
        return "\t" if self.delimiter == "tab" else self.delimiter


class ExportRequest(ExportSettings):
    """The body of `POST /exports`: a job that writes the file for a later download."""

    fields: list[str] | None = Field(
        None,
        max_length=300,
        description="Field keys in order (default: every field); see GET /exports/fields",
        examples=[FIELDS_EXAMPLE],
    )
    filter: BulkFilter = Field(
        default_factory=BulkFilter,
        description="Which leads: the filters of the leads list",
        examples=[{"tag": "webinar-2026", "created_from": "2026-01-01T00:00:00Z"}],
    )
    ids: list[uuid.UUID] | None = Field(
        None,
        min_length=1,
        max_length=MAX_IDS,
        description="Only these leads (the rows ticked in the list), if they match the filter",
    )


class ExportQuery(ExportSettings, BulkFilter):
    """The query string of `GET /exports/leads`: the options and any filter of the leads list.
    Unknown parameters are refused, so a misspelt filter never exports everything."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    fields: str | None = Field(
        None,
        max_length=8000,
        description="Comma-separated field keys (default: every field)",
        examples=["first_name,last_name,email,custom:budget"],
    )
    # About 200 ids: a request line longer than the server's limit (16 KiB) is refused
    # before it reaches the API, so more ids go in the body of POST /exports.
    ids: str | None = Field(
        None,
        max_length=7_500,
        description="Comma-separated lead ids: only these leads (for more, POST /exports)",
    )

    @field_validator("ids")
    @classmethod
    def _lead_ids(cls, value: str | None) -> str | None:
        if value is None:
            return None
        for part in value.split(","):
            try:
                uuid.UUID(part.strip())
            except ValueError:
                raise ValueError(f"not a lead id: {part.strip()[:40]!r}") from None
        return value

    def to_request(self) -> ExportRequest:
        filters = BulkFilter.model_validate(self.model_dump(include=set(BulkFilter.model_fields)))
        settings = self.model_dump(include=set(ExportSettings.model_fields))
        fields = None if self.fields is None else [part.strip() for part in self.fields.split(",")]
        ids = None if self.ids is None else [uuid.UUID(p.strip()) for p in self.ids.split(",")]
        return ExportRequest(**settings, fields=fields, filter=filters, ids=ids)


class FieldInfo(ReadSchema):
    key: str = Field(examples=["custom:budget"])
    label: str = Field(examples=["Budget"])


class ExportCatalogue(ReadSchema):
    fields: list[FieldInfo] = Field(description="Every field, in the default order")
    presets: dict[str, list[str]] = Field(
        description="Each preset's column headers",
        examples=[{"hubspot": ["First Name", "Last Name", "Email"]}],
    )
    formats: list[str] = Field(examples=[["csv", "xlsx", "json", "ndjson", "xml"]])
