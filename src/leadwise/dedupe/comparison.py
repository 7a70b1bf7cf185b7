"""How much two records agree, field by field: a small number of ordered levels per field.

Level 0 is "missing on either side" (it neither helps nor hurts), 1 "different", the highest
"exactly the same", and levels in between say how close (typos, sound-alike names, the same
mailbox at another domain, swapped day and month). All pairs are compared at once per field
with numpy and rapidfuzz's C loops: no Python code runs per pair.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import distance, process

from leadwise.dedupe.fields import FieldType
from leadwise.dedupe.prepare import Prepared

NAME_TYPES = (FieldType.FIRST_NAME, FieldType.LAST_NAME, FieldType.FULL_NAME)
EXACT_ONLY = (FieldType.COUNTRY, FieldType.DOMAIN, FieldType.STATE)

LEVELS: dict[str, list[str]] = {
    "text": [
        "missing",
        "different",
        "similar (Jaro-Winkler ≥ 0.85)",
        "very similar (≥ 0.94)",
        "exact",
    ],
    "name": ["missing", "different", "similar or sounds alike", "very similar (≥ 0.94)", "exact"],
    "email": [
        "missing",
        "different",
        "same mailbox name at two company domains",
        "same mailbox name, one at a free-mail provider",
        "typo (≤ 2 edits)",
        "exact",
    ],
    "phone": ["missing", "different", "same last 7 digits", "exact"],
    "postcode": ["missing", "different", "same first 3 characters", "exact"],
    "date": ["missing", "different", "close (≤ 31 days) or day and month swapped", "exact"],
    "number": ["missing", "different", "within 10%", "exact"],
    "exact": ["missing", "different", "exact"],
}


def scheme(kind: FieldType) -> str:
    if kind in NAME_TYPES:
        return "name"
    if kind is FieldType.EMAIL:
        return "email"
    if kind is FieldType.PHONE:
        return "phone"
    if kind is FieldType.POSTCODE:
        return "postcode"
    if kind is FieldType.DATE:
        return "date"
    if kind is FieldType.NUMBER:
        return "number"
    if kind in EXACT_ONLY:
        return "exact"
    return "text"


@dataclass(frozen=True)
class Comparisons:
    fields: list[str]
    schemes: list[str]
    gamma: np.ndarray  # (pairs, fields) int8 levels

    def labels(self, field_index: int) -> list[str]:
        return LEVELS[self.schemes[field_index]]


def _similarity(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    return np.asarray(
        process.cpdist(left, right, scorer=distance.JaroWinkler.normalized_similarity, workers=-1),
        dtype=float,
    )


def _compare_field(
    prepared: Prepared, column: str, kind: FieldType, left: np.ndarray, right: np.ndarray
) -> np.ndarray:
    a, b = prepared.values[column][left], prepared.values[column][right]
    missing = (a == "") | (b == "")
    exact = a == b
    levels = np.ones(len(left), dtype=np.int8)
    name = scheme(kind)
    if name in ("text", "name"):
        similarity = _similarity(a, b)
        close = similarity >= 0.85
        if name == "name":
            sounds = prepared.derived[f"{column}:phonetic"]
            close |= (sounds[left] == sounds[right]) & (sounds[left] != "")
        levels[close] = 2
        levels[similarity >= 0.94] = 3
        levels[exact] = 4
    elif name == "email":
        # A job change moves a mailbox name between company domains (rare); one person's work
        # and private addresses share it far more often.
        local, free = prepared.derived[f"{column}:local"], prepared.derived[f"{column}:free"]
        same_local = local[left] == local[right]
        levels[same_local] = 2
        levels[same_local & (free[left] | free[right])] = 3
        edits = np.asarray(process.cpdist(a, b, scorer=distance.Levenshtein.distance, workers=-1))
        levels[edits <= 2] = 4
        levels[exact] = 5
    elif name == "phone":
        tails = prepared.derived[f"{column}:tail"]
        levels[tails[left] == tails[right]] = 2
        levels[exact] = 3
    elif name == "postcode":
        heads = prepared.derived[f"{column}:head"]
        levels[heads[left] == heads[right]] = 2
        levels[exact] = 3
    elif name == "date":
        days = prepared.derived[f"{column}:days"]
        swapped = prepared.derived[f"{column}:swapped"]
        with np.errstate(invalid="ignore"):
            close = np.abs(days[left] - days[right]) <= 31
        levels[close | (swapped[left] == b)] = 2
        levels[exact] = 3
    elif name == "number":
        numbers = prepared.derived[f"{column}:number"]
        x, y = numbers[left], numbers[right]
        with np.errstate(invalid="ignore", divide="ignore"):
            near = np.abs(x - y) <= 0.1 * np.maximum(np.abs(x), np.abs(y))
        levels[near] = 2
        levels[exact] = 3
    else:
        levels[exact] = 2
    levels[missing] = 0
    return levels


def compare(prepared: Prepared, left: np.ndarray, right: np.ndarray) -> Comparisons:
    """Levels of every compared field for the pairs (left[i], right[i])."""
    fields = prepared.compared_fields()
    gamma = np.zeros((len(left), len(fields)), dtype=np.int8)
    for index, column in enumerate(fields):
        gamma[:, index] = _compare_field(prepared, column, prepared.types[column], left, right)
    return Comparisons(fields, [scheme(prepared.types[c]) for c in fields], gamma)
