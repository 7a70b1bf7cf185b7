"""How much two records agree, field by field: a small number of ordered levels per field.

Level 0 is "missing on either side" (it neither helps nor hurts), 1 "different", the highest
"exactly the same", and levels in between say how close (typos, sound-alike names, the same
mailbox at another domain, swapped day and month). All pairs are compared at once per field
with numpy on the integer-coded columns (equality of codes) and rapidfuzz's C loops (only for
pairs that are neither missing nor equal): no Python code runs per pair.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import distance, process

from leadwise.dedupe.fields import FieldType
from leadwise.dedupe.prepare import Column, Prepared

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
    "name": [
        "missing",
        "different",
        "similar, sounds alike or swapped with the other name",
        "very similar (≥ 0.94)",
        "exact",
    ],
    "email": [
        "missing",
        "different",
        "same mailbox name (not the surname) at two company domains",
        "same mailbox name, one at a free-mail provider",
        "typo (≤ 2 edits, not in the first letter or only digits)",
        "exact",
    ],
    "phone": ["missing", "different", "same last 7 digits", "exact"],
    "postcode": ["missing", "different", "same first 3 characters", "exact"],
    "date": ["missing", "different", "close (≤ 31 days) or day and month swapped", "exact"],
    "number": ["missing", "different", "within 10%", "exact"],
    "exact": ["missing", "different", "exact"],
}


# rapidfuzz's threads cost ~0.17 ms to start: worth it for a batch, not for the few pairs of
# one new record checked against the workspace.
PARALLEL_FROM_PAIRS = 5_000


# Pairs compared at once: a field's comparison needs ~100 bytes of temporary arrays a pair, so
# the 3.8 million candidate pairs of a million leads took 400 MiB more at once.
COMPARE_BLOCK = 1_000_000


def _workers(pairs: int) -> int:
    return -1 if pairs >= PARALLEL_FROM_PAIRS else 1


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


def _similarity(column: Column, a: np.ndarray, b: np.ndarray, *, cutoff: float) -> np.ndarray:
    """Jaro-Winkler of the values with codes a[i], b[i] (0 below `cutoff`). Few distinct
    values (cities, countries) are compared once per distinct pair of codes."""
    if len(a) == 0:
        return np.zeros(0)
    size = len(column.vocab)
    if size * size < len(a):
        combined = a.astype(np.int64) * size + b
        distinct, back = np.unique(combined, return_inverse=True)
        scores = _similarity(column, distinct // size, distinct % size, cutoff=cutoff)
        similar: np.ndarray = scores[back]
        return similar
    scores = process.cpdist(
        column.vocab[a],
        column.vocab[b],
        scorer=distance.JaroWinkler.normalized_similarity,
        score_cutoff=cutoff,
        workers=_workers(len(a)),
    )
    return np.asarray(scores, dtype=float)


def _close(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Jaro-Winkler ≥ 0.85 between a[i] and b[i] (strings)."""
    scores = process.cpdist(
        a,
        b,
        scorer=distance.JaroWinkler.normalized_similarity,
        score_cutoff=0.85,
        workers=_workers(len(a)),
    )
    close: np.ndarray = np.asarray(scores) >= 0.85
    return close


def _close_edits(column: Column, a: np.ndarray, b: np.ndarray, edits: int) -> np.ndarray:
    if len(a) == 0:
        return np.zeros(0, dtype=bool)
    distances = process.cpdist(
        column.vocab[a],
        column.vocab[b],
        scorer=distance.Levenshtein.distance,
        score_cutoff=edits,
        workers=_workers(len(a)),
    )
    close: np.ndarray = np.asarray(distances) <= edits
    return close


