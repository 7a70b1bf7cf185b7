"""Which column of an imported file goes into which lead field: suggested from the headers
(synonyms in several languages, then fuzzy matching), always overridable.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import distance, process

from leadwise.dedupe.fields import SYNONYMS, FieldType, header_key

CUSTOM_PREFIX = "custom:"

# Lead fields an import can fill, with the dedupe field types whose header synonyms they share.
FROM_FIELD_TYPES: dict[str, FieldType] = {
    "external_id": FieldType.ID,
    "first_name": FieldType.FIRST_NAME,
    "last_name": FieldType.LAST_NAME,
    "full_name": FieldType.FULL_NAME,
    "email": FieldType.EMAIL,
    "phone": FieldType.PHONE,
    "company_name": FieldType.COMPANY,
    "website": FieldType.DOMAIN,
    "job_title": FieldType.TITLE,
    "city": FieldType.CITY,
    "country": FieldType.COUNTRY,
}
EXTRA_SYNONYMS: dict[str, tuple[str, ...]] = {
    "external_id": (
        "externalid",
        "crmid",
        "recordid",
        "contactid",
        "leadid",
        "personid",
        "customerid",
        "customernumber",
        "kundennummer",
        "kundennr",
        "sourceid",
    ),
    "tags": ("tags", "tag", "labels", "label", "schlagworte", "etiquetas", "etiquettes"),
    "notes": ("notes", "note", "comment", "comments", "remarks", "bemerkung", "notiz", "notizen"),
    "lifecycle": ("lifecycle", "lifecyclestage", "leadstatus", "stage"),
    "value": ("dealvalue", "value", "amount", "betrag", "wert"),
    "do_not_contact": ("donotcontact", "optout", "unsubscribed", "donotemail"),
    "utm_source": ("utmsource",),
    "utm_medium": ("utmmedium",),
    "utm_campaign": ("utmcampaign", "campaign", "kampagne"),
    "utm_term": ("utmterm",),
    "utm_content": ("utmcontent",),
}
TARGETS = tuple(dict.fromkeys([*FROM_FIELD_TYPES, *EXTRA_SYNONYMS]))


def _synonyms() -> dict[str, str]:
    """Normalised header word → lead field."""
    words: dict[str, str] = {}
    for target, kind in FROM_FIELD_TYPES.items():
        for word in SYNONYMS.get(kind, ()):
            words.setdefault(word, target)
    for target, extra in EXTRA_SYNONYMS.items():
        for word in extra:
            words.setdefault(word, target)
    words.pop("value", None)  # too vague alone ("value" of what?): only as a fuzzy match
    words["value"] = "value"
    return words


WORDS = _synonyms()


@dataclass(frozen=True, slots=True)
class Suggestion:
    column: str
    target: str | None  # a lead field, "custom:<key>", or None (not imported)
    reason: str  # "synonym", "custom field", "similar to 'e-mail' (92)", "no match"


def suggest(columns: list[str], custom_fields: dict[str, str] | None = None) -> list[Suggestion]:
    """One suggestion per column; each target is given to one column at most (the first)."""
    custom = {header_key(key): key for key in custom_fields or {}}
    custom |= {header_key(label): key for key, label in (custom_fields or {}).items()}
    taken: set[str] = set()
    suggestions = []
    for column in columns:
        key = header_key(column)
        target, reason = _match(key, custom)
        if target is not None and target in taken:
            target, reason = None, f"{reason}, but an earlier column has that field"
        if target is not None:
            taken.add(target)
        suggestions.append(Suggestion(column, target, reason))
    return suggestions


def _match(key: str, custom: dict[str, str]) -> tuple[str | None, str]:
    if not key:
        return None, "no header"
    if key in custom:
        return CUSTOM_PREFIX + custom[key], "custom field"
    if key in WORDS:
        return WORDS[key], "synonym"
    # Typos: one edit (a swap counts as one) in a short header, two in a long one.
    allowed = 1 if len(key) <= 8 else 2
    best = process.extractOne(key, list(WORDS), scorer=distance.OSA.distance, score_cutoff=allowed)
    if best is not None and len(key) >= 4:
        word, edits, _ = best
        return WORDS[word], f"similar to {word!r} ({edits:.0f} edit{'s' if edits > 1 else ''})"
    fuzzy_custom = process.extractOne(
        key, list(custom), scorer=distance.OSA.distance, score_cutoff=allowed
    )
    if fuzzy_custom is not None and len(key) >= 4:
        return CUSTOM_PREFIX + custom[fuzzy_custom[0]], "similar to a custom field"
    return None, "no match"


def check(mapping: dict[str, str | None], columns: list[str], custom_keys: set[str]) -> list[str]:
    """Problems with a user's mapping (unknown columns or fields, a field given twice)."""
    problems = [f"no column {column!r} in the file" for column in mapping if column not in columns]
    seen: dict[str, str] = {}
    for column, target in mapping.items():
        if target is None:
            continue
        if target.startswith(CUSTOM_PREFIX):
            if target.removeprefix(CUSTOM_PREFIX) not in custom_keys:
                problems.append(
                    f"{column!r}: no custom field {target.removeprefix(CUSTOM_PREFIX)!r}"
                )
        elif target not in TARGETS:
            problems.append(f"{column!r}: {target!r} is not a lead field")
        if target in seen:
            problems.append(f"{column!r} and {seen[target]!r} both go to {target!r}")
        seen[target] = column
    return problems
