"""Structured data in a page: JSON-LD (every block on its own, so one broken block does not
hide the others), microdata (only when the page has `itemscope`), OpenGraph and meta tags.

JSON-LD blocks are read by extruct's JSON-LD reader (strict JSON, then with comments and
trailing commas tolerated); what it refuses gets two more tries (HTML-escaped JSON, several
objects back to back) before the block is counted as malformed. Microdata goes through
extruct's uniform (JSON-LD-like) form. OpenGraph is read from the meta tags we already parsed:
running extruct's OpenGraph reader would parse every page a second time with lxml.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from extruct import extract as extruct_extract
from extruct.jsonld import JsonLdExtractor
from selectolax.lexbor import LexborHTMLParser

from leadwise.crawling.facts import Method

_JSONLD = JsonLdExtractor()
MAX_NODES = 2000


@dataclass
class Node:
    """One typed object (Organization, Person, PostalAddress, ...) and how it was found."""

    types: frozenset[str]  # short names: "Organization", not "http://schema.org/Organization"
    data: dict[str, Any]
    method: str


@dataclass
class StructuredData:
    nodes: list[Node] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # og:*, twitter:*, description, ...
    malformed_blocks: int = 0

    def of_type(self, *names: str) -> Iterator[Node]:
        wanted = set(names)
        return (node for node in self.nodes if node.types & wanted)


def read_structured(tree: LexborHTMLParser, raw_html: str, base_url: str) -> StructuredData:
    found = StructuredData()
    for script in tree.css('script[type="application/ld+json"]'):
        text = script.text(deep=True) or ""
        items = _jsonld_block(text)
        if items is None:
            found.malformed_blocks += 1
            continue
        for item in items:
            _collect(item, Method.JSON_LD, found.nodes)
    if "itemscope" in raw_html:
        try:
            microdata = extruct_extract(
                raw_html, base_url=base_url, syntaxes=["microdata"], uniform=True, errors="ignore"
            ).get("microdata", [])
        except Exception:  # a page extruct cannot read has no microdata for us
            microdata = []
        for item in microdata:
            _collect(item, Method.MICRODATA, found.nodes)
    for node in tree.css("meta[content]"):
        attributes = node.attributes
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        if key:
            key = key.strip().lower()
            content = (attributes.get("content") or "").strip()
            if content and key not in found.meta:
                found.meta[key] = content
    return found


def _jsonld_block(text: str) -> list[Any] | None:
    if not text.strip():
        return []
    try:
        return _read_block(text)
    except (ValueError, TypeError, RecursionError):
        pass
    unescaped = html.unescape(text)
    if unescaped != text:
        try:
            return _read_block(unescaped)
        except (ValueError, TypeError, RecursionError):
            pass
    return _concatenated(text.strip())


def _concatenated(text: str) -> list[Any] | None:
    """`{...}{...}` or `{...},{...}`: several objects where one was expected."""
    decoder = json.JSONDecoder(strict=False)
    items: list[Any] = []
    position = 0
    while position < len(text):
        try:
            item, position = decoder.raw_decode(text, position)
        except ValueError:
            return items or None
        items.append(item)
        while position < len(text) and text[position] in " \t\r\n,;":
            position += 1
    return items


def _read_block(text: str) -> list[Any]:
    # One block per call: extruct reads all blocks of a document or fails them all.
    items = _JSONLD.extract(f'<script type="application/ld+json">{text}</script>')
    return list(items)


def _collect(item: Any, method: str, nodes: list[Node], depth: int = 0) -> None:
    """Every typed object, nested ones (an Organization's address, a Person in `employee`)
    and `@graph` members included."""
    if depth > 8 or len(nodes) >= MAX_NODES:
        return
    if isinstance(item, list):
        for element in item:
            _collect(element, method, nodes, depth + 1)
        return
    if not isinstance(item, dict):
        return
    if "@graph" in item:
        _collect(item["@graph"], method, nodes, depth + 1)
    types = short_types(item.get("@type") or item.get("type"))
    if types:
        nodes.append(Node(types, item, method))
    for key, value in item.items():
        if key != "@graph" and isinstance(value, dict | list):
            _collect(value, method, nodes, depth + 1)


def short_types(value: Any) -> frozenset[str]:
    names = value if isinstance(value, list) else [value]
    return frozenset(
        str(name).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        for name in names
        if isinstance(name, str) and name
    )


def text_value(value: Any) -> str | None:
    """A property as one string: the first of a list, an object's `name`/`@value`/`url`."""
    if isinstance(value, list):
        for element in value:
            found = text_value(element)
            if found:
                return found
        return None
    if isinstance(value, dict):
        for key in ("name", "@value", "url", "@id"):
            if isinstance(value.get(key), str):
                return text_value(value[key])
        return None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = " ".join(html.unescape(str(value)).split())
        return text or None
    return None


def all_values(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
