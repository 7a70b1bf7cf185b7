"""What extraction finds, with where it was found.

Every fact carries its provenance: the pages it was seen on with the method that found it,
and when it was first and last seen. Extraction of one page yields `Found` items (one source);
`Fact.merge` folds the same value seen on several pages (or crawls) into one fact.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


class Method:
    """How a fact was extracted (a stable vocabulary for `source.method`)."""

    JSON_LD = "json-ld"
    MICRODATA = "microdata"
    OPENGRAPH = "opengraph"
    META = "meta"
    TITLE = "title"
    MAILTO = "mailto"
    TEL = "tel"
    TEXT = "text"
    OBFUSCATED = "obfuscated"
    CLOUDFLARE = "cloudflare"
    LINK = "link"
    ADDRESS_TAG = "address-tag"
    CARD = "card"
    HEADING = "heading"
    LABEL = "label"  # "Geschäftsführer: Max Muster"
    HEADER = "header"
    SCRIPT = "script"
    COOKIE = "cookie"
    HTML = "html"
    HTML_LANG = "html-lang"
    PATTERN = "pattern"


@dataclass(frozen=True, slots=True)
class Source:
    url: str
    method: str

    def as_dict(self) -> dict[str, str]:
        return {"url": self.url, "method": self.method}


@dataclass(slots=True)
class Fact:
    """A value with every place it was seen."""

    value: Any
    sources: list[Source] = field(default_factory=list)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # kind, label, ...

    def seen(self, source: Source, at: datetime) -> None:
        if source not in self.sources:
            self.sources.append(source)
        if self.first_seen is None or at < self.first_seen:
            self.first_seen = at
        if self.last_seen is None or at > self.last_seen:
            self.last_seen = at

    def merge(self, other: Fact) -> None:
        for source in other.sources:
            if source not in self.sources:
                self.sources.append(source)
        for at in (other.first_seen, other.last_seen):
            if at is not None:
                self.first_seen = at if self.first_seen is None else min(self.first_seen, at)
                self.last_seen = at if self.last_seen is None else max(self.last_seen, at)
        for key, value in other.extra.items():
            self.extra.setdefault(key, value)

    def as_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            **self.extra,
            "sources": [source.as_dict() for source in self.sources],
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
        }


class FactSet:
    """Facts keyed by a normalised value, merged as they arrive."""

    def __init__(self) -> None:
        self._facts: dict[Any, Fact] = {}

    def add(self, key: Any, value: Any, source: Source, at: datetime, **extra: Any) -> Fact:
        fact = self._facts.get(key)
        if fact is None:
            fact = self._facts[key] = Fact(value, extra=dict(extra))
        else:
            for name, item in extra.items():
                fact.extra.setdefault(name, item)
        fact.seen(source, at)
        return fact

    def get(self, key: Any) -> Fact | None:
        return self._facts.get(key)

    def __iter__(self) -> Iterator[Fact]:
        return iter(self._facts.values())

    def __len__(self) -> int:
        return len(self._facts)

    def as_list(self) -> list[dict[str, Any]]:
        return [fact.as_dict() for fact in self._facts.values()]
