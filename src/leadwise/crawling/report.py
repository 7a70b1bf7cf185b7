"""A site's report: the facts of every page merged (each with its sources and first/last
seen), the company's best values, the people with their emails, the domain's email pattern
and the generated addresses, and the crawl's statistics. `crawl_site` is the whole run."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from leadwise.config import CrawlSettings
from leadwise.crawling.company import Candidate
from leadwise.crawling.crawler import Crawler, CrawlOptions, CrawlStats, Page
from leadwise.crawling.emails import clean_email, is_role_address
from leadwise.crawling.extract import PageFacts, extract_page
from leadwise.crawling.facts import Fact, FactSet, Source
from leadwise.crawling.finder import (
    FoundAddress,
    PatternGuess,
    Verifies,
    find_addresses,
    infer_pattern,
    matching_patterns,
)
from leadwise.crawling.guard import Resolver
from leadwise.crawling.render import BrowserPool
from leadwise.crawling.urls import (
    country_of_domain,
    host_of,
    is_ip_address,
    site_of,
    start_url,
)

COMPANY_FIELDS = ("name", "legal_name", "description", "logo", "founding_year")


@dataclass
class PersonRecord:
    fact: Fact  # value: the name; sources: where the person was seen
    first: str
    last: str
    title: str | None = None
    emails: list[str] = field(default_factory=list)
    profiles: list[str] = field(default_factory=list)
    generated: FoundAddress | None = None

    def as_dict(self) -> dict[str, Any]:
        found = self.generated
        return {
            "name": self.fact.value,
            "first_name": self.first,
            "last_name": self.last,
            "title": self.title,
            "emails": self.emails,
            "profiles": self.profiles,
            "generated_email": None
            if found is None
            else {
                "email": found.email,
                "pattern": found.pattern,
                "status": found.status,
                "note": found.note,
                "tried": found.tried,
            },
            "sources": [source.as_dict() for source in self.fact.sources],
            "first_seen": self.fact.first_seen.isoformat() if self.fact.first_seen else None,
            "last_seen": self.fact.last_seen.isoformat() if self.fact.last_seen else None,
        }


class SiteReport:
    def __init__(self, site: str) -> None:
        self.site = site
        self.company_candidates: dict[str, FactSet] = {name: FactSet() for name in COMPANY_FIELDS}
        self._weights: dict[tuple[str, str], int] = {}
        self.industries = FactSet()
        self.languages = FactSet()
        self.emails = FactSet()
        self.phones = FactSet()
        self.profiles = FactSet()
        self.addresses = FactSet()
        self.technologies = FactSet()
        self.people: dict[str, PersonRecord] = {}
        self.pattern = PatternGuess(None, 0.0, 0, 0)
        self.country: str | None = country_of_domain(site)
        self.pages: list[str] = []
        self.malformed_jsonld = 0
        self.stats: CrawlStats | None = None

    # --- folding pages in ---------------------------------------------------------------------

    def add(self, facts: PageFacts) -> None:
        url, at = facts.url, facts.fetched_at
        self.pages.append(url)
        self.malformed_jsonld += facts.malformed_jsonld
        hints = facts.company
        if self.country is None and hints.country:
            self.country = hints.country
        for name, candidates in (
            ("name", hints.names),
            ("legal_name", hints.legal_names),
            ("description", hints.descriptions),
            ("logo", hints.logos),
            ("founding_year", hints.founding_years),
        ):
            for candidate in candidates:
                self._candidate(name, candidate, url, at)
        for candidate in hints.industries:
            self.industries.add(candidate.value.lower(), candidate.value,
                                Source(url, candidate.method), at)  # fmt: skip
        for candidate in hints.languages:
            self.languages.add(candidate.value, candidate.value, Source(url, candidate.method), at)
        for email in facts.emails:
            domain = email.address.rpartition("@")[2].lower()
            self.emails.add(
                email.address.lower(),
                email.address,
                Source(url, email.method),
                at,
                kind="role" if email.is_role else "personal",
                on_site_domain=site_of(domain) == self.site,
            )
        for phone in facts.phones:
            self.phones.add(phone.number, phone.number, Source(url, phone.method), at,
                            display=phone.display, kind=phone.kind)  # fmt: skip
        for profile in facts.profiles:
            if not profile.personal:
                self.profiles.add(profile.url.lower(), profile.url, Source(url, profile.method),
                                  at, network=profile.network, handle=profile.handle)  # fmt: skip
        for address in facts.addresses:
            key = _address_key(address.postal_code, address.street) or address.key
            self.addresses.add(key, address.text, Source(url, address.method), at,
                               street=address.street, postal_code=address.postal_code,
                               locality=address.locality, region=address.region,
                               country=address.country)  # fmt: skip
        for tech in facts.technologies:
            self.technologies.add(tech.name, tech.name, Source(url, tech.method), at,
                                  category=tech.category, evidence=tech.evidence)  # fmt: skip
        for person in facts.people:
            record = self.people.get(person.key)
            if record is None:
                record = self.people[person.key] = PersonRecord(
                    Fact(person.name), person.first, person.last
                )
            record.fact.seen(Source(url, person.method), at)
            record.title = record.title or person.title
            for person_email in person.emails:
                person_address = clean_email(person_email)
                if person_address is None:
                    continue
                if person_address.lower() not in (e.lower() for e in record.emails):
                    record.emails.append(person_address)
                if self.emails.get(person_address.lower()) is None:  # a JSON-LD Person's email
                    domain = person_address.rpartition("@")[2].lower()
                    self.emails.add(
                        person_address.lower(),
                        person_address,
                        Source(url, person.method),
                        at,
                        kind="role" if is_role_address(person_address) else "personal",
                        on_site_domain=site_of(domain) == self.site,
                    )
            for profile_url in person.profiles:
                if profile_url not in record.profiles:
                    record.profiles.append(profile_url)

    def _candidate(self, field_name: str, candidate: Candidate, url: str, at: Any) -> None:
        key = candidate.value.strip().lower()
        self.company_candidates[field_name].add(key, candidate.value.strip(),
                                                Source(url, candidate.method), at)  # fmt: skip
        weight_key = (field_name, key)
        self._weights[weight_key] = self._weights.get(weight_key, 0) + candidate.weight

    # --- conclusions --------------------------------------------------------------------------

    def best(self, field_name: str) -> Fact | None:
        """The value with the most weight over all pages (a JSON-LD name on one page beats a
        title on three; the same name on many pages adds up)."""
        facts = list(self.company_candidates[field_name])
        if not facts:
            return None
        return max(facts, key=lambda f: self._weights[(field_name, str(f.value).lower())])

    def attach_emails(self) -> None:
        """Personal addresses on the site's domain that no card tied to a person: given to the
        person whose name they spell (a pattern), when exactly one does."""
        attached = {e.lower() for record in self.people.values() for e in record.emails}
        for fact in self.emails:
            address = str(fact.value)
            if address.lower() in attached or fact.extra.get("kind") != "personal":
                continue
            if not fact.extra.get("on_site_domain"):
                continue
            local = address.rpartition("@")[0]
            owners = [r for r in self.people.values() if matching_patterns(local, r.first, r.last)]
            if len(owners) == 1:
                owners[0].emails.append(address)
                fact.extra["person"] = owners[0].fact.value

    def infer_pattern(self) -> PatternGuess:
        pairs = []
        for record in self.people.values():
            for email in record.emails:
                local, _, domain = email.rpartition("@")
                if site_of(domain.lower()) == self.site:
                    pairs.append((local, record.first, record.last))
        self.pattern = infer_pattern(pairs)
        return self.pattern

    def email_domain(self) -> str:
        """Where the site's people get mail: the domain most of its own addresses use."""
        domains: dict[str, int] = {}
        for fact in self.emails:
            if fact.extra.get("on_site_domain"):
                domain = str(fact.value).rpartition("@")[2].lower()
                domains[domain] = domains.get(domain, 0) + 1
        return max(domains, key=lambda d: domains[d]) if domains else self.site

    def as_dict(self) -> dict[str, Any]:
        company: dict[str, Any] = {}
        for field_name in COMPANY_FIELDS:
            fact = self.best(field_name)
            company[field_name] = None if fact is None else fact.as_dict()
        company["domain"] = self.site
        company["country"] = self.country
        company["industries"] = self.industries.as_list()
        company["languages"] = self.languages.as_list()
        company["addresses"] = self.addresses.as_list()
        company["phones"] = self.phones.as_list()
        company["social_profiles"] = self.profiles.as_list()
        company["technologies"] = self.technologies.as_list()
        return {
            "site": self.site,
            "company": company,
            "people": [record.as_dict() for record in self.people.values()],
            "emails": self.emails.as_list(),
            "email_pattern": {**self.pattern.as_dict(), "domain": self.email_domain()},
            "stats": {
                **(self.stats.as_dict() if self.stats else {}),
                "malformed_jsonld_blocks": self.malformed_jsonld,
            },
        }


