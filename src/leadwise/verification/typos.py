"""Typo suggestions for well-known mail domains and top-level domains (`gmial.com` ->
`gmail.com`, `.con` -> `.com`). Conservative: a company's real domain must not be "corrected",
so short names need an exact one-edit match and every known provider is left alone."""

from __future__ import annotations

from rapidfuzz.distance import OSA

from leadwise.companies.domains import FREE_MAIL_DOMAINS

# Mistyped top-level domains that are not real ones (`.co`, `.cm` and `.om` are countries).
TLD_TYPOS = {
    "con": "com", "cmo": "com", "ocm": "com", "vom": "com", "xom": "com", "cpm": "com",
    "comm": "com", "coom": "com", "c0m": "com", "cim": "com", "copm": "com", "comn": "com",
    "nte": "net", "ent": "net", "nett": "net", "met": "net",
    "ogr": "org", "orgg": "org", "rog": "org",
    "dee": "de", "ed": "de",
}  # fmt: skip

# The names people type most; their typos are worth suggesting (grouped by name, so
# `gmail.co` finds `gmail.com`).
_PROVIDER_DOMAINS = frozenset(FREE_MAIL_DOMAINS)
_BY_NAME: dict[str, list[str]] = {}
for _domain in sorted(_PROVIDER_DOMAINS):
    _BY_NAME.setdefault(_domain.partition(".")[0], []).append(_domain)
# Short names are one edit away from ordinary words (`live` -> `love`, `aol` -> `aon`, both
# real companies), so only longer names are matched, and only with the provider's own ending.
_MIN_NAME_FOR_ONE_EDIT = 5
_MIN_NAME_FOR_TWO_EDITS = 8
_NAMES = sorted(name for name in _BY_NAME if len(name) >= _MIN_NAME_FOR_ONE_EDIT)


def suggest_domain(ascii_domain: str) -> str | None:
    """A well-known domain this one is probably a typo of, or None."""
    if ascii_domain in _PROVIDER_DOMAINS:
        return None
    name, dot, suffix = ascii_domain.partition(".")
    if not dot:
        return None
    fixed_suffix = _fix_suffix(suffix)
    if name in _BY_NAME:
        # The right name with a wrong ending: gmail.con, gmail.co, hotmail.om
        candidates = _BY_NAME[name]
        if fixed_suffix != suffix and f"{name}.{fixed_suffix}" in _PROVIDER_DOMAINS:
            return f"{name}.{fixed_suffix}"
        close = [d for d in candidates if OSA.distance(d, ascii_domain) == 1]
        return close[0] if len(close) == 1 else None
    if len(name) >= _MIN_NAME_FOR_ONE_EDIT:
        limit = 2 if len(name) >= _MIN_NAME_FOR_TWO_EDITS else 1
        best: str | None = None
        best_distance = limit + 1
        for known in _NAMES:
            if abs(len(known) - len(name)) > limit:
                continue
            distance = OSA.distance(name, known, score_cutoff=limit)
            if distance < best_distance:
                best, best_distance = known, distance
        if best is not None:
            for candidate in _BY_NAME[best]:
                if candidate.partition(".")[2] in (suffix, fixed_suffix):
                    return candidate
    if fixed_suffix != suffix:
        return f"{name}.{fixed_suffix}"
    return None


def _fix_suffix(suffix: str) -> str:
    head, dot, last = suffix.rpartition(".")
    fixed = TLD_TYPOS.get(last)
    if fixed is None:
        return suffix
    return f"{head}.{fixed}" if dot else fixed
