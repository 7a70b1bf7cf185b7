"""Candidate pairs: only records that share a blocking key are compared, so the work grows about
linearly with the records instead of with their square.

Keys: the exact email, the E.164 phone, a sound-alike surname with the postcode, the city, the
email domain or the company, a sound-alike first name with the company; and a sorted
neighbourhood on the full name, which catches typos that change every key. Within a key,
records are sorted and each is paired with the next `window - 1` records of the same key:
small groups are paired completely, and a huge group (a common surname in one city) cannot
blow up the pair count.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from leadwise.dedupe.fields import FieldType
from leadwise.dedupe.prepare import Prepared

WINDOW = 30
NEIGHBOURHOOD = 6


def _first(prepared: Prepared, kind: FieldType) -> str | None:
    return next((c for c, k in prepared.types.items() if k is kind), None)


@dataclass(frozen=True)
class Rule:
    """One way of putting records together: pairs, and the fields they agree on by design."""

    name: str
    fields: tuple[str, ...]
    left: np.ndarray
    right: np.ndarray


def blocking_keys(prepared: Prepared) -> dict[str, tuple[np.ndarray, tuple[str, ...]]]:
    """Name → (key per record, "" for none; the columns it is made of)."""
    keys: dict[str, tuple[np.ndarray, tuple[str, ...]]] = {}
    email, phone = _first(prepared, FieldType.EMAIL), _first(prepared, FieldType.PHONE)
    last = _first(prepared, FieldType.LAST_NAME) or _first(prepared, FieldType.FULL_NAME)
    first = _first(prepared, FieldType.FIRST_NAME)
    if email:
        keys["email"] = (prepared.values[email], (email,))
    if phone:
        keys["phone"] = (prepared.values[phone], (phone,))
    surname = prepared.derived[f"{last}:phonetic"] if last else None
    given = prepared.derived[f"{first}:phonetic"] if first else None
    partners = {
        "postcode": _first(prepared, FieldType.POSTCODE),
        "city": _first(prepared, FieldType.CITY),
        "company": _first(prepared, FieldType.COMPANY),
        "domain": _first(prepared, FieldType.DOMAIN),
    }
    for name, column in partners.items():
        if column and surname is not None and last:
            keys[f"surname+{name}"] = (
                _joined(surname, prepared.values[column]),
                (last, column),
            )
    if surname is not None and last and email:
        keys["surname+email domain"] = (
            _joined(surname, prepared.derived[f"{email}:domain"]),
            (last, email),
        )
    company = partners["company"]
    if given is not None and first and company:
        keys["first name+company"] = (_joined(given, prepared.values[company]), (first, company))
    if given is not None and surname is not None and first and last:
        keys["first name+surname sound"] = (_joined(given, surname), (first, last))
    return keys


def _joined(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    both = (a != "") & (b != "")
    joined = np.where(both, a + "\x1f" + b, "")
    return np.asarray(joined, dtype=object)


def _pairs_within(key: np.ndarray, window: int) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(key, kind="stable")
    sorted_keys = key[order]
    lefts, rights = [], []
    for offset in range(1, min(window, len(key))):
        same = (sorted_keys[:-offset] == sorted_keys[offset:]) & (sorted_keys[:-offset] != "")
        if not same.any():
            break  # no group has more than `offset` members: longer offsets find nothing
        lefts.append(order[:-offset][same])
        rights.append(order[offset:][same])
    if not lefts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.concatenate(lefts), np.concatenate(rights)


def _neighbourhood(prepared: Prepared, window: int) -> tuple[np.ndarray, np.ndarray]:
    last = _first(prepared, FieldType.LAST_NAME) or _first(prepared, FieldType.FULL_NAME)
    first = _first(prepared, FieldType.FIRST_NAME)
    if not last:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    names = prepared.values[last] + " " + (prepared.values[first] if first else "")
    names = np.asarray(names, dtype=object)
    present = np.flatnonzero(names != " ")
    order = present[np.argsort(names[present], kind="stable")]
    lefts = [order[:-offset] for offset in range(1, min(window, len(order)))]
    rights = [order[offset:] for offset in range(1, min(window, len(order)))]
    if not lefts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.concatenate(lefts), np.concatenate(rights)


def rules(
    prepared: Prepared, *, window: int = WINDOW, neighbourhood: int = NEIGHBOURHOOD
) -> list[Rule]:
    found = [
        Rule(name, fields, *_pairs_within(key, window))
        for name, (key, fields) in blocking_keys(prepared).items()
    ]
    last = _first(prepared, FieldType.LAST_NAME) or _first(prepared, FieldType.FULL_NAME)
    if last:
        first = _first(prepared, FieldType.FIRST_NAME)
        names = (last, first) if first else (last,)
        found.append(Rule("name neighbourhood", names, *_neighbourhood(prepared, neighbourhood)))
    return found


def pair_codes(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    low, high = np.minimum(left, right), np.maximum(left, right)
    keep = low != high
    return np.asarray(low[keep].astype(np.int64) * n + high[keep], dtype=np.int64)


def candidate_pairs(
    prepared: Prepared, found: list[Rule] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Unique pairs (left < right) of record indices that some rule puts together."""
    n = len(prepared)
    found = rules(prepared) if found is None else found
    if not found:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    codes = np.unique(np.concatenate([pair_codes(n, r.left, r.right) for r in found]))
    return codes // n, codes % n


def random_pairs(n: int, count: int, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """Pairs drawn at random, nearly all non-matches: what agreement looks like by chance."""
    rng = np.random.default_rng(seed)
    left = rng.integers(0, n, size=count)
    right = rng.integers(0, n, size=count)
    keep = left != right
    return left[keep], right[keep]
