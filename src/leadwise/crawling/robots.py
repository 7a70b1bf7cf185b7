"""robots.txt (protego, as Scrapy uses it) and sitemaps (urlset and sitemap index, gzipped too).

robots.txt answers: 2xx -> its rules; 4xx -> no rules (as search engines read it); 5xx or
unreachable -> nothing may be fetched from that origin, since the site may be in trouble.
"""

from __future__ import annotations

import html
import re
import zlib
from dataclasses import dataclass, field

from protego import Protego

MAX_ROBOTS_BYTES = 512 * 1024
MAX_SITEMAP_BYTES = 10 * 1024 * 1024
_LOC = re.compile(rb"<(?:\w+:)?loc>\s*(.*?)\s*</(?:\w+:)?loc>", re.S | re.I)
_INDEX = re.compile(rb"<(?:\w+:)?sitemapindex[\s>]", re.I)


@dataclass
class RobotsRules:
    """What one origin's robots.txt says for our user agent."""

    parser: Protego | None  # None: no rules
    allow_nothing: bool = False
    sitemaps: list[str] = field(default_factory=list)

    @classmethod
    def from_response(cls, status: int | None, text: str) -> RobotsRules:
        if status is None or status >= 500:
            return cls(None, allow_nothing=True)
        if status >= 400 or not text.strip():
            return cls(None)
        parser = Protego.parse(text)
        return cls(parser, sitemaps=list(parser.sitemaps))

    def allows(self, url: str, agent: str) -> bool:
        if self.allow_nothing:
            return False
        return self.parser is None or bool(self.parser.can_fetch(url, agent))

    def crawl_delay(self, agent: str) -> float:
        """Seconds between requests: Crawl-delay, or the interval a Request-rate implies."""
        if self.parser is None:
            return 0.0
        delay = self.parser.crawl_delay(agent) or 0.0
        rate = self.parser.request_rate(agent)
        if rate is not None and rate.requests:
            delay = max(delay, rate.seconds / rate.requests)
        return float(delay)


@dataclass
class Sitemap:
    pages: list[str]
    children: list[str]  # further sitemaps, when this one is an index


def parse_sitemap(body: bytes, *, limit: int) -> Sitemap:
    """The <loc> entries of a sitemap (gzip allowed); malformed XML still yields its locations."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = _gunzip(body, MAX_SITEMAP_BYTES)
        except (OSError, EOFError, zlib.error):
            return Sitemap([], [])
    locations = [
        html.unescape(match.group(1).decode("utf-8", "replace")).strip()
        for match in _LOC.finditer(body)
    ][:limit]
    if _INDEX.search(body[:2048]):
        return Sitemap([], locations)
    return Sitemap(locations, [])


def _gunzip(body: bytes, limit: int) -> bytes:
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    data = decompressor.decompress(body, limit)
    if decompressor.unconsumed_tail:
        raise OSError("the sitemap is too large once unpacked")
    return data