def options_from_settings(settings: CrawlSettings, **overrides: Any) -> CrawlOptions:
    values = settings.model_dump()
    values["allowed_networks"] = tuple(values["allowed_networks"])
    values["dns_servers"] = tuple(values["dns_servers"])
    values.update({key: value for key, value in overrides.items() if value is not None})
    return CrawlOptions(**values)


async def crawl_site(
    target: str,
    options: CrawlOptions,
    *,
    resolver: Resolver | None = None,
    verifier: Verifies | None = None,
    find_emails: bool = True,
    smtp: bool | None = None,
    on_progress: Callable[[int], Awaitable[None]] | None = None,
    browsers: BrowserPool | None = None,
) -> SiteReport:
    """Crawl a site, extract every page, find people's addresses. `target` is a domain or a
    URL (raises urls.BadUrl). Without a verifier, generated addresses are `unverified`.
    `on_progress` hears the number of pages fetched after each page (a job records it).
    `browsers`: a pool to render in that outlives this crawl (see Crawler)."""
    url = start_url(target)
    report = SiteReport(site_of(host_of(url)))
    crawler = Crawler(options, resolver=resolver, browsers=browsers)

    async def on_page(page: Page) -> None:
        report.site = crawler.current_site
        facts = extract_page(
            page.html,
            page.url,
            headers=page.headers,
            cookies=page.cookies,
            region=report.country,
            fetched_at=page.fetched_at,
            tree=page.tree,
        )
        report.add(facts)
        if on_progress is not None:
            await on_progress(crawler.stats.pages_fetched)

    result = await crawler.crawl(url, on_page)
    report.site = result.site
    report.stats = result.stats
    report.attach_emails()
    guess = report.infer_pattern()
    domain = report.email_domain()
    # A site reached by its IP address has no mail domain to make addresses on.
    if find_emails and not is_ip_address(domain):
        wanted = [
            (key, record.first, record.last)
            for key, record in report.people.items()
            if record.last
            and not any(site_of(e.rpartition("@")[2].lower()) == report.site for e in record.emails)
        ]
        if wanted:
            found = await find_addresses(wanted, guess, domain, verifier, smtp=smtp)
            for key, address in found.items():
                report.people[key].generated = address
    return report


def _address_key(postal_code: str | None, street: str | None) -> str | None:
    if not postal_code or not street:
        return None
    compact = re.sub(r"\W+", "", street.lower()).replace("strasse", "str").replace("straße", "str")
    return f"{postal_code}:{compact}"
