"""Email addresses in a page: mailto links, plain text, obfuscations (`jane [at] acme [dot] com`,
`jane(at)acme.com`, HTML entities), Cloudflare's email protection (`data-cfemail` and
`/cdn-cgi/l/email-protection#...` links), with the usual false positives filtered out (image
names like `logo@2x.png`, placeholders like `example@example.com`, versions like `lib@1.2.3`,
error-tracker keys) and each address classified personal or role (`info@`, `sales@`, ...)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser, LexborNode

from leadwise.crawling.facts import Method
from leadwise.verification.lists import ROLE_ACCOUNTS
from leadwise.verification.syntax import InvalidAddress, parse_address

_LOCAL = r"[A-Za-z0-9](?:[A-Za-z0-9._%+\-']{0,62}[A-Za-z0-9_\-])?"
_DOMAIN = r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
EMAIL_IN_TEXT = re.compile(rf"(?<![\w.%+\-@])({_LOCAL})@({_DOMAIN})(?![\w\-]|\.[A-Za-z0-9])")
_AT = r"\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\{\s*at\s*\}|<\s*at\s*>|\s+at\s+|\s*\[@\]\s*|\(@\))\s*"
_DOT = (
    r"\s*(?:\[\s*dot\s*\]|\(\s*dot\s*\)|\{\s*dot\s*\}|<\s*dot\s*>|\s+dot\s+"
    r"|\s*\[\.\]\s*|\(\.\))\s*"
)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
OBFUSCATED = re.compile(
    rf"(?<![\w.])({_LOCAL}(?:{_DOT}{_LOCAL})*){_AT}({_LABEL}(?:(?:{_DOT}|\.){_LABEL})*"
    rf"(?:{_DOT}|\.)[A-Za-z]{{2,24}})(?![\w])",
    re.I,
)
_DOT_ONLY = re.compile(_DOT, re.I)
# An [at]-like mark: a bracketed "at" or "@", or "at ... dot" spelled out. Two patterns, as
# each starts with a character class the engine can skip ahead to, where one alternation of
# both is tried at every position of the text.
_AT_MARKS = (
    re.compile(r"[\[({<]\s*(?:at|@)\s*[\])}>]", re.I),
    re.compile(r"\sat\s+\S+\s+dot\s", re.I),
)
_NON_SPACE_RUN = re.compile(r"\S*")
_ATTRIBUTES_WITH_EMAILS = ("data-email", "data-mail", "content", "title", "value")
_MARKED_UP = ", ".join(
    [
        'a[href^="mailto:" i]',
        "[data-cfemail]",
        'a[href*="/cdn-cgi/l/email-protection#"]',
        *(f"[{name}*='@']" for name in _ATTRIBUTES_WITH_EMAILS),
    ]
)

# A "TLD" that is a file extension: `logo@2x.png`, `icon@3x.webp`, `bundle@1.2.min.js`.
FILE_SUFFIXES = frozenset(
    """
    png jpg jpeg gif svg webp avif bmp ico tif tiff css js mjs map json xml pdf zip gz mp4
    webm mov mp3 woff woff2 ttf eot otf php html htm asp aspx jsp
    """.split()  # noqa: SIM905 - a word list reads better than quoted strings
)
PLACEHOLDER_DOMAINS = frozenset(
    """
    example.com example.org example.net example.de example.co.uk domain.com domain.de
    yourdomain.com your-domain.com yourcompany.com company.com email.com mail.com
    test.com sample.com acme-corp.invalid sentry.io wixpress.com sentry-next.wixpress.com
    ingest.sentry.io mysite.com website.com site.com beispiel.de musterfirma.de
    mustermann.de firma.de
    """.split()  # noqa: SIM905 - a word list reads better than quoted strings
)
PLACEHOLDER_LOCALS = frozenset(
    """
    you your yourname your.name name first.last firstname.lastname firstname lastname
    vorname.nachname max.mustermann john.doe jane.doe user username email e-mail someone
    somebody test example sample nobody mail prenom.nom nombre.apellido
    """.split()  # noqa: SIM905
)
# Local parts that name a function, beyond the verification lists' role accounts.
EXTRA_ROLE_LOCALS = frozenset(
    """
    anfrage anfragen buero büro empfang presse datenschutz rechnung rechnungen karriere
    personal verwaltung zentrale kundenservice service-desk bestellung bestellungen
    contacto ventas informacion info-es contatto vendite commerciale amministrazione
    bonjour accueil commercial recrutement facturation compta comptabilite ventes
    communication office-manager hallo kontakt-de enquiries-uk general studio mailbox
    hr-team people-team talent jobs-de investors ir pr support-team customer-success
    """.split()  # noqa: SIM905
)
ROLE_PREFIXES = (
    "info", "contact", "kontakt", "office", "support", "sales", "service", "hello", "admin",
    "noreply", "no-reply", "team", "press", "jobs", "career", "hr",
)  # fmt: skip
_HEXISH = re.compile(r"^[0-9a-f]{16,}$")
_VERSION = re.compile(r"^\d+(\.\d+)+")


@dataclass(frozen=True, slots=True)
class FoundEmail:
    address: str  # normalised: domain lower-case, local part as written
    method: str
    is_role: bool
    node: LexborNode | None = None  # where it was found (for pairing with people)


@dataclass(frozen=True, slots=True)
class MarkedUpEmail:
    raw: str  # as written, not yet checked
    method: str
    node: LexborNode


def marked_up_emails(scope: LexborHTMLParser | LexborNode) -> list[MarkedUpEmail]:
    """Addresses in the markup: mailto links, Cloudflare's protection, attributes; in that
    order of kinds, each in document order, from one walk of the tree."""
    marked = [(node, node.attributes) for node in scope.css(_MARKED_UP)]
    found: list[MarkedUpEmail] = []
    for node, attributes in marked:
        href = attributes.get("href") or ""
        if node.tag == "a" and href[:7].lower() == "mailto:":
            found += [MarkedUpEmail(raw, Method.MAILTO, node) for raw in _mailto_addresses(href)]
    for node, attributes in marked:
        decoded = decode_cfemail(attributes.get("data-cfemail") or "")
        if decoded:
            found.append(MarkedUpEmail(decoded, Method.CLOUDFLARE, node))
    for node, attributes in marked:
        href = attributes.get("href") or ""
        if node.tag == "a" and "/cdn-cgi/l/email-protection#" in href:
            decoded = decode_cfemail(href.rsplit("#", 1)[-1])
            if decoded:
                found.append(MarkedUpEmail(decoded, Method.CLOUDFLARE, node))
    for name in _ATTRIBUTES_WITH_EMAILS:
        for node, attributes in marked:
            for match in EMAIL_IN_TEXT.finditer(attributes.get(name) or ""):
                found.append(MarkedUpEmail(f"{match.group(1)}@{match.group(2)}", Method.HTML, node))
    return found


def find_emails(
    scope: LexborHTMLParser | LexborNode,
    text: str,
    marked: Sequence[MarkedUpEmail] | None = None,
) -> list[FoundEmail]:
    """Addresses in the page (or a part of it), de-duplicated, in the order found (mailto and
    Cloudflare first, as they are the page's own markup; then text and obfuscations).
    `marked` is the scope's marked-up addresses when the caller has them already."""
    found: dict[str, FoundEmail] = {}

    def add(raw: str, method: str, node: LexborNode | None = None) -> None:
        address = clean_email(raw)
        if address is not None and address.lower() not in found:
            found[address.lower()] = FoundEmail(address, method, is_role_address(address), node)

    for item in marked_up_emails(scope) if marked is None else marked:
        add(item.raw, item.method, item.node)
    for match in emails_in_text(text):
        add(f"{match.group(1)}@{match.group(2)}", Method.TEXT)
    for address in deobfuscate(text):
        add(address, Method.OBFUSCATED)
    return list(found.values())


def emails_in_text(text: str) -> Iterator[re.Match[str]]:
    """EMAIL_IN_TEXT's matches in `text`, read only around each "@".

    Tried at every position of 100 KB of prose, the pattern costs milliseconds. An address has
    no whitespace and a local part of at most 64 characters, so each "@" is read from at most
    80 characters before it to the end of its whitespace-free run: the same matches, since
    the lookbehind still sees the text before the window and whitespace after it ends every
    match alike."""
    scanned = 0
    at = text.find("@")
    while at != -1:
        run_end = _NON_SPACE_RUN.match(text, at).end()  # type: ignore[union-attr]
        yield from EMAIL_IN_TEXT.finditer(text, max(scanned, at - 80), run_end)
        scanned = run_end
        at = text.find("@", run_end)


def deobfuscate(text: str) -> Iterator[str]:
    """`jane [at] acme [dot] com`, `jane(at)acme.com`, `jane at acme dot com`."""
    lowered = text.lower()
    if "at" not in lowered or ("[" not in text and "(" not in text and " dot " not in lowered
                               and "{" not in text and "<" not in text):  # fmt: skip
        return
    # Only the lines that have an [at]-like mark: the pattern is costly over long prose.
    marked = "\n".join(_marked_lines(text, lowered))
    if not marked:
        return
    for match in OBFUSCATED.finditer(marked):
        whole = match.group(0)
        # " at " alone is ordinary English ("meet us at noon"): a plain-word form must also
        # spell the dots out.
        if not re.search(r"[\[\({<]", whole) and " dot " not in whole.lower():
            continue
        local = _DOT_ONLY.sub(".", match.group(1))
        domain = _DOT_ONLY.sub(".", match.group(2))
        yield f"{local}@{domain}"


def _marked_lines(text: str, lowered: str) -> list[str]:
    """The lines with an [at]-like mark, in order, each once (`lowered`: the text in lower
    case, which the caller has)."""
    starts: set[int] = set()
    for mark in _AT_MARKS:
        if mark is _AT_MARKS[1] and "dot" not in lowered:
            continue
        starts.update(_starts_of_marked_lines(mark, text))
    lines = []
    for start in sorted(starts):
        end = text.find("\n", start)
        lines.append(text[start : len(text) if end == -1 else end])
    return lines


def _starts_of_marked_lines(mark: re.Pattern[str], text: str) -> Iterator[int]:
    """Where the lines with a `mark` start, in one pass over the text (a mark found across a
    line break is checked again within its line, as a line alone would be)."""
    position = 0
    while (found := mark.search(text, position)) is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.start())
        end = len(text) if end == -1 else end
        if mark.search(text, start, end):
            yield start
            position = end + 1
        else:
            position = found.start() + 1


