"""Phone numbers, social profiles and postal addresses in a page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import phonenumbers
from selectolax.lexbor import LexborHTMLParser, LexborNode

from leadwise.crawling.facts import Method
from leadwise.crawling.structured import StructuredData, all_values, text_value

# Something that may be a phone number: digits with the usual separators, at least 6 digits.
_PHONE_CANDIDATE = re.compile(r"(?<![\w/.])(?:\+|00|\()?\d[\d\s().\-/\u00a0\u2011]{4,22}\d(?!\w)")
# Runs of at least six digits with the separators above: where candidates can be. Scanning for
# these first (the pattern starts with a digit, so the engine skips ahead) instead of trying
# the candidate pattern, with its lookbehind, at every position of 100 KB of text costs a
# fifth as much.
_DIGIT_RUN = re.compile(r"\d(?:[\s().\-/\u00a0\u2011]*\d){5,}")
_FAX_LABEL = re.compile(r"(fax|telefax|télécopie)\W{0,3}$", re.I)
_YEAR_LED = re.compile(r"^(19|20)\d\d\s?[-/.]")
_DATE_LIKE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
MAX_PHONE_CANDIDATES = 200


@dataclass(frozen=True, slots=True)
class FoundPhone:
    number: str  # E.164
    display: str  # international format
    kind: str  # phone or fax
    method: str
    node: LexborNode | None = None


def find_phones(
    tree: LexborHTMLParser, text: str, region: str | None, structured: StructuredData
) -> list[FoundPhone]:
    """tel: links, JSON-LD `telephone`/`faxNumber`, then numbers in the text that
    phonenumbers finds valid for the site's region (or written with a +country code)."""
    found: dict[str, FoundPhone] = {}

    def add(raw: str, method: str, kind: str = "phone", node: LexborNode | None = None) -> None:
        parsed = parse_phone(raw, region)
        if parsed is not None and parsed[0] not in found:
            found[parsed[0]] = FoundPhone(parsed[0], parsed[1], kind, method, node)

    for node in tree.css('a[href^="tel:"], a[href^="TEL:"], a[href^="callto:"]'):
        href = unquote(node.attributes.get("href") or "")
        add(href.split(":", 1)[1], Method.TEL, node=node)
    for item in structured.nodes:
        for key, kind in (("telephone", "phone"), ("faxNumber", "fax")):
            for value in all_values(item.data.get(key)):
                number = text_value(value)
                if number:
                    add(number, item.method, kind)
    for count, match in enumerate(_phone_candidates(text)):
        if count >= MAX_PHONE_CANDIDATES:
            break
        raw = match.group(0).strip()
        digits = sum(ch.isdigit() for ch in raw)
        if digits < 6 or digits > 15 or _DATE_LIKE.match(raw):
            continue
        if not _dialable(raw, region):
            continue
        before = text[max(0, match.start() - 12) : match.start()]
        kind = "fax" if _FAX_LABEL.search(before) else "phone"
        add(raw, Method.TEXT, kind)
    return list(found.values())


def _phone_candidates(text: str) -> Iterator[re.Match[str]]:
    """_PHONE_CANDIDATE's matches with six digits or more, looked for only in the digit runs:
    from the character before a run (a "+" or "(") to the one after it (which the lookahead
    must see)."""
    scanned = 0
    for run in _DIGIT_RUN.finditer(text):
        start, end = max(scanned, run.start() - 1), min(run.end() + 1, len(text))
        yield from _PHONE_CANDIDATE.finditer(text, start, end)
        scanned = end


def _dialable(raw: str, region: str | None) -> bool:
    """Text that is written the way phone numbers are: international (+, 00), or national
    with the region's trunk prefix (030 ... in Germany); not a year-led reference (2024-0815)."""
    if raw.startswith(("+", "00")):
        return True
    if _YEAR_LED.match(raw) or region is None:
        return False
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is None or metadata.country_code == 1:  # NANP: (415) 867-5309
        return True
    prefix = metadata.national_prefix
    return not prefix or raw.lstrip("(").startswith(prefix)


