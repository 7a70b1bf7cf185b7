"""Export options: the query string of a download, the body of an export job, the catalogue."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from leadwise.core.schemas import ReadSchema, Schema
from leadwise.import_export.export_formats import ExportFormat
from leadwise.leads.schemas import BulkFilter

Preset = Literal["hubspot", "salesforce", "pipedrive"]
Delimiter = Literal[",", ";", "\t", "|", "tab"]
HeaderStyle = Literal["keys", "labels"]

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

    def to_request(self) -> ExportRequest:
        filters = BulkFilter.model_validate(self.model_dump(include=set(BulkFilter.model_fields)))
        settings = self.model_dump(include=set(ExportSettings.model_fields))
        fields = None if self.fields is None else [part.strip() for part in self.fields.split(",")]
        return ExportRequest(**settings, fields=fields, filter=filters)


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
