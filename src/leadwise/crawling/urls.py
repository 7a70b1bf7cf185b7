"""URLs: canonical form, what is worth fetching, which pages carry contacts, what is one site.

A crawl stays on one site: the registrable domain of the start URL (``www.acme.com``,
``acme.com`` and ``jobs.acme.com`` are one site), or the exact host when it is an IP address.
tldextract reads its bundled public-suffix snapshot and never fetches one.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

import tldextract

_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

# Query parameters that identify a visit, not a page: dropped from every URL.
SESSION_PARAMS = frozenset(
    """
    sid sessionid session_id session phpsessid jsessionid aspsessionid cfid cftoken
    utm_source utm_medium utm_campaign utm_term utm_content utm_id gclid fbclid msclkid
    dclid yclid mc_cid mc_eid _hsenc _hsmi hsctatracking _ga _gl ref_src igshid wickedid
    """.split()  # noqa: SIM905 - a word list reads better than quoted strings
)
# Query parameters of faceted navigation, sorting, calendars and actions: such URLs are
# endless variations of a few pages.
FACET_PARAMS = frozenset(
    """
    sort sortby sort_by order orderby order_by dir filter filters facet color colour size
    price min_price max_price brand view display per_page limit add-to-cart add_to_cart
    replytocom share action do print format month year day week date calendar ical
    tribe-bar-date tribe_eventcategory outlook-ical
    """.split()  # noqa: SIM905
)
BINARY_EXTENSIONS = frozenset(
    """
    pdf doc docx xls xlsx ppt pptx odt ods odp rtf csv zip gz tgz bz2 xz 7z rar tar dmg exe
    msi apk iso bin jpg jpeg png gif webp svg bmp ico tif tiff heic avif mp3 wav ogg m4a
    flac mp4 m4v mov avi wmv webm mkv flv woff woff2 ttf otf eot css js mjs map json xml
    rss atom ics ical ifb vcs vcf txt eps psd ai swf
    """.split()  # noqa: SIM905
)
_CALENDAR_PATH = re.compile(
    r"/(calendar|kalender|agenda|calendrier|calendario|events?/(19|20)\d\d)(/|$)", re.I
)
_DATE_PATH = re.compile(r"/(19|20)\d\d[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(/|$)")
_PATH_SESSION = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.I)
MAX_URL_LENGTH = 500
MAX_PATH_SEGMENTS = 8
MAX_QUERY_PARAMS = 3

# Words in a URL path or link text that mark the pages carrying contacts, by weight.
_PRIORITY_WORDS: dict[int, tuple[str, ...]] = {
    100: (
        "contact", "kontakt", "contacto", "contato", "contatti", "contactez", "nous-contacter",
        "team", "equipe", "équipe", "equipo", "squadra", "teams", "people", "leadership",
        "management", "geschaeftsfuehrung", "geschäftsführung", "vorstand", "direction",
        "founders", "board", "our-team", "unser-team", "mitarbeiter", "staff", "personen",
        "imprint", "impressum", "mentions-legales", "aviso-legal", "note-legali", "colofon",
    ),
    80: (
        "about", "about-us", "ueber-uns", "uber-uns", "über-uns", "wir", "qui-sommes-nous",
        "a-propos", "à-propos", "chi-siamo", "quienes-somos", "sobre-nosotros", "sobre",
        "over-ons", "om-oss", "om-os", "company", "unternehmen", "entreprise", "empresa",
        "azienda", "bedrijf", "who-we-are", "firma",
    ),
    50: (
        "legal", "legal-notice", "rechtliches", "careers", "jobs", "karriere", "carrieres",
        "carrières", "empleo", "trabaja", "lavora-con-noi", "vacatures", "press", "presse",
        "prensa", "stampa", "pers", "media", "newsroom", "locations", "standorte", "offices",
    ),
}  # fmt: skip
_PRIORITY_BY_WORD = {word: weight for weight, words in _PRIORITY_WORDS.items() for word in words}
_WORD_SPLIT = re.compile(r"[/\-_.\s]+")


class BadUrl(ValueError):
    """Not a web address we can crawl; the message says why."""


def start_url(text: str) -> str:
    """`acme.com`, `https://acme.com/x` or `www.acme.com` -> an absolute http(s) URL."""
    value = text.strip()
    if not value:
        raise BadUrl("empty address")
    if "://" not in value:
        value = "https://" + value
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        raise BadUrl(f"{text!r}: only http and https addresses can be crawled")
    try:
        host = parts.hostname
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError as error:
        raise BadUrl(f"{text!r}: {error}") from None
    if not host or any(c.isspace() for c in value):
        raise BadUrl(f"{text!r} has no host name")
    if not is_ip_address(host) and ("." not in host and host != "localhost"):
        raise BadUrl(f"{text!r} is not a domain name")
    try:
        host.encode("idna")
    except UnicodeError:
        raise BadUrl(f"{text!r}: the host name is not valid") from None
    canonical = canonicalize(value)
    if canonical is None:
        raise BadUrl(f"{text!r} is not a crawlable address")
    return canonical


def canonicalize(url: str, base: str | None = None) -> str | None:
    """The form we de-duplicate on: absolute, lower-case host, default port and fragment
    dropped, session and tracking parameters removed, the rest sorted; None when not http(s)."""
    try:
        absolute = urljoin(base, url.strip()) if base else url.strip()
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None
        host = parts.hostname.rstrip(".")
        port = parts.port
    except ValueError:
        return None
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    if ":" in host:
        host = f"[{host}]"
    if port and port != {"http": 80, "https": 443}[parts.scheme]:
        host = f"{host}:{port}"
    path = _PATH_SESSION.sub("", parts.path) or "/"
    path = quote(unquote(path), safe="/%:@!$&'()*+,;=-._~")
    path = re.sub(r"/{2,}", "/", path)
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in SESSION_PARAMS and not key.lower().startswith("utm_")
    ]
    query.sort()
    return urlunsplit((parts.scheme, host.lower(), path, urlencode(query), ""))


def skip_reason(url: str) -> str | None:
    """Why a same-site URL is not worth fetching (binary, calendar, faceted, endless), or None."""
    if len(url) > MAX_URL_LENGTH:
        return "too long"
    parts = urlsplit(url)
    path = parts.path
    if path.startswith(("/cdn-cgi/", "/wp-json/", "/xmlrpc.php", "/wp-admin/", "/feed")):
        return "not a page"
    last = path.rsplit("/", 1)[-1]
    if "." in last and last.rsplit(".", 1)[1].lower() in BINARY_EXTENSIONS:
        return "not a page"
    if _CALENDAR_PATH.search(path) or _DATE_PATH.search(path):
        return "calendar"
    segments = [segment for segment in path.split("/") if segment]
    if len(segments) > MAX_PATH_SEGMENTS:
        return "too deep"
    if len(segments) != len(set(segments)) and len(segments) >= 4:
        return "repeating path"
    if parts.query:
        keys = [key.lower() for key, _ in parse_qsl(parts.query, keep_blank_values=True)]
        if any(key in FACET_PARAMS for key in keys):
            return "faceted"
        if len(keys) > MAX_QUERY_PARAMS:
            return "faceted"
        page = dict(parse_qsl(parts.query)).get("page", "1")
        if page.isdigit() and int(page) > 3:
            return "paginated"
    return None


def priority(url: str, link_text: str = "") -> int:
    """How likely a page carries contacts: 100 contact/team/imprint, 80 about, 50 legal/careers/
    press, 0 anything else (from the path's words and the link's text)."""
    path = unquote(urlsplit(url).path).lower()
    segments = [segment.rsplit(".", 1)[0] for segment in path.split("/") if segment]
    words = segments + [w for w in _WORD_SPLIT.split(path) if w]
    words += [w for w in _WORD_SPLIT.split(link_text.lower()) if w][:6]
    best = 0
    for word in words:
        weight = _PRIORITY_BY_WORD.get(word)
        if weight is None and len(word) > 5:
            # "kontaktformular", "teamseite", "contact-us.html" without the split
            weight = next(
                (w for key, w in _PRIORITY_BY_WORD.items() if len(key) > 4 and key in word), None
            )
        if weight is not None and weight > best:
            best = weight
    return best


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


@lru_cache(maxsize=4096)
def site_of(host: str) -> str:
    """The registrable domain (`www.acme.co.uk` -> `acme.co.uk`), or the host itself for IP
    addresses, `localhost` and names without a public suffix."""
    host = host.lower().strip("[]").rstrip(".")
    if is_ip_address(host):
        return host
    extracted = _EXTRACT(host)
    if extracted.domain and extracted.suffix:
        return f"{extracted.domain}.{extracted.suffix}"
    # A name under a suffix the list does not know (tests, intranets): its last two labels.
    labels = host.split(".")
    return ".".join(labels[-2:])


def same_site(url: str, site: str) -> bool:
    host = host_of(url)
    return bool(host) and site_of(host) == site


def country_of_domain(host: str) -> str | None:
    """The country a country-code TLD names (`acme.de` -> `DE`, `acme.co.uk` -> `GB`)."""
    if is_ip_address(host):
        return None
    suffix = _EXTRACT(host).suffix
    tld = suffix.rsplit(".", 1)[-1].upper() if suffix else ""
    if len(tld) != 2 or not tld.isalpha():
        return None
    return {"UK": "GB", "EU": None}.get(tld, tld) if tld in ("UK", "EU") else tld


def is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
