"""Candidate pairs: only records that share a blocking key are compared, so the work grows about
linearly with the records instead of with their square.

Keys: the exact email, the E.164 phone, a sound-alike surname with the postcode, the city (for
records without a postcode), the email domain (company addresses only), the company or its web
domain, a sound-alike first name with the company or with the sound-alike surname; and a
sorted neighbourhood on the full name (each record with the next in phone-book order), which
catches typos that change every key.

Within a key, records are sorted by a second field (the first name for surname keys, the name
for the others), and each is paired with the records that follow it in its group: all of them
in a group of up to FULL_GROUP, fewer as the group grows (about PAIR_BUDGET // size, at least
MIN_REACH). So a common surname in a big city (a group of thousands at a million records)
adds a few pairs per record, not thousands, and its neighbours in the order are the likeliest
duplicates (the same or a similar first name).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from leadwise.dedupe.fields import FieldType
from leadwise.dedupe.prepare import ALL, NAME_TYPES, Column, Prepared

FULL_GROUP = 10  # groups up to this size are paired completely
PAIR_BUDGET = 60  # a bigger group gives each record about PAIR_BUDGET // size partners
MIN_REACH = 2  # ... but never fewer than this
NEIGHBOURHOOD = 2  # the name neighbourhood pairs each record with the next one
# Kept for callers of the old fixed window: the most partners a record gets within one key.
WINDOW = FULL_GROUP


@dataclass(frozen=True)
class Rule:
    """One way of putting records together: pairs, and the fields they agree on by design."""

    name: str
    fields: tuple[str, ...]
    left: np.ndarray
    right: np.ndarray
    # Fields that tend to agree because of the key without being part of it: the email for
    # a key on names (john.smith@ is made of the name), the company for the email domain.
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class Key:
    """A blocking key per record (-1: none) and the order of records within a key's group."""

    name: str
    fields: tuple[str, ...]
    codes: np.ndarray  # int64
    order: np.ndarray  # int64 rank; neighbours in this order meet first
    parts: tuple[Column, ...]  # the values the key is made of
    related: tuple[str, ...] = ()  # see Rule

    def strings(self, rows: slice = ALL) -> np.ndarray:
        """The key of each record (of `rows`) as text ("" for none), e.g. "SM0\x1f10115"."""
        joined = self.parts[0].strings(rows)
        for part in self.parts[1:]:
            joined = joined + "\x1f" + part.strings(rows)
        result: np.ndarray = np.where(self.codes[rows] >= 0, joined, "")
        return result


def _rank(column: Column) -> np.ndarray:
    """Each record's position in the alphabetical order of its column's values."""
    ranks = np.empty(len(column.vocab), dtype=np.int64)
    ranks[np.argsort(column.vocab.astype(str), kind="stable")] = np.arange(len(column.vocab))
    result: np.ndarray = ranks[column.codes]
    return result


def _combined(a: Column, b: Column) -> np.ndarray:
    """One code per record for the pair of values, -1 when either is missing."""
    codes = a.codes.astype(np.int64) * len(b.vocab) + b.codes
    result: np.ndarray = np.where((a.codes != 0) & (b.codes != 0), codes, -1)
    return result


def _name_order(prepared: Prepared) -> np.ndarray:
    """Rank of (surname, first name) per record: the order of a phone book."""
    last = prepared.first(FieldType.LAST_NAME, FieldType.FULL_NAME)
    first = prepared.first(FieldType.FIRST_NAME)
    if not last:
        return np.zeros(len(prepared), dtype=np.int64)
    parts = [_rank(prepared.columns[first])] if first else []
    parts.append(_rank(prepared.columns[last]))
    order = np.lexsort(parts)
    ranks = np.empty(len(prepared), dtype=np.int64)
    ranks[order] = np.arange(len(prepared))
    return ranks


