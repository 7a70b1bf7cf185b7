"""What an export can contain: the field catalogue and the CRM presets, as plain functions of
one lead row (the `leads` columns, `tags` as a list) and lookups made once per export."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from leadwise.models import StageKind

CUSTOM_PREFIX = "custom:"
# Salesforce's own stand-in for a required value a web lead did not give (Web-to-Lead).
NOT_PROVIDED = "[not provided]"


@dataclass(frozen=True, slots=True)
class StageInfo:
    name: str
    kind: StageKind
    position: int
    is_first_open: bool


@dataclass(frozen=True, slots=True)
class Lookups:
    """Names behind the ids of a row, read once per export (never per row)."""

    stages: dict[uuid.UUID, StageInfo] = field(default_factory=dict)
    owner_emails: dict[uuid.UUID, str] = field(default_factory=dict)
    custom_labels: dict[str, str] = field(default_factory=dict)  # key -> label, in order


Row = dict[str, Any]
Getter = Callable[[Row, Lookups], Any]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str
    label: str
    columns: tuple[str, ...]  # the `leads` columns the getter reads
    get: Getter


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _column(key: str, label: str, column: str | None = None) -> FieldSpec:
    name = column or key
    return FieldSpec(key, label, (name,), lambda row, _: row[name])


def _enum_column(key: str, label: str) -> FieldSpec:
    return FieldSpec(key, label, (key,), lambda row, _: _plain(row[key]))


def full_name(row: Row) -> str:
    return " ".join(part for part in (row["first_name"], row["last_name"]) if part)


def money(cents: int | None) -> Decimal | None:
    """Deal values are stored in cents; files carry currency units (1250.50)."""
    return None if cents is None else Decimal(cents).scaleb(-2)


def _stage_name(row: Row, lookups: Lookups) -> str | None:
    stage = lookups.stages.get(row["stage_id"]) if row["stage_id"] else None
    return stage.name if stage else None


def _owner_email(row: Row, lookups: Lookups) -> str | None:
    return lookups.owner_emails.get(row["owner_id"]) if row["owner_id"] else None


NAME_COLUMNS = ("first_name", "last_name")
STANDARD_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "Lead ID", ("id",), lambda row, _: str(row["id"])),
    _column("external_id", "External ID"),
    _column("first_name", "First name"),
    _column("last_name", "Last name"),
    FieldSpec("full_name", "Name", NAME_COLUMNS, lambda row, _: full_name(row)),
    _column("email", "Email"),
    _column("phone", "Phone (E.164)", "phone_e164"),
    _column("phone_raw", "Phone (as entered)"),
    _column("company_name", "Company"),
    _column("job_title", "Job title"),
    _column("website", "Website"),
    _column("city", "City"),
    _column("country", "Country"),
    FieldSpec("stage", "Stage", ("stage_id",), _stage_name),
    FieldSpec("owner_email", "Owner", ("owner_id",), _owner_email),
    _enum_column("source", "Source"),
    _column("utm_source", "UTM source"),
    _column("utm_medium", "UTM medium"),
    _column("utm_campaign", "UTM campaign"),
    _column("utm_term", "UTM term"),
    _column("utm_content", "UTM content"),
    _enum_column("lifecycle", "Lifecycle stage"),
    FieldSpec("value", "Deal value", ("value",), lambda row, _: money(row["value"])),
    _column("score", "Score"),
    _column("verification_status", "Email verification"),
    FieldSpec("tags", "Tags", (), lambda row, _: row["tags"]),
    _column("do_not_contact", "Do not contact"),
    _column("lost_reason", "Lost reason"),
    _column("created_at", "Created (UTC)"),
    _column("updated_at", "Updated (UTC)"),
    _column("stage_changed_at", "Stage changed (UTC)"),
)
FIELDS_BY_KEY = {spec.key: spec for spec in STANDARD_FIELDS}


def custom_field(key: str, label: str) -> FieldSpec:
    return FieldSpec(
        CUSTOM_PREFIX + key,
        label,
        ("custom_fields",),
        lambda row, _: (row["custom_fields"] or {}).get(key),
    )


def catalogue(lookups: Lookups) -> list[FieldSpec]:
    """Every field of this workspace, in the default order: standard ones, then custom ones."""
    return [
        *STANDARD_FIELDS,
        *(custom_field(key, label) for key, label in lookups.custom_labels.items()),
    ]


# --- presets ---------------------------------------------------------------------------------
# Headers are the labels each CRM's importer maps by itself (docs/export.md lists the sources);
# values are translated where the CRM has its own vocabulary.

HUBSPOT_LIFECYCLE = {
    "subscriber": "Subscriber",
    "lead": "Lead",
    "mql": "Marketing Qualified Lead",
    "sql": "Sales Qualified Lead",
    "opportunity": "Opportunity",
    "customer": "Customer",
    "disqualified": "Other",
}


def _salesforce_status(row: Row, lookups: Lookups) -> str:
    """The default Lead Status picklist, from the kind of the lead's stage."""
    stage = lookups.stages.get(row["stage_id"]) if row["stage_id"] else None
    if stage is None or stage.is_first_open:
        return "Open - Not Contacted"
    if stage.kind is StageKind.WON:
        return "Closed - Converted"
    if stage.kind is StageKind.LOST:
        return "Closed - Not Converted"
    return "Working - Contacted"


