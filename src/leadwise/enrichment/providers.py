"""What an enrichment provider is: something that, given a company's domain, fetches raw data
(a crawl, DNS records, later a paid API's answer) and reads facts from it, each with its
provenance. Raw data and facts are kept apart so a cached answer can be read again without
asking the source again."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class EnrichmentTarget:
    domain: str  # registrable domain, lower-case
    website: str | None = None  # where to start a crawl, when known


@dataclass(slots=True)
class EnrichmentFact:
    """One value for one field, with where it came from."""

    field: str  # "description", "email_provider", "technologies", ...
    value: Any
    provider: str  # "website", "dns"
    source: str  # a page URL, or "dns:acme.com/MX"
    method: str  # "json-ld", "mx", "spf", ...
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)

    def provenance(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "provider": self.provider,
            "source": self.source,
            "method": self.method,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            **self.extra,
        }


@dataclass(slots=True)
class EnrichmentResult:
    provider: str
    raw: dict[str, Any]  # what is stored (and cached) as scraped data
    facts: list[EnrichmentFact]
    fetched_at: datetime


class EnrichmentProvider(Protocol):
    """A source of company facts. Adapters for paid APIs implement the same two methods."""

    name: str

    async def enrich(self, target: EnrichmentTarget) -> EnrichmentResult:
        """Ask the source now (raises EnrichmentFailed when it cannot answer at all)."""
        ...

    def read(self, raw: dict[str, Any], fetched_at: datetime) -> list[EnrichmentFact]:
        """The facts of an answer fetched earlier (a cached one)."""
        ...


class EnrichmentFailed(Exception):
    """The source gave no usable answer (the site could not be fetched, DNS failed)."""
