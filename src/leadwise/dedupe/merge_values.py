"""What a merge makes of the leads' values, and snapshots of leads for undo (pure functions
over loaded leads, no database).

Each choosable field takes its value from one lead, picked by a strategy (`survivor_first`: the
survivor's unless empty, then the freshest; `most_recent`: from the most recently updated lead
that has one; `most_complete`: the longest), by a lead's id, or typed by the user
(`{"value": ...}`, checked like the leads API checks it). Custom fields are chosen per key
(`custom_fields.<key>`), consents are united (the latest record per purpose wins), and
`do_not_contact` holds if any lead asked for it.
"""

from __future__ import annotations

import copy
import enum
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Enum, Uuid, inspect

from leadwise.core.errors import ValidationFailed
from leadwise.leads.normalize import InvalidValue, normalize_email, normalize_phone
from leadwise.leads.schemas import LeadFields
from leadwise.models import Lead
from leadwise.models.base import UTCDateTime

STRATEGIES = ("survivor_first", "most_recent", "most_complete")
MAX_MERGED = 50  # like the scan's largest duplicate group
UTM = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")
# The fields a user can choose, each with the columns that travel together.
FIELDS: dict[str, tuple[str, ...]] = {
    "first_name": ("first_name",),
    "last_name": ("last_name",),
    "email": ("email", "email_normalized"),
    "phone": ("phone_raw", "phone_e164"),
    "job_title": ("job_title",),
    "company_name": ("company_name",),
    "website": ("website",),
    "country": ("country",),
    "city": ("city",),
    "lifecycle": ("lifecycle",),
    "value": ("value",),
    "owner_id": ("owner_id",),
    "stage": ("stage_id", "stage_changed_at", "lost_reason"),
    "do_not_contact": ("do_not_contact",),
    **{name: (name,) for name in UTM},
}
# Fields a user may type a value for (owner and stage are picked from a lead).
MANUAL = set(FIELDS) - {"owner_id", "stage"}
CUSTOM_PREFIX = "custom_fields."
# Kept together, from one lead: the survivor's own when it has them, else the freshest other's.
GROUPS = {
    "score": ("score", "score_breakdown", "scored_at"),
    "enrichment": ("enrichment", "enriched_at"),
}
VERIFICATION = ("verification_status", "verification", "verified_at")

Choice = str | Mapping[str, Any]


# --- snapshots --------------------------------------------------------------------------------


def columns() -> list[Any]:
    return [attr for attr in inspect(Lead).column_attrs if attr.key != "id"]


def snapshot(lead: Lead) -> dict[str, Any]:
    """Every column of the lead and its tags, as JSON."""
    data = {attr.key: to_json(getattr(lead, attr.key)) for attr in columns()}
    data["tags"] = list(lead.tags)
    return data


def to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return copy.deepcopy(value)


def from_json(column: Any, value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class(value)
    if isinstance(kind, UTCDateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Uuid):
        return uuid.UUID(value)
    return copy.deepcopy(value)


# --- choosing values --------------------------------------------------------------------------


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == {} or value == []


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str) else 0


def winner(leads_in: Sequence[Lead], survivor: Lead, column: str, strategy: str) -> Lead:
    """The lead whose value of `column` the strategy picks (the survivor if none has one)."""
    filled = [lead for lead in leads_in if not _empty(getattr(lead, column))]
    if not filled:
        return survivor
    if strategy == "survivor_first" and survivor in filled:
        return survivor
    if strategy == "most_complete":
        return max(
            filled,
            key=lambda lead: (_size(getattr(lead, column)), lead is survivor, lead.updated_at),
        )
    return max(filled, key=lambda lead: (lead.updated_at, lead is survivor))


def _manual(field: str, value: Any, country: str | None) -> tuple[Any, ...]:
    """A typed value, checked as the leads API checks it; the columns' values."""
    if field not in MANUAL:
        raise ValidationFailed(
            f"fields.{field}: pick this field from one of the leads.",
            details={"field": f"fields.{field}"},
        )
    try:
        checked = LeadFields.model_validate({field: value})
    except ValidationError as error:
        raise ValidationFailed(
            f"fields.{field}: {error.errors()[0]['msg']}.", details={"field": f"fields.{field}"}
        ) from None
    typed = getattr(checked, field)
    try:
        if field == "email":
            return (typed, normalize_email(typed)) if typed else (None, None)
        if field == "phone":
            return (typed, normalize_phone(typed, country)) if typed else (None, None)
    except InvalidValue as error:
        raise ValidationFailed(
            f"fields.{field}: {error}", details={"field": f"fields.{field}"}
        ) from None
    if field in ("first_name", "last_name"):
        return (typed or "",)
    if field == "country":
        return (typed.upper() if typed else None,)
    if field in ("lifecycle", "do_not_contact") and typed is None:
        raise ValidationFailed(
            f"fields.{field} cannot be null.", details={"field": f"fields.{field}"}
        )
    return (typed,)


def _choice_kind(
    field: str, choice: Choice, involved: Mapping[str, Lead]
) -> tuple[str, Lead | None]:
    """("strategy", None), ("lead", the lead) or ("manual", None), 422 for anything else."""
    if isinstance(choice, Mapping):
        if set(choice) != {"value"}:
            raise ValidationFailed(
                f'fields.{field}: a typed value is {{"value": ...}}.',
                details={"field": f"fields.{field}"},
            )
        return "manual", None
    if choice in STRATEGIES:
        return "strategy", None
    lead = involved.get(str(choice).strip().lower())
    if lead is None:
        raise ValidationFailed(
            f"fields.{field}: {choice!r} is neither one of {', '.join(STRATEGIES)} nor the id "
            "of a lead in this merge.",
            details={"field": f"fields.{field}"},
        )
    return "lead", lead


