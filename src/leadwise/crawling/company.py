"""Company facts in a page: name, legal name, description, logo, founding year, industry hints
and languages, each with how it was found and a weight for choosing among pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from leadwise.core.clock import utcnow
from leadwise.crawling.facts import Method
from leadwise.crawling.structured import Node, StructuredData, all_values, text_value

GENERIC_ORG_TYPES = frozenset({"Organization", "Corporation", "LocalBusiness", "OnlineBusiness"})
ORG_TYPE_ENDINGS = ("Organization", "Business", "Service", "Store", "Agency", "Corporation")
_TITLE_SPLIT = re.compile(r"\s+[|\u2013\u2014\-:\u00b7\u00bb/]\s+")
_FOUNDED = re.compile(
    r"(?:founded|established|since|est\.|gegründet|seit|fondée? en|fundad[ao] en|fondata nel|"
    r"opgericht in|grundad)\s*(?:in\s+)?((?:18|19|20)\d\d)\b",
    re.I,
)
# A year 1800-2099 as a whole word. The word boundary is checked after the first two digits:
# a pattern that starts with them lets the engine skip ahead to where a year can begin.
_YEAR = re.compile(r"(?:1[89]|20)(?<!\w1[89])(?<!\w20)\d\d\b")
LANGUAGE_REGIONS = {
    "de": "DE", "fr": "FR", "it": "IT", "es": "ES", "nl": "NL", "pl": "PL", "sv": "SE",
    "da": "DK", "fi": "FI", "nb": "NO", "no": "NO", "pt": "PT", "cs": "CZ", "ja": "JP",
    "hu": "HU", "ro": "RO", "el": "GR", "tr": "TR", "ko": "KR", "zh": "CN",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Candidate:
    value: str
    method: str
    weight: int


@dataclass
class CompanyHints:
    names: list[Candidate]
    legal_names: list[Candidate]
    descriptions: list[Candidate]
    logos: list[Candidate]
    founding_years: list[Candidate]
    industries: list[Candidate]
    languages: list[Candidate]
    country: str | None  # from an address or the page's language region


def is_organization(node: Node) -> bool:
    return any(t in GENERIC_ORG_TYPES or t.endswith(ORG_TYPE_ENDINGS) for t in node.types)


def company_hints(
    tree: LexborHTMLParser, text: str, structured: StructuredData, url: str, site_label: str
) -> CompanyHints:
    hints = CompanyHints([], [], [], [], [], [], [], None)
    meta = structured.meta
    for node in structured.nodes:
        if not is_organization(node):
            continue
        data = node.data
        for key, bucket in (("name", hints.names), ("legalName", hints.legal_names)):
            value = text_value(data.get(key))
            if value:
                bucket.append(Candidate(value, node.method, 100))
        description = text_value(data.get("description"))
        if description:
            hints.descriptions.append(Candidate(description[:1000], node.method, 100))
        logo = text_value(data.get("logo")) or text_value(data.get("image"))
        if logo:
            hints.logos.append(Candidate(urljoin(url, logo), node.method, 100))
        founded = text_value(data.get("foundingDate"))
        if founded and re.match(r"(18|19|20)\d\d", founded):
            hints.founding_years.append(Candidate(founded[:4], node.method, 100))
        for kind in node.types - GENERIC_ORG_TYPES:
            hints.industries.append(Candidate(_words(kind), node.method, 80))
        for key in ("knowsAbout", "naics", "isicV4", "industry"):
            for value in all_values(data.get(key))[:10]:
                item = text_value(value)
                if item:
                    hints.industries.append(Candidate(item, node.method, 60))
        address = data.get("address")
        if isinstance(address, dict):
            country = text_value(address.get("addressCountry"))
            if country and len(country) == 2 and country.isalpha():
                hints.country = country.upper()
    if meta.get("og:site_name"):
        hints.names.append(Candidate(meta["og:site_name"], Method.OPENGRAPH, 80))
    if meta.get("application-name"):
        hints.names.append(Candidate(meta["application-name"], Method.META, 60))
    title = _title(tree)
    if title:
        best = _title_name(title, site_label)
        if best:
            hints.names.append(Candidate(best, Method.TITLE, 30))
    for key, weight, method in (
        ("og:description", 60, Method.OPENGRAPH),
        ("description", 50, Method.META),
    ):
        if meta.get(key):
            hints.descriptions.append(Candidate(meta[key][:1000], method, weight))
    for link in tree.css('link[rel~="apple-touch-icon"][href], link[rel~="icon"][href]')[:2]:
        icon = urljoin(url, link.attributes.get("href") or "")
        hints.logos.append(Candidate(icon, Method.LINK, 10))
    for image in tree.css('img[src*="logo"], img[alt*="logo" i], img[class*="logo"]')[:1]:
        src = image.attributes.get("src") or ""
        if src and not src.startswith("data:"):
            hints.logos.append(Candidate(urljoin(url, src), Method.HTML, 50))
    year = _founding_year(text)
    if year is not None:
        hints.founding_years.append(Candidate(year, Method.TEXT, 40))
    html_node = tree.css_first("html")
    lang = (html_node.attributes.get("lang") or "") if html_node is not None else ""
    if lang:
        hints.languages.append(Candidate(lang.split("-")[0].lower()[:3], Method.HTML_LANG, 100))
        if hints.country is None:
            region = lang.replace("_", "-").split("-")
            if len(region) > 1 and len(region[1]) == 2 and region[1].isalpha():
                hints.country = region[1].upper()
            else:
                hints.country = LANGUAGE_REGIONS.get(region[0].lower())
    for link in tree.css('link[rel="alternate"][hreflang]'):
        code = (link.attributes.get("hreflang") or "").split("-")[0].lower()
        if code and code != "x":
            hints.languages.append(Candidate(code[:3], Method.LINK, 50))
    return hints


def _founding_year(text: str) -> str | None:
    """ "Founded in 2009", "seit 1998": the words are looked for only before a year, since
    the keyword alternation over a whole page costs more than finding its years."""
    for year in _YEAR.finditer(text):
        before = text[max(0, year.start() - 24) : year.end()]
        match = _FOUNDED.search(before)
        if match and int(match.group(1)) <= utcnow().year:
            return match.group(1)
    return None


def _title(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("title")
    if node is None:
        return None
    text = " ".join(node.text().split())
    return text or None


def _title_name(title: str, site_label: str) -> str | None:
    """The part of a title that names the company: the one that resembles the domain, else
    the last part of `Page | Company`."""
    parts = [p.strip() for p in _TITLE_SPLIT.split(title) if p.strip()]
    if not parts:
        return None
    label = re.sub(r"[^a-z0-9]", "", site_label.lower())
    for part in parts:
        compact = re.sub(r"[^a-z0-9]", "", part.lower())
        if label and compact and (label in compact or compact in label) and len(part) <= 80:
            return part
    if len(parts) > 1 and len(parts[-1]) <= 60:
        return parts[-1]
    return None


def _words(camel: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", camel)
