"""Applying facts to a Company and its Leads under per-field write policies.

`fill_if_empty` writes a column only while it is empty (a company named after its domain,
as companies made from an email address are, counts as unnamed); `always_refresh` writes
whenever a value was found; `never` leaves the field alone and records nothing. Every value
enrichment found for a field is recorded with its provenance in the record's `enrichment`
JSON, with `applied` saying whether the column took it; fields without a column
(technologies, email provider, ...) live there only. Plain functions over the ORM objects:
no queries, so the service decides what to load and when to flush."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from leadwise.enrichment.providers import EnrichmentFact
from leadwise.models import Company, Lead


class WritePolicy(StrEnum):
    FILL_IF_EMPTY = "fill_if_empty"
    ALWAYS_REFRESH = "always_refresh"
    NEVER = "never"


# Company columns enrichment may write, with their length limits (None: unbounded or JSON).
COMPANY_COLUMNS: dict[str, int | None] = {
    "name": 300,
    "description": 10_000,
    "logo_url": 2048,
    "industry": 200,
    "country": 2,
    "city": 200,
    "address": None,
    "phone": 32,
    "social_profiles": None,
}
LEAD_COLUMNS: dict[str, int | None] = {"job_title": 200, "company_name": 300, "country": 2,
                                       "city": 200}  # fmt: skip
LIST_FIELDS = frozenset({"technologies", "people"})  # every value kept, not the first
MAX_LIST_ITEMS = 100

DEFAULT_POLICIES: dict[str, WritePolicy] = {
    **{f"company.{name}": WritePolicy.FILL_IF_EMPTY for name in COMPANY_COLUMNS},
    "lead.job_title": WritePolicy.FILL_IF_EMPTY,
    "lead.company_name": WritePolicy.FILL_IF_EMPTY,
    "lead.country": WritePolicy.FILL_IF_EMPTY,
    # A company's address is its office's, not necessarily where this person works.
    "lead.city": WritePolicy.NEVER,
}
POLICY_KEY_PREFIXES = ("company.", "lead.")


def policies_with(overrides: Mapping[str, str]) -> dict[str, WritePolicy]:
    """The default policies with the settings' overrides (`{"company.description":
    "always_refresh"}`); fields not named and without a column default to always_refresh."""
    policies = dict(DEFAULT_POLICIES)
    for key, value in overrides.items():
        if not key.startswith(POLICY_KEY_PREFIXES):
            raise ValueError(f"{key!r}: policy keys are company.<field> or lead.<field>")
        policies[key] = WritePolicy(value)
    return policies


def policy_for(policies: Mapping[str, WritePolicy], key: str) -> WritePolicy:
    return policies.get(key, WritePolicy.ALWAYS_REFRESH)


@dataclass
class Applied:
    """What one application changed: the columns written and the fields recorded."""

    columns: dict[str, Any] = field(default_factory=dict)  # field -> new value
    recorded: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if not self.columns:
            return "no field changed"
        return "updated " + ", ".join(sorted(self.columns))


def group_facts(facts: list[EnrichmentFact]) -> dict[str, list[EnrichmentFact]]:
    """Facts by field, in provider order (the first fact of a single-valued field wins)."""
    grouped: dict[str, list[EnrichmentFact]] = {}
    for fact in facts:
        grouped.setdefault(fact.field, []).append(fact)
    return grouped


def apply_to_company(
    company: Company,
    facts: list[EnrichmentFact],
    policies: Mapping[str, WritePolicy],
    at: datetime,
) -> Applied:
    applied = Applied()
    enrichment = dict(company.enrichment or {})
    for field_name, group in group_facts(facts).items():
        policy = policy_for(policies, f"company.{field_name}")
        if policy is WritePolicy.NEVER:
            continue
        if field_name in LIST_FIELDS:
            if policy is WritePolicy.FILL_IF_EMPTY and field_name in enrichment:
                continue
            enrichment[field_name] = _list_entry(group, at)
            applied.recorded.append(field_name)
            continue

        def unset(name: str, current: Any) -> bool:
            # A company made from an email address is named after its domain: unnamed.
            return _is_empty(current) or (name == "name" and current == company.domain)

        _apply_fact(
            company,
            COMPANY_COLUMNS,
            enrichment,
            applied,
            group[0],
            policy,
            at,
            field_name=field_name,
            unset=unset,
        )
    company.enrichment = enrichment
    company.enriched_at = at
    return applied


def apply_to_lead(
    lead: Lead,
    company: Company,
    facts: list[EnrichmentFact],
    policies: Mapping[str, WritePolicy],
    at: datetime,
) -> Applied:
    """The company's facts that concern one of its leads: its company name and country, and
    what the site says about the person (title, profiles) when a person found there is this
    lead (same email, else same first and last name)."""
    grouped = group_facts(facts)
    candidates: dict[str, EnrichmentFact] = {}
    for field_name in ("name", "country"):
        if grouped.get(field_name):
            candidates["company_name" if field_name == "name" else field_name] = grouped[
                field_name
            ][0]
    if "company_name" not in candidates and company.name and company.name != company.domain:
        candidates["company_name"] = EnrichmentFact("company_name", company.name, "company",
                                                    f"company:{company.id}", "company")  # fmt: skip
    person = _person_of(lead, grouped.get("people", []))
    if person is not None:
        title = person.value.get("title")
        if title:
            candidates["job_title"] = _with_value(person, "job_title", title)
        if person.value.get("profiles"):
            candidates["profiles"] = _with_value(person, "profiles", person.value["profiles"])
        candidates["person"] = _with_value(person, "person", person.value.get("name"))
    email_domain = (lead.email_normalized or "").rpartition("@")[2].lower()
    if email_domain and email_domain == (company.domain or "").lower():
        for field_name in ("email_provider", "email_security"):
            if grouped.get(field_name):
                candidates[field_name] = grouped[field_name][0]

    applied = Applied()
    enrichment = dict(lead.enrichment or {})
    for field_name, fact in candidates.items():
        policy = policy_for(policies, f"lead.{field_name}")
        if policy is WritePolicy.NEVER:
            continue
        _apply_fact(
            lead, LEAD_COLUMNS, enrichment, applied, fact, policy, at, field_name=field_name
        )
    lead.enrichment = enrichment
    lead.enriched_at = at
    return applied


def _apply_fact(
    target: Any,
    columns: Mapping[str, Any],
    enrichment: dict[str, Any],
    applied: Applied,
    fact: EnrichmentFact,
    policy: WritePolicy,
    at: datetime,
    *,
    field_name: str | None = None,
    unset: Callable[[str, Any], bool] | None = None,
) -> None:
    """One fact onto a company or lead: the column per its policy, the value with its
    provenance in `enrichment` (whether or not the column took it)."""
    name = field_name or fact.field
    value = _fit(fact.value, columns.get(name))
    if name == "country" and isinstance(value, str):
        value = value.upper()
    written = False
    if name in columns:
        current = getattr(target, name)
        empty = unset(name, current) if unset is not None else _is_empty(current)
        if policy is WritePolicy.ALWAYS_REFRESH or empty:
            if current != value:
                setattr(target, name, value)
                applied.columns[name] = value
            written = True
    elif policy is WritePolicy.FILL_IF_EMPTY and name in enrichment:
        return
    enrichment[name] = {**fact.provenance(), "value": value, "applied": written,
                        "at": at.isoformat()}  # fmt: skip
    applied.recorded.append(name)


def _person_of(lead: Lead, people: list[EnrichmentFact]) -> EnrichmentFact | None:
    email = (lead.email_normalized or "").lower()
    if email:
        for person in people:
            if email in (address.lower() for address in person.value.get("emails") or []):
                return person
    first, last = _plain_name(lead.first_name), _plain_name(lead.last_name)
    if not first or not last:
        return None
    matches = [
        person
        for person in people
        if _plain_name(person.value.get("first_name")) == first
        and _plain_name(person.value.get("last_name")) == last
    ]
    return matches[0] if len(matches) == 1 else None


def _plain_name(name: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", (name or "").strip().casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _with_value(fact: EnrichmentFact, field_name: str, value: Any) -> EnrichmentFact:
    return EnrichmentFact(field_name, value, fact.provider, fact.source, fact.method,
                          fact.first_seen, fact.last_seen, dict(fact.extra))  # fmt: skip


def _list_entry(group: list[EnrichmentFact], at: datetime) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for fact in group:
        key = repr(fact.value.get("name") if isinstance(fact.value, dict) else fact.value)
        if key in seen:
            continue
        seen.add(key)
        items.append(fact.provenance())
        if len(items) >= MAX_LIST_ITEMS:
            break
    return {"value": [item["value"] for item in items], "items": items, "applied": False,
            "at": at.isoformat()}  # fmt: skip


def _fit(value: Any, limit: int | None) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value[:limit] if limit else value
    return value


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == {} or value == []