def choose(
    survivor: Lead,
    merged: Sequence[Lead],
    choices: Mapping[str, Choice],
    default: str,
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(column values for the survivor, manual custom field values, what was chosen per field)."""
    everyone = [survivor, *merged]
    involved = {str(lead.id): lead for lead in everyone}
    unknown = [
        name for name in choices if name not in FIELDS and not name.startswith(CUSTOM_PREFIX)
    ]
    if unknown:
        raise ValidationFailed(
            f"Unknown fields: {', '.join(sorted(unknown))}.",
            details={"field": "fields", "unknown": sorted(unknown), "fields": sorted(FIELDS)},
        )
    values: dict[str, Any] = {}
    applied: dict[str, Any] = {}
    # The country first: a typed phone number is read in the merged lead's country.
    for field in sorted(FIELDS, key=lambda name: name != "country"):
        field_columns = FIELDS[field]
        choice = choices.get(field)
        if choice is None and field == "do_not_contact":
            # Safety first: anyone who asked not to be contacted stays so.
            values["do_not_contact"] = any(lead.do_not_contact for lead in everyone)
            applied[field] = {"choice": "any", "value": values["do_not_contact"]}
            continue
        kind, chosen = _choice_kind(field, choice if choice is not None else default, involved)
        if kind == "manual":
            assert isinstance(choice, Mapping)
            typed = _manual(field, choice["value"], values.get("country", survivor.country))
            values.update(zip(field_columns, typed, strict=True))
            applied[field] = {"choice": "manual", "value": to_json(typed[0])}
            continue
        if chosen is None:
            chosen = winner(everyone, survivor, field_columns[0], str(choice or default))
        values.update({column: getattr(chosen, column) for column in field_columns})
        applied[field] = {
            "choice": str(choice or default) if kind == "strategy" else "lead",
            "lead_id": str(chosen.id),
            "value": to_json(getattr(chosen, field_columns[0])),
        }
    custom, manual_custom = _custom_fields(everyone, survivor, choices, default, involved, applied)
    values["custom_fields"] = custom
    values["consents"] = _consents(everyone)
    _groups(values, everyone, survivor)
    return values, manual_custom, applied


def _custom_fields(
    everyone: Sequence[Lead],
    survivor: Lead,
    choices: Mapping[str, Choice],
    default: str,
    involved: Mapping[str, Lead],
    applied: dict[str, Any],
) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = sorted({key for lead in everyone for key in lead.custom_fields})
    keys += sorted(
        {n.removeprefix(CUSTOM_PREFIX) for n in choices if n.startswith(CUSTOM_PREFIX)} - set(keys)
    )
    result: dict[str, Any] = {}
    manual: dict[str, Any] = {}
    for key in keys:
        name = CUSTOM_PREFIX + key
        choice = choices.get(name, default)
        kind, chosen = _choice_kind(name, choice, involved)
        if kind == "manual":
            assert isinstance(choice, Mapping)
            manual[key] = choice["value"]
            applied[name] = {"choice": "manual", "value": choice["value"]}
            continue
        if chosen is None:
            filled = [lead for lead in everyone if not _empty(lead.custom_fields.get(key))]
            chosen = _pick_custom(filled, survivor, key, str(choice)) if filled else survivor
        if key in chosen.custom_fields:
            result[key] = copy.deepcopy(chosen.custom_fields[key])
        applied[name] = {
            "choice": str(choice) if kind == "strategy" else "lead",
            "lead_id": str(chosen.id),
            "value": result.get(key),
        }
    return result, manual


def _pick_custom(filled: Sequence[Lead], survivor: Lead, key: str, strategy: str) -> Lead:
    if strategy == "survivor_first" and survivor in filled:
        return survivor
    if strategy == "most_complete":
        return max(
            filled,
            key=lambda lead: (_size(lead.custom_fields[key]), lead is survivor, lead.updated_at),
        )
    return max(filled, key=lambda lead: (lead.updated_at, lead is survivor))


def _consents(everyone: Sequence[Lead]) -> dict[str, Any]:
    """Per purpose, the most recent record of consent among the leads."""
    result: dict[str, Any] = {}
    for lead in everyone:
        for purpose, record in lead.consents.items():
            current = result.get(purpose)
            if current is None or str(record.get("at", "")) > str(current.get("at", "")):
                result[purpose] = copy.deepcopy(record)
    return result


def _groups(values: dict[str, Any], everyone: Sequence[Lead], survivor: Lead) -> None:
    """Score and enrichment: the survivor's, else the freshest other's. Verification belongs to
    an address: the one of a lead with the chosen email. The company link: the survivor's,
    else the one of the lead the company name came from, else any."""
    for group in GROUPS.values():
        owner = winner(everyone, survivor, group[0], "survivor_first")
        values.update({column: copy.deepcopy(getattr(owner, column)) for column in group})
    email = (values.get("email_normalized") or "").lower()
    verified = [
        lead
        for lead in everyone
        if email and (lead.email_normalized or "").lower() == email and lead.verification_status
    ]
    source = (
        max(verified, key=lambda lead: (lead is survivor, lead.verified_at or lead.updated_at))
        if verified
        else None
    )
    values.update(
        {
            column: copy.deepcopy(getattr(source, column)) if source else None
            for column in VERIFICATION
        }
    )
    if survivor.company_id is not None:
        values["company_id"] = survivor.company_id
    else:
        named = [
            lead
            for lead in everyone
            if lead.company_id and lead.company_name == values["company_name"]
        ]
        linked = named or [lead for lead in everyone if lead.company_id]
        values["company_id"] = linked[0].company_id if linked else None