def _same(column: Column | np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Both present (not 0) and equal: by code, or by the hashed value."""
    codes = column.codes if isinstance(column, Column) else column
    a, b = codes[left], codes[right]
    same: np.ndarray = (a == b) & (a != 0)
    return same


def _compare_field(
    prepared: Prepared, column: str, kind: FieldType, left: np.ndarray, right: np.ndarray
) -> np.ndarray:
    values = prepared.columns[column]
    a, b = values.codes[left], values.codes[right]
    missing = (a == 0) | (b == 0)
    exact = a == b
    # Only pairs that are neither missing nor exact need a closer look.
    open_rows = np.flatnonzero(~missing & ~exact)
    levels = np.ones(len(left), dtype=np.int8)
    name = scheme(kind)
    if name in ("text", "name"):
        similarity = np.zeros(len(left))
        similarity[open_rows] = _similarity(values, a[open_rows], b[open_rows], cutoff=0.85)
        close = similarity >= 0.85
        if name == "name":
            close |= _same(prepared.keys[f"{column}:phonetic"], left, right)
        levels[close] = 2
        levels[similarity >= 0.94] = 3
        levels[exact] = 4
    elif name == "email":
        # A job change moves a mailbox name between company domains (rare); one person's work
        # and private addresses share it far more often. john.smith@ at two companies is
        # what two John Smiths have: a mailbox made of the name is no evidence beyond it.
        free = prepared.numbers[f"{column}:free"]
        named = prepared.numbers.get(f"{column}:named")
        same_local = _same(prepared.numbers[f"{column}:local"], left, right)
        distinctive = same_local if named is None else same_local & ~named[left]
        levels[distinctive] = 2
        levels[same_local & (free[left] | free[right])] = 3
        # A different first letter is a different initial (t.rossi@, a.rossi@), digits alone
        # the second person of that name (john.smith2@): colleagues, not typos.
        lengths = prepared.numbers[f"{column}:length"]
        maybe = open_rows[
            _same(prepared.numbers[f"{column}:initial"], left[open_rows], right[open_rows])
            & ~_same(prepared.numbers[f"{column}:letters"], left[open_rows], right[open_rows])
            & (np.abs(lengths[left[open_rows]] - lengths[right[open_rows]]) <= 2)
        ]
        levels[maybe[_close_edits(values, a[maybe], b[maybe], 2)]] = 4
        levels[exact] = 5
    elif name == "phone":
        levels[_same(prepared.numbers[f"{column}:tail"], left, right)] = 2
        levels[exact] = 3
    elif name == "postcode":
        levels[_same(prepared.numbers[f"{column}:head"], left, right)] = 2
        levels[exact] = 3
    elif name == "date":
        days = prepared.numbers[f"{column}:days"]
        swapped = prepared.numbers[f"{column}:swapped"]
        with np.errstate(invalid="ignore"):
            close = np.abs(days[left] - days[right]) <= 31
        levels[close | (swapped[left] == b)] = 2
        levels[exact] = 3
    elif name == "number":
        numbers = prepared.numbers[f"{column}:number"]
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
    for start in range(0, len(left), COMPARE_BLOCK):
        block = slice(start, start + COMPARE_BLOCK)
        a, b, levels = left[block], right[block], gamma[block]  # views: written in place
        for index, column in enumerate(fields):
            levels[:, index] = _compare_field(prepared, column, prepared.types[column], a, b)
        _swapped_names(prepared, fields, levels, a, b)
    return Comparisons(fields, [scheme(prepared.types[c]) for c in fields], gamma)


def _swapped_names(
    prepared: Prepared, fields: list[str], gamma: np.ndarray, left: np.ndarray, right: np.ndarray
) -> None:
    """First and last name entered the wrong way round in one record (each similar to the
    other's other name): both count as "similar" instead of "different", else a swap looks
    like two different people."""
    first = prepared.first(FieldType.FIRST_NAME)
    last = prepared.first(FieldType.LAST_NAME)
    if not first or not last or first not in fields or last not in fields:
        return
    f, s = fields.index(first), fields.index(last)
    rows = np.flatnonzero((gamma[:, f] == 1) & (gamma[:, s] == 1))
    if len(rows) == 0:
        return
    given, family = prepared.columns[first], prepared.columns[last]
    a, b = left[rows], right[rows]
    crossed = _close(given.vocab[given.codes[a]], family.vocab[family.codes[b]]) & _close(
        family.vocab[family.codes[a]], given.vocab[given.codes[b]]
    )
    gamma[rows[crossed], f] = 2
    gamma[rows[crossed], s] = 2
