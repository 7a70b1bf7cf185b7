"""Everything extraction finds in one page, as plain data: a pure function over the HTML
(no network, no database), used by the crawler, the benchmarks and anyone with a page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from leadwise.core.clock import utcnow
from leadwise.crawling.company import CompanyHints, company_hints
from leadwise.crawling.contacts import (
    FoundAddress,
    FoundPhone,
    FoundProfile,
    find_addresses,
    find_phones,
    find_profiles,
)
from leadwise.crawling.emails import FoundEmail, find_emails
from leadwise.crawling.people import FoundPerson, find_people
from leadwise.crawling.structured import read_structured
from leadwise.crawling.technologies import FoundTechnology, find_technologies
from leadwise.crawling.urls import country_of_domain, host_of, site_of

_NOT_TEXT = ["script", "style", "noscript", "template", "svg", "iframe"]


@dataclass
class PageFacts:
    url: str
    fetched_at: datetime
    company: CompanyHints
    emails: list[FoundEmail] = field(default_factory=list)
    phones: list[FoundPhone] = field(default_factory=list)
    profiles: list[FoundProfile] = field(default_factory=list)
    addresses: list[FoundAddress] = field(default_factory=list)
    people: list[FoundPerson] = field(default_factory=list)
    technologies: list[FoundTechnology] = field(default_factory=list)
    malformed_jsonld: int = 0


def extract_page(
    html: str,
    url: str,
    *,
    headers: dict[str, str] | None = None,
    cookies: list[str] | None = None,
    region: str | None = None,
    fetched_at: datetime | None = None,
    tree: LexborHTMLParser | None = None,
) -> PageFacts:
    """The facts of one page. `region` (ISO country) reads national phone numbers; without
    it the page's own country (address, language) or the domain's country-code TLD is used.
    A given `tree` is changed (scripts and styles are removed from it)."""
    tree = tree if tree is not None else LexborHTMLParser(html)
    structured = read_structured(tree, html, url)
    generator = structured.meta.get("generator")
    technologies = find_technologies(tree, html, headers or {}, cookies or [], generator)
    tree.strip_tags(_NOT_TEXT)
    body = tree.body
    text = body.text(deep=True, separator="\n") if body is not None else ""
    host = host_of(url)
    site_label = site_of(host).split(".")[0]
    company = company_hints(tree, text, structured, url, site_label)
    phone_region = region or company.country or country_of_domain(host)
    return PageFacts(
        url=url,
        fetched_at=fetched_at or utcnow(),
        company=company,
        emails=find_emails(tree, text),
        phones=find_phones(tree, text, phone_region, structured),
        profiles=find_profiles(tree, structured),
        addresses=find_addresses(tree, structured),
        people=find_people(tree, text, structured),
        technologies=technologies,
        malformed_jsonld=structured.malformed_blocks,
    )
