"""The website provider: the crawler's report on a company's site (crawling/report.py) read
as facts, each with the page and method it came from. The whole report is the raw answer
that is stored and cached."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from leadwise.core.clock import utcnow
from leadwise.crawling.crawler import CrawlOptions
from leadwise.crawling.guard import Resolver
from leadwise.crawling.report import crawl_site
from leadwise.crawling.urls import BadUrl
from leadwise.enrichment.providers import (
    EnrichmentFact,
    EnrichmentFailed,
    EnrichmentResult,
    EnrichmentTarget,
)

PROVIDER = "website"
# The report's company fields -> the field names enrichment uses (the Company columns').
COMPANY_FIELDS = {
    "name": "name",
    "legal_name": "legal_name",
    "description": "description",
    "logo": "logo_url",
    "founding_year": "founding_year",
}


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _fact(field: str, value: Any, item: dict[str, Any], **extra: Any) -> EnrichmentFact:
    sources = item.get("sources") or [{"url": "", "method": "unknown"}]
    return EnrichmentFact(
        field,
        value,
        PROVIDER,
        sources[0]["url"],
        sources[0]["method"],
        _when(item.get("first_seen")),
        _when(item.get("last_seen")),
        {"seen_on": len(sources), **extra},
    )


def facts_from_report(report: dict[str, Any]) -> list[EnrichmentFact]:
    company = report.get("company") or {}
    facts: list[EnrichmentFact] = []
    for name, field in COMPANY_FIELDS.items():
        item = company.get(name)
        if item and item.get("value") not in (None, ""):
            facts.append(_fact(field, item["value"], item))
    addresses = company.get("addresses") or []
    if addresses:
        first = addresses[0]
        parts = {key: first.get(key) for key in ("street", "postal_code", "locality", "region",
                                                   "country")}  # fmt: skip
        facts.append(_fact("address", {"text": first["value"], **parts}, first))
        if first.get("locality"):
            facts.append(_fact("city", first["locality"], first))
    country = company.get("country")
    if country:
        origin = addresses[0] if addresses and addresses[0].get("country") == country else None
        facts.append(
            _fact("country", country, origin)
            if origin
            else EnrichmentFact(
                "country", country, PROVIDER, f"https://{report['site']}/", "domain-or-language"
            )
        )
    phones = [p for p in company.get("phones") or [] if p.get("kind") != "fax"]
    if phones:
        facts.append(
            _fact("phone", phones[0]["value"], phones[0], display=phones[0].get("display"))
        )
    profiles = company.get("social_profiles") or []
    if profiles:
        by_network: dict[str, str] = {}
        for profile in profiles:
            by_network.setdefault(profile.get("network") or "other", profile["value"])
        facts.append(_fact("social_profiles", by_network, profiles[0]))
    industries = company.get("industries") or []
    if industries:
        facts.append(_fact("industry", industries[0]["value"], industries[0]))
    languages = [item["value"] for item in company.get("languages") or []]
    if languages:
        facts.append(_fact("languages", languages, company["languages"][0]))
    for tech in company.get("technologies") or []:
        value = {"name": tech["value"], "category": tech.get("category")}
        facts.append(_fact("technologies", value, tech, evidence=tech.get("evidence")))
    pattern = report.get("email_pattern") or {}
    if pattern.get("pattern"):
        facts.append(
            EnrichmentFact(
                "email_pattern",
                pattern["pattern"],
                PROVIDER,
                f"https://{report['site']}/",
                "pattern",
                None,
                None,
                {"confidence": pattern.get("confidence"), "domain": pattern.get("domain")},
            )
        )
    for person in report.get("people") or []:
        value = {key: person.get(key) for key in ("name", "first_name", "last_name", "title",
                                                   "emails", "profiles")}  # fmt: skip
        facts.append(_fact("people", value, person))
    return facts


class WebsiteProvider:
    name = PROVIDER

    def __init__(self, options: CrawlOptions, *, resolver: Resolver | None = None) -> None:
        self._options = options
        self._resolver = resolver

    async def enrich(self, target: EnrichmentTarget) -> EnrichmentResult:
        try:
            report = await crawl_site(
                target.website or target.domain,
                self._options,
                resolver=self._resolver,
                find_emails=False,  # generated addresses are the prospecting path's business
            )
        except BadUrl as error:
            message = f"The website of {target.domain} cannot be crawled: {error}"
            raise EnrichmentFailed(message) from None
        raw = report.as_dict()
        if not raw["stats"].get("pages_fetched"):
            failures = raw["stats"].get("failures") or []
            reason = failures[0]["message"] if failures else "no page could be fetched"
            raise EnrichmentFailed(f"The website of {target.domain} gave no page: {reason}")
        fetched_at = utcnow()
        return EnrichmentResult(PROVIDER, raw, self.read(raw, fetched_at), fetched_at)

    def read(self, raw: dict[str, Any], fetched_at: datetime) -> list[EnrichmentFact]:
        return facts_from_report(raw)
