"""The blocking keys of leads, as strings to index: a new record meets only the leads that share
one of its keys. They are the engine's own keys (`blocking.keys` on the lead fields, as text),
so the check of one record and the scan of a workspace put the same records together.

    email:ada@analytical-engines.co.uk
    phone:+442079460958
    surname+city:LFLS<US>london           (sound-alike surname with the city)
    first name+surname sound:AT<US>LFLS

The engine's sorted neighbourhood on names has no indexable form; a typo that changes every
key (email, surname sound and first-name sound at once) is left to the workspace scan. When
the engine's keys change, a scan stores every lead's keys afresh.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from leadwise.dedupe import blocking
from leadwise.dedupe.fields import FieldType
from leadwise.dedupe.prepare import prepare

# Lead fields as the engine sees them (names as in the API, types for normalising and comparing).
LEAD_TYPES: dict[str, FieldType] = {
    "first_name": FieldType.FIRST_NAME,
    "last_name": FieldType.LAST_NAME,
    "email": FieldType.EMAIL,
    "phone": FieldType.PHONE,
    "company_name": FieldType.COMPANY,
    "website": FieldType.DOMAIN,
    "city": FieldType.CITY,
    "country": FieldType.COUNTRY,
    "job_title": FieldType.TITLE,
}
MAX_KEY = 255  # the column's length; longer keys are stored as a hash


def engine_record(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A lead's fields (column names: `email_normalized`, `phone_e164`, ... or the API's `email`,
    `phone`) as a plain record of the fields in LEAD_TYPES."""
    record = {name: fields.get(name) for name in LEAD_TYPES}
    record["email"] = fields.get("email_normalized") or fields.get("email")
    record["phone"] = fields.get("phone_e164") or fields.get("phone") or fields.get("phone_raw")
    return record


def keys_of(records: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """Each record's keys, in one pass of the engine over all of them."""
    if not records:
        return []
    prepared = prepare([engine_record(record) for record in records], LEAD_TYPES)
    return keys_in(blocking.keys(prepared), slice(0, len(prepared)))


def keys_in(rules: Sequence[blocking.Key], rows: slice) -> list[list[str]]:
    """The keys of the records in `rows` (a slice with bounds) of a preparation's blocking
    keys: a scan keys the batches of a workspace it prepared once."""
    result: list[list[str]] = [[] for _ in range(rows.stop - rows.start)]
    for rule in rules:
        for index, value in enumerate(rule.strings(rows).tolist()):
            if value:
                result[index].append(_bounded(f"{rule.name}:{value}"))
    return [list(dict.fromkeys(found)) for found in result]


def lead_keys(fields: Mapping[str, Any]) -> list[str]:
    return keys_of([fields])[0]


def email_key(email: str | None) -> str | None:
    """The key of an exact email (normalised as the engine compares emails)."""
    if not email:
        return None
    return next((key for key in lead_keys({"email": email}) if key.startswith("email:")), None)


def _bounded(key: str) -> str:
    if len(key) <= MAX_KEY:
        return key
    rule = key.split(":", 1)[0]
    return f"{rule}:#{hashlib.sha256(key.encode()).hexdigest()}"