def _related(prepared: Prepared, fields: tuple[str, ...], email_domain: bool) -> tuple[str, ...]:
    """Fields that agree more often than by chance among the different people a key brings
    together: the email for keys on names or the employer (john.smith@, j.smith@ and a.smith@
    are made of names at the company's domain), the employer for a key on the email domain."""
    kinds = {prepared.types[f] for f in fields}
    employer = (FieldType.COMPANY, FieldType.DOMAIN)
    related: list[str] = []
    if kinds & {*NAME_TYPES, *employer}:
        related += [c for c, k in prepared.types.items() if k is FieldType.EMAIL]
    if email_domain:
        related += [c for c, k in prepared.types.items() if k in employer]
    return tuple(c for c in dict.fromkeys(related) if c not in fields)


def keys(prepared: Prepared, name_order: np.ndarray | None = None) -> list[Key]:
    """The blocking keys the records' columns allow. The city stands in for a missing postcode
    only: where both records have one, "surname + postcode" already pairs neighbours, and a
    surname sound in a big city is a group of hundreds."""
    found: list[Key] = []
    email = prepared.first(FieldType.EMAIL)
    phone = prepared.first(FieldType.PHONE)
    last = prepared.first(FieldType.LAST_NAME, FieldType.FULL_NAME)
    first = prepared.first(FieldType.FIRST_NAME)
    name_order = _name_order(prepared) if name_order is None else name_order

    def add(
        name: str, parts: tuple[Column, ...], fields: tuple[str, ...], order: np.ndarray
    ) -> None:
        if len(parts) == 1:
            codes = np.where(parts[0].present(), parts[0].codes.astype(np.int64), -1)
        else:
            codes = _combined(*parts)
        related = _related(prepared, fields, email_domain=name == "surname+email domain")
        found.append(Key(name, fields, codes, order, parts, related))

    for name, column in (("email", email), ("phone", phone)):
        if column:
            add(name, (prepared.columns[column],), (column,), name_order)
    surname = prepared.keys[f"{last}:phonetic"] if last else None
    given = prepared.keys[f"{first}:phonetic"] if first else None
    by_first = _rank(prepared.columns[first]) if first else name_order
    partners = {
        "postcode": prepared.first(FieldType.POSTCODE),
        "city": prepared.first(FieldType.CITY),
        "company": prepared.first(FieldType.COMPANY),
        "domain": prepared.first(FieldType.DOMAIN),
    }
    if surname is not None and last:
        for name, column in partners.items():
            if not column:
                continue
            values = prepared.columns[column]
            postcode = partners["postcode"]
            if name == "city" and postcode:
                values = Column(values.codes * ~prepared.columns[postcode].present(), values.vocab)
            add(f"surname+{name}", (surname, values), (last, column), by_first)
        if email:
            # Free-mail domains say nothing about where someone works: gmail.com with a
            # common surname would be a group of thousands.
            domains = prepared.keys[f"{email}:domain"]
            work = Column(domains.codes * ~prepared.numbers[f"{email}:free"], domains.vocab)
            add("surname+email domain", (surname, work), (last, email), by_first)
    company = partners["company"]
    if given is not None and first and company:
        add("first name+company", (given, prepared.columns[company]), (first, company), name_order)
    if given is not None and surname is not None and first and last:
        add("first name+surname sound", (given, surname), (first, last), name_order)
    return found