def decode_cfemail(encoded: str) -> str | None:
    """Cloudflare's email obfuscation: hex bytes, each XORed with the first."""
    encoded = encoded.strip()
    if len(encoded) < 4 or len(encoded) % 2 or len(encoded) > 512:
        return None
    try:
        data = bytes.fromhex(encoded)
    except ValueError:
        return None
    key = data[0]
    try:
        return bytes(byte ^ key for byte in data[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None


@functools.lru_cache(maxsize=4096)
def clean_email(raw: str) -> str | None:
    """The normalised address, or None for a false positive or an invalid one (cached: a team
    page shows each address in its card and again in the page)."""
    candidate = raw.strip().strip(".,;:<>()[]{}\"'").replace("\u200b", "")
    local, at, domain = candidate.rpartition("@")
    if not at or not local or not domain:
        return None
    domain = domain.lower().rstrip(".")
    suffix = domain.rsplit(".", 1)[-1]
    if suffix in FILE_SUFFIXES or not suffix.isalpha():
        return None
    labels = domain.split(".")
    if any(".".join(labels[i:]) in PLACEHOLDER_DOMAINS for i in range(len(labels) - 1)):
        return None
    if _VERSION.match(domain) or domain.split(".")[0].isdigit():
        return None
    lowered = local.lower()
    if lowered in PLACEHOLDER_LOCALS or _HEXISH.match(lowered) or re.search(r"@\d+x$", raw):
        return None
    if re.fullmatch(r"\d+x", lowered):  # "logo@2x.example" image densities
        return None
    try:
        return parse_address(f"{local}@{domain}").normalized
    except InvalidAddress:
        return None


@functools.lru_cache(maxsize=4096)
def is_role_address(address: str) -> bool:
    local = address.rpartition("@")[0].lower().partition("+")[0]
    if local in ROLE_ACCOUNTS or local in EXTRA_ROLE_LOCALS:
        return True
    compact = local.replace(".", "").replace("-", "").replace("_", "")
    return compact in ROLE_ACCOUNTS or any(
        compact.startswith(prefix.replace("-", "")) and not _looks_like_name(local)
        for prefix in ROLE_PREFIXES
    )


def _looks_like_name(local: str) -> bool:
    """`info.jane` is a role inbox, `contacting` is not a person; `hrvoje.k` is a name."""
    return bool(re.fullmatch(r"[a-z]+[._-][a-z]+", local)) and local.split(".")[0] not in {
        "info", "contact", "kontakt", "office", "support", "sales", "team", "press", "jobs"
    }  # fmt: skip


def _mailto_addresses(href: str) -> list[str]:
    target = unquote(href.split(":", 1)[1] if ":" in href else "").split("?", 1)[0]
    return [part.strip() for part in re.split(r"[,;]", target) if "@" in part]
