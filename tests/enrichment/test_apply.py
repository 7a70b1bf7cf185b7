"""Write policies over plain Company and Lead objects (no database)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from leadwise.enrichment.apply import (
    WritePolicy,
    apply_to_company,
    apply_to_lead,
    policies_with,
)
from leadwise.enrichment.providers import EnrichmentFact
from leadwise.models import Company, Lead

AT = datetime(2024, 6, 1, 12, tzinfo=UTC)
PAGE = "https://acme.lwtest/"


def _fact(
    field: str, value: object, provider: str = "website", method: str = "json-ld"
) -> EnrichmentFact:
    return EnrichmentFact(field, value, provider, PAGE, method, AT, AT)


FACTS = [
    _fact("name", "Acme Robotics GmbH"),
    _fact("description", "Robots for warehouses."),
    _fact("country", "de", method="address-tag"),
    _fact("city", "Berlin"),
    _fact("industry", "x" * 500),
    _fact("founding_year", "2009"),
    _fact("email_provider", "Google Workspace", provider="dns", method="mx"),
    _fact("technologies", {"name": "WordPress", "category": "cms"}),
    _fact("technologies", {"name": "Mailchimp", "category": "email_marketing"}, "dns", "spf"),
    _fact("technologies", {"name": "WordPress", "category": "cms"}, method="meta"),
    _fact("people", {"name": "Lena Vogel", "first_name": "Lena", "last_name": "Vogel",
                     "title": "CTO", "emails": ["lena.vogel@acme.lwtest"],
                     "profiles": ["https://www.linkedin.com/in/lena"]}),
    _fact("people", {"name": "Tom Becker", "first_name": "Tom", "last_name": "Becker",
                     "title": "Head of Sales", "emails": [], "profiles": []}),
]  # fmt: skip


def _company(**values: object) -> Company:
    return Company(id=uuid.uuid4(), name="acme.lwtest", domain="acme.lwtest", enrichment={},
                   **values)  # fmt: skip


def test_fill_if_empty_fills_and_keeps_what_is_there() -> None:
    company = _company(description="Our own words.")
    applied = apply_to_company(company, FACTS, policies_with({}), AT)
    assert company.name == "Acme Robotics GmbH"  # named after its domain counts as unnamed
    assert company.description == "Our own words."
    assert company.country == "DE"
    assert company.city == "Berlin"
    assert company.industry == "x" * 200  # cut to the column
    assert set(applied.columns) == {"name", "country", "city", "industry"}
    entry = company.enrichment["description"]
    assert entry["value"] == "Robots for warehouses."
    assert entry["applied"] is False
    assert (entry["source"], entry["method"], entry["provider"]) == (PAGE, "json-ld", "website")
    assert company.enrichment["email_provider"]["value"] == "Google Workspace"
    assert company.enrichment["founding_year"]["value"] == "2009"
    assert company.enrichment["technologies"]["value"] == [
        {"name": "WordPress", "category": "cms"},
        {"name": "Mailchimp", "category": "email_marketing"},
    ]
    assert company.enriched_at == AT


def test_always_refresh_and_never() -> None:
    company = _company(description="Our own words.", city="Hamburg")
    policies = policies_with({"company.description": "always_refresh", "company.city": "never",
                              "company.technologies": "never"})  # fmt: skip
    apply_to_company(company, FACTS, policies, AT)
    assert company.description == "Robots for warehouses."
    assert company.enrichment["description"]["applied"] is True
    assert company.city == "Hamburg"
    assert "city" not in company.enrichment
    assert "technologies" not in company.enrichment


def test_bad_policy_names_are_refused() -> None:
    with pytest.raises(ValueError, match="company"):
        policies_with({"description": "always_refresh"})
    with pytest.raises(ValueError, match="sometimes"):
        policies_with({"company.city": "sometimes"})
    assert policies_with({})["lead.city"] is WritePolicy.NEVER


def test_lead_gets_its_title_and_company_facts() -> None:
    company = _company()
    lead = Lead(first_name="Léna", last_name="VOGEL", email="lena@other.lwtest",
                email_normalized="lena@other.lwtest", enrichment={})  # fmt: skip
    applied = apply_to_lead(lead, company, FACTS, policies_with({}), AT)
    assert lead.job_title == "CTO"  # same name, accents and case aside
    assert lead.company_name == "Acme Robotics GmbH"
    assert lead.country == "DE"
    assert lead.city is None  # lead.city: never by default
    assert set(applied.columns) == {"job_title", "company_name", "country"}
    assert lead.enrichment["profiles"]["value"] == ["https://www.linkedin.com/in/lena"]
    assert "email_provider" not in lead.enrichment  # the address is not on the company's domain


def test_lead_matched_by_email_keeps_its_own_title() -> None:
    company = _company()
    lead = Lead(first_name="L", last_name="V", email_normalized="lena.vogel@acme.lwtest",
                job_title="Chief Technology Officer", enrichment={})  # fmt: skip
    apply_to_lead(lead, company, FACTS, policies_with({}), AT)
    assert lead.job_title == "Chief Technology Officer"
    assert lead.enrichment["job_title"] == {**lead.enrichment["job_title"], "value": "CTO",
                                            "applied": False}  # fmt: skip
    assert lead.enrichment["email_provider"]["value"] == "Google Workspace"


def test_lead_without_a_match_gets_no_person_fields() -> None:
    lead = Lead(first_name="Jane", last_name="Doe", enrichment={})
    apply_to_lead(lead, _company(), FACTS, policies_with({}), AT)
    assert lead.job_title is None
    assert "person" not in lead.enrichment