def reach(sizes: np.ndarray) -> np.ndarray:
    """How many following records each record of a group of `sizes` is paired with."""
    shrunk = np.maximum(MIN_REACH, PAIR_BUDGET // np.maximum(sizes, 1))
    result: np.ndarray = np.where(sizes <= FULL_GROUP, sizes - 1, np.minimum(shrunk, sizes - 1))
    return result


def pairs_within(codes: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of records with the same key (codes >= 0), each record with the next ones of its
    group in `order`, as many as `reach` allows for the group's size."""
    keyed = np.flatnonzero(codes >= 0)
    span = int(order.max(initial=0)) + 1
    if int(codes.max(initial=0)) < 2**62 // span:  # one sort key: several times faster
        keyed = keyed[np.argsort(codes[keyed] * span + order[keyed])]
    else:
        keyed = keyed[np.lexsort((order[keyed], codes[keyed]))]
    sorted_codes = codes[keyed]
    starts = np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1]])
    sizes = np.diff(np.r_[starts, len(keyed)])
    shared = np.repeat(sizes > 1, sizes)  # records alone under their key meet nobody here
    keyed, sorted_codes = keyed[shared], sorted_codes[shared]
    sizes = sizes[sizes > 1]
    if len(keyed) == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    partners = np.repeat(reach(sizes), sizes)
    ends = np.repeat(np.cumsum(sizes), sizes)  # one past each group's last position
    position = np.arange(len(keyed))
    lefts, rights = [], []
    for offset in range(1, int(partners.max()) + 1):
        ok = (offset <= partners[:-offset]) & (position[:-offset] + offset < ends[:-offset])
        lefts.append(keyed[:-offset][ok])
        rights.append(keyed[offset:][ok])
    return np.concatenate(lefts).astype(np.int64), np.concatenate(rights).astype(np.int64)


def _neighbourhood(
    prepared: Prepared, window: int, name_order: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    last = prepared.first(FieldType.LAST_NAME, FieldType.FULL_NAME)
    if not last:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    present = np.flatnonzero(prepared.columns[last].present())
    order = present[np.argsort(name_order[present], kind="stable")]
    steps = range(1, min(window, len(order)))
    if not steps:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    lefts = [order[:-offset] for offset in steps]
    rights = [order[offset:] for offset in steps]
    return np.concatenate(lefts), np.concatenate(rights)


def rules(
    prepared: Prepared, *, window: int = WINDOW, neighbourhood: int = NEIGHBOURHOOD
) -> list[Rule]:
    """Every key's pairs, and the name neighbourhood's. `window` is kept for compatibility;
    group sizes decide how many partners a record gets (see `reach`)."""
    del window
    name_order = _name_order(prepared)
    found = [
        Rule(key.name, key.fields, *pairs_within(key.codes, key.order), key.related)
        for key in keys(prepared, name_order)
    ]
    last = prepared.first(FieldType.LAST_NAME, FieldType.FULL_NAME)
    if last:
        first = prepared.first(FieldType.FIRST_NAME)
        names = (last, first) if first else (last,)
        pairs = _neighbourhood(prepared, neighbourhood, name_order)
        related = _related(prepared, names, email_domain=False)
        found.append(Rule("name neighbourhood", names, *pairs, related))
    return found


def pair_codes(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    low, high = np.minimum(left, right), np.maximum(left, right)
    keep = low != high
    return np.asarray(low[keep].astype(np.int64) * n + high[keep], dtype=np.int64)


def candidate_pairs(
    prepared: Prepared, found: list[Rule] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Unique pairs (left < right) of record indices that some rule puts together, ordered by
    (left, right)."""
    n = len(prepared)
    found = rules(prepared) if found is None else found
    if not found:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    codes = distinct(np.concatenate([pair_codes(n, r.left, r.right) for r in found]))
    return codes // n, codes % n


def distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values of an integer array. (np.unique in numpy 2.3+ takes a hash
    table path for this that was 200 times slower than sorting on millions of pair codes.)"""
    ordered = np.sort(values)
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    result: np.ndarray = ordered[keep]
    return result


def random_pairs(n: int, count: int, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """Pairs drawn at random, nearly all non-matches: what agreement looks like by chance."""
    rng = np.random.default_rng(seed)
    left = rng.integers(0, n, size=count)
    right = rng.integers(0, n, size=count)
    keep = left != right
    return left[keep], right[keep]


__all__ = [
    "Key",
    "Rule",
    "candidate_pairs",
    "keys",
    "pair_codes",
    "random_pairs",
    "rules",
]