def _pipedrive_title(row: Row) -> str:
    """Pipedrive's own default: "<organisation or person> lead"."""
    subject = row["company_name"] or full_name(row) or row["email"] or "Unnamed"
    return f"{subject} lead"


LEAD_COLUMNS_OF_PRESETS = (
    "first_name", "last_name", "email", "phone_e164", "phone_raw", "company_name",
    "job_title", "website", "city", "country", "lifecycle", "owner_id", "stage_id",
    "source", "do_not_contact", "value",
)  # fmt: skip


def _phone(row: Row) -> str | None:
    phone: str | None = row["phone_e164"] or row["phone_raw"]
    return phone


PRESETS: dict[str, tuple[tuple[str, Getter], ...]] = {
    # knowledge.hubspot.com: "Set up your import files" (contact properties; an owner column
    # holds the owner's email).
    "hubspot": (
        ("First Name", lambda row, _: row["first_name"]),
        ("Last Name", lambda row, _: row["last_name"]),
        ("Email", lambda row, _: row["email"]),
        ("Phone Number", lambda row, _: _phone(row)),
        ("Company Name", lambda row, _: row["company_name"]),
        ("Job Title", lambda row, _: row["job_title"]),
        ("Website URL", lambda row, _: row["website"]),
        ("City", lambda row, _: row["city"]),
        ("Country/Region", lambda row, _: row["country"]),
        ("Lifecycle Stage", lambda row, _: HUBSPOT_LIFECYCLE[_plain(row["lifecycle"])]),
        ("Contact owner", _owner_email),
    ),
    # help.salesforce.com: "Field Mapping for Importing Leads" (Data Import Wizard labels);
    # Last Name and Company are required.
    "salesforce": (
        ("First Name", lambda row, _: row["first_name"]),
        ("Last Name", lambda row, _: row["last_name"] or NOT_PROVIDED),
        ("Email", lambda row, _: row["email"]),
        ("Phone", lambda row, _: _phone(row)),
        ("Company", lambda row, _: row["company_name"] or NOT_PROVIDED),
        ("Title", lambda row, _: row["job_title"]),
        ("Website", lambda row, _: row["website"]),
        ("City", lambda row, _: row["city"]),
        ("Country", lambda row, _: row["country"]),
        ("Lead Source", lambda row, _: "Web" if _plain(row["source"]) == "form" else "Other"),
        ("Lead Status", _salesforce_status),
        ("Email Opt Out", lambda row, _: 1 if row["do_not_contact"] else 0),
    ),
    # support.pipedrive.com: "Importing: mandatory fields" (a lead needs a title and a person
    # or organisation name); headers as Pipedrive names its fields in the import mapping.
    "pipedrive": (
        ("Lead - Title", lambda row, _: _pipedrive_title(row)),
        ("Lead - Value", lambda row, _: money(row["value"])),
        ("Lead - Owner", _owner_email),
        ("Person - Name", lambda row, _: full_name(row) or None),
        ("Person - Email", lambda row, _: row["email"]),
        ("Person - Phone", lambda row, _: _phone(row)),
        ("Person - Job title", lambda row, _: row["job_title"]),
        ("Organization - Name", lambda row, _: row["company_name"]),
    ),
}