def parse_phone(raw: str, region: str | None) -> tuple[str, str] | None:
    """(E.164, international display) for a valid number, else None."""
    text = raw.strip().replace("\u00a0", " ").replace("\u2011", "-")
    if text.startswith("00"):
        text = "+" + text[2:]
    # "+49 (0) 30 1234" : the trunk zero in brackets is not dialled from abroad.
    text = re.sub(r"^(\+\d{1,3})\s*\(0\)\s*", r"\1 ", text)
    if not text.startswith("+") and region is None:
        return None
    try:
        number = phonenumbers.parse(text, None if text.startswith("+") else region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return (
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
    )


# --- social profiles -----------------------------------------------------------------------

# network -> (hosts, path patterns of a profile; the first group is the handle)
_SOCIAL: dict[str, tuple[tuple[str, ...], tuple[re.Pattern[str], ...]]] = {
    "linkedin": (
        ("linkedin.com",),
        (re.compile(r"^/(company|school|showcase)/([^/?#]+)"), re.compile(r"^/(in|pub)/([^/?#]+)")),
    ),
    "twitter": (
        ("twitter.com", "x.com"),
        (re.compile(r"^/()(?!(?:share|intent|home|search|hashtag|i|login|signup)(?:/|$))"
                    r"([A-Za-z0-9_]{1,15})/?$"),),
    ),
    "facebook": (
        ("facebook.com", "fb.com"),
        (re.compile(r"^/()(?!(?:sharer|share|dialog|plugins|tr|login|events|groups|hashtag)"
                    r"(?:\.php|/|$))([A-Za-z0-9.\-]{3,})/?$"),),
    ),
    "instagram": (
        ("instagram.com",),
        (re.compile(r"^/()(?!(?:p|explore|reel|stories|accounts)(?:/|$))([A-Za-z0-9_.]{2,30})/?$"),),
    ),
    "youtube": (
        ("youtube.com",),
        (re.compile(r"^/(channel|c|user)/([^/?#]+)"), re.compile(r"^/()(@[^/?#]+)")),
    ),
    "github": (
        ("github.com",),
        (re.compile(r"^/()(?!(?:features|about|pricing|login|sponsors|orgs|topics)(?:/|$))"
                    r"([A-Za-z0-9\-]{1,39})/?$"),),
    ),
    "xing": (
        ("xing.com",),
        (
            re.compile(r"^/(pages|companies|company)/([^/?#]+)"),
            re.compile(r"^/(profile)/([^/?#]+)"),
        ),
    ),
    "tiktok": (("tiktok.com",), (re.compile(r"^/()(@[^/?#]+)"),)),
    "pinterest": (("pinterest.com",), (re.compile(r"^/()([A-Za-z0-9_]{3,30})/?$"),)),
    "mastodon": ((), (re.compile(r"^/()(@[A-Za-z0-9_]+)/?$"),)),
}  # fmt: skip
_PERSONAL_KINDS = {"in", "pub", "profile"}


@dataclass(frozen=True, slots=True)
class FoundProfile:
    network: str
    url: str  # normalised: https, no query, no trailing slash
    handle: str
    personal: bool  # a person's profile (LinkedIn /in/, XING /profile/), not the company's
    method: str
    node: LexborNode | None = None


def social_profile(href: str, method: str = Method.LINK) -> FoundProfile | None:
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    host = re.sub(r"^[a-z]{2}\.(?=linkedin\.com$)", "", host)  # de.linkedin.com
    for network, (hosts, patterns) in _SOCIAL.items():
        if hosts and host not in hosts:
            continue
        if not hosts and not host.startswith(("mastodon.", "social.", "fosstodon.")):
            continue
        for pattern in patterns:
            match = pattern.match(parts.path)
            if match:
                kind, handle = match.group(1), unquote(match.group(2))
                path = match.group(0).rstrip("/")
                url = f"https://{'www.' if network in ('linkedin', 'facebook') else ''}{host}{path}"
                return FoundProfile(network, url, handle, kind in _PERSONAL_KINDS, method)
    return None


def find_profiles(tree: LexborHTMLParser, structured: StructuredData) -> list[FoundProfile]:
    found: dict[str, FoundProfile] = {}
    for node in tree.css("a[href]"):
        href = node.attributes.get("href") or ""
        if "." not in href or not href.startswith("http"):
            continue
        profile = social_profile(href)
        if profile is not None and profile.url.lower() not in found:
            found[profile.url.lower()] = FoundProfile(
                profile.network, profile.url, profile.handle, profile.personal, Method.LINK, node
            )
    for item in structured.of_type("Organization", "Corporation", "LocalBusiness", "WebSite"):
        for value in all_values(item.data.get("sameAs")):
            if isinstance(value, str):
                profile = social_profile(value, item.method)
                if profile is not None and profile.url.lower() not in found:
                    found[profile.url.lower()] = profile
    return list(found.values())


# --- postal addresses ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FoundAddress:
    street: str | None
    postal_code: str | None
    locality: str | None
    region: str | None
    country: str | None
    text: str  # one line, as shown
    method: str

    @property
    def key(self) -> str:
        return re.sub(r"\W+", "", self.text.lower())


ADDRESS_TYPES = ("PostalAddress",)
_POSTCODE_CITY = re.compile(
    r"\b(?:[A-Z]{1,2}-)?(\d{4,5}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})"
    r"\s+([A-ZÄÖÜ][\wäöüßéèàç.\- ]{1,40})"
)


def find_addresses(tree: LexborHTMLParser, structured: StructuredData) -> list[FoundAddress]:
    found: dict[str, FoundAddress] = {}
    for item in structured.of_type(*ADDRESS_TYPES):
        data = item.data
        country = data.get("addressCountry")
        parts = {
            "street": text_value(data.get("streetAddress")),
            "postal_code": text_value(data.get("postalCode")),
            "locality": text_value(data.get("addressLocality")),
            "region": text_value(data.get("addressRegion")),
            "country": text_value(country),
        }
        line = ", ".join(
            p for p in (parts["street"],
                        " ".join(x for x in (parts["postal_code"], parts["locality"]) if x),
                        parts["region"], parts["country"]) if p
        )  # fmt: skip
        if line:
            address = FoundAddress(text=line, method=item.method, **parts)
            found.setdefault(address.key, address)
    for node in tree.css("address"):
        text = node.text(deep=True, separator=", ", strip=True)
        line = _tidy_address(text)
        if not line or not _POSTCODE_CITY.search(line):
            continue
        match = _POSTCODE_CITY.search(line)
        assert match is not None
        street = line[: match.start()].strip(" ,") or None
        if street and "," in street:
            street = street.rsplit(",", 1)[-1].strip() or None
        address = FoundAddress(
            street, match.group(1), match.group(2).strip(" ,"), None, None, line, Method.ADDRESS_TAG
        )
        found.setdefault(address.key, address)
    return list(found.values())


_NOT_ADDRESS_PART = re.compile(r"\d{6,}|\b(tel|telefon|phone|fax|e-?mail)\b", re.I)


def _tidy_address(text: str) -> str:
    parts = [" ".join(p.split()) for p in text.split(",")]
    parts = [p for p in parts if p and "@" not in p and not _NOT_ADDRESS_PART.search(p)]
    return ", ".join(parts)[:300]
