"""Records to comparable columns: each field normalised for its type, once, and integer-coded.

A column is stored as `codes` (int32, one per record) into `vocab` (the distinct normalised
values, code 0 = "" = missing). Normalisation runs once per distinct raw value, equality is an
integer comparison, and a million records cost a few megabytes per column instead of a
million Python strings. Everything downstream (blocking keys, comparisons) works on the codes
by record index, so no per-pair Python work repeats the normalisation.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import chain
from operator import itemgetter
from typing import Any

import jellyfish
import numpy as np
import phonenumbers

from leadwise.companies.domains import is_free_mail
from leadwise.dedupe.fields import FieldType

ALL = slice(None)  # every record
_NON_WORD = re.compile(r"[^a-z0-9@.+ ]+")
_SPACES = re.compile(r"\s+")
_COMPANY_SUFFIXES = re.compile(
    r"\b(inc|incorporated|llc|ltd|limited|plc|gmbh|ag|sa|sas|sarl|bv|nv|srl|spa|co|corp|"
    r"corporation|company|oy|ab|as|kg|ug)\b\.?"
)
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y/%m/%d", "%d-%m-%Y", "%Y%m%d")
_SEPARATORS = str.maketrans("", "", " ./()-")  # what people put between a phone's digits
_NOT_DIGIT = re.compile(r"\D")
_DIGITS = re.compile(r"\d+")
NAME_TYPES = (FieldType.FIRST_NAME, FieldType.LAST_NAME, FieldType.FULL_NAME)


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation to spaces, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _SPACES.sub(" ", _NON_WORD.sub(" ", plain)).strip()


def _email(value: str) -> str:
    value = value.strip().lower()
    return value if value.count("@") == 1 and "." in value.rsplit("@", 1)[1] else ""


def _phone(value: str, region: str | None) -> str:
    try:
        number = phonenumbers.parse(value, region or None)
    except phonenumbers.NumberParseException:
        digits = _NOT_DIGIT.sub("", value)
        return digits if len(digits) >= 6 else ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _domain(value: str) -> str:
    text = value.strip().lower()
    text = re.sub(r"^[a-z]+://", "", text).split("/", 1)[0].split("@")[-1]
    return text.removeprefix("www.")


def _date(value: str) -> str:
    text = value.strip()
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date().isoformat()  # noqa: DTZ007 - a date
        except ValueError:
            continue
    return ""


def _number(value: str) -> str:
    try:
        return repr(float(value.replace(",", ".").strip()))
    except ValueError:
        return ""


def normalise(kind: FieldType, value: object, region: str | None = None) -> str:
    """The comparable form of one value; "" means missing (nulls never agree nor disagree)."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    text = str(value).strip()
    if not text:
        return ""
    if kind is FieldType.EMAIL:
        return _email(text)
    if kind is FieldType.PHONE:
        return _phone(text, region)
    if kind is FieldType.DOMAIN:
        return _domain(text)
    if kind is FieldType.DATE:
        return _date(text)
    if kind is FieldType.NUMBER:
        return _number(text)
    if kind is FieldType.POSTCODE:
        return re.sub(r"[\s-]", "", text.upper())
    if kind is FieldType.COUNTRY:
        return fold(text).upper()
    if kind is FieldType.COMPANY:
        return _SPACES.sub(" ", _COMPANY_SUFFIXES.sub(" ", fold(text))).strip()
    return fold(text)


def phonetic(text: str) -> str:
    """Sound-alike code of a (first) word: Thompson and Tomson share one."""
    word = text.split(" ", 1)[0]
    return jellyfish.metaphone(word) if word else ""


class PhoneTemplates:
    """E.164 for many numbers at phonenumbers' answer for a few (it takes ~25 µs a number).

    Numbers written with digits and separators only, in one region, with the same first six
    digits and the same length, are turned into E.164 the same way: a prefix ("+49") replaces
    their first k digits ("0" of a national number, "49 0" of "+49 (0)30"). The way is learned
    from phonenumbers on the first two numbers of each such shape (both must agree) and then
    applied; anything else (letters, extensions, shapes where the two disagree) goes through
    phonenumbers itself.
    """

    MAX_SHAPES = 100_000  # a long-lived process keeps meeting new shapes: start afresh past this

    def __init__(self) -> None:
        self._first: dict[tuple[str | None, bool, int, str], tuple[str, int] | None] = {}
        self._agreed: dict[tuple[str | None, bool, int, str], tuple[str, int] | None] = {}

    def __call__(self, value: str, region: str | None) -> str:
        international = value.startswith("+")
        digits = (value[1:] if international else value).translate(_SEPARATORS)
        if not (digits.isascii() and digits.isdigit()):
            return _phone(value, region)
        shape = (region, international, len(digits), digits[:6])
        template = self._agreed.get(shape)
        if template is not None:
            prefix, skip = template
            return prefix + digits[skip:]
        result = _phone(value, region)
        if shape not in self._agreed:
            if len(self._first) + len(self._agreed) >= self.MAX_SHAPES:
                self._first.clear()
                self._agreed.clear()
            learned = _template(digits, result)
            # pop, not `in` then pop: another thread may learn the same shape at once.
            first = self._first.pop(shape, _UNSEEN)
            if first is _UNSEEN:
                self._first[shape] = learned
            else:
                self._agreed[shape] = learned if learned == first else None
        return result


_UNSEEN: Any = object()
# Shared by every `prepare` of the process: what one import chunk or duplicate check learned
# serves the next, instead of each sending its numbers through phonenumbers again.
_SHARED_PHONES = PhoneTemplates()


def _template(digits: str, result: str) -> tuple[str, int] | None:
    """(prefix, k) with result == prefix + digits[k:], k as small as possible."""
    for skip in range(min(len(digits), 7)):
        tail = digits[skip:]
        if tail and result.endswith(tail):
            return result[: len(result) - len(tail)], skip
    return None


@dataclass(frozen=True)
class Column:
    """Integer-coded values: `codes[i]` indexes `vocab`, code 0 is "" (missing)."""

    codes: np.ndarray  # int32 per record
    vocab: np.ndarray  # object array of distinct strings, vocab[0] == ""

    def strings(self, rows: slice = ALL) -> np.ndarray:
        strings: np.ndarray = self.vocab[self.codes[rows]]
        return strings

    def present(self) -> np.ndarray:
        present: np.ndarray = self.codes != 0
        return present

    def derive(self, transform: Callable[[str], str]) -> Column:
        """A column of `transform(value)` for each record, computed once per distinct value."""
        vocab, remap = _factorise(transform(v) if v else "" for v in self.vocab.tolist())
        return Column(remap[self.codes], vocab)

    def hashed(self, transform: Callable[[str], str]) -> np.ndarray:
        """Per record, a number standing for `transform(value)` (0 for ""), for comparisons
        that only ask "equal?": cheaper than a coded column, and two different values share
        a number with a chance of about one in 10^19 per pair."""
        return self.per_value(lambda v: hash(t) or 1 if (t := transform(v)) else 0, np.int64)

    def per_value(self, compute: Callable[[str], object], dtype: type) -> np.ndarray:
        """A plain array (float, bool) with `compute(value)` for each record."""
        computed: np.ndarray = np.array([compute(v) for v in self.vocab.tolist()], dtype=dtype)
        result: np.ndarray = computed[self.codes]
        return result


def _factorise(values: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
    """(vocab with "" first, then the distinct values in order of appearance; each value's
    code in it), in C loops: a million values take a fraction of a second."""
    strings = list(values)
    distinct = dict.fromkeys(chain(("",), strings))
    numbers = dict(zip(distinct, range(len(distinct)), strict=True))
    codes = np.fromiter(map(numbers.__getitem__, strings), dtype=np.int32, count=len(strings))
    return np.array(list(distinct), dtype=object), codes


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


class _Strings(Mapping[str, np.ndarray]):
    """`prepared.values[field]`: the normalised strings per record, built when asked for."""

    def __init__(self, columns: Mapping[str, Column], plain: Mapping[str, np.ndarray]) -> None:
        self._columns, self._plain = columns, plain

    def __getitem__(self, key: str) -> np.ndarray:
        if key in self._columns:
            return self._columns[key].strings()
        return self._plain[key]

    def __iter__(self) -> Iterator[str]:
        yield from self._columns
        yield from self._plain

    def __len__(self) -> int:
        return len(self._columns) + len(self._plain)


@dataclass
class Prepared:
    """The records as integer-coded columns.

    `columns[field]` holds each compared field; `keys["<field>:phonetic"]` (also `:domain`)
    derived columns for blocking and comparison; `numbers["<field>:days"]` (also `:number`,
    `:free`, `:named`, `:length`, `:swapped`, and the hashed `:local`, `:initial`,
    `:letters`, `:tail`, `:head`) plain per-record arrays.
    `values` and `derived` show the same as strings per record, built on access.
    """

    ids: np.ndarray
    types: dict[str, FieldType]
    columns: dict[str, Column] = field(default_factory=dict)
    keys: dict[str, Column] = field(default_factory=dict)
    numbers: dict[str, np.ndarray] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def values(self) -> Mapping[str, np.ndarray]:
        return _Strings(self.columns, {})

    @property
    def derived(self) -> Mapping[str, np.ndarray]:
        return _Strings(self.keys, self.numbers)

    def compared_fields(self) -> list[str]:
        return [
            name
            for name, kind in self.types.items()
            if kind not in (FieldType.ID, FieldType.IGNORE)
        ]

    def first(self, *kinds: FieldType) -> str | None:
        """The first column of the first of `kinds` that the records have."""
        for kind in kinds:
            column = next((c for c, k in self.types.items() if k is kind), None)
            if column:
                return column
        return None


class Gathered:
    """Records gathered column by column for `prepare`, without a dict per record: each
    column's raw values are numbered as they arrive, so a value that many records share (a
    country, a city, a common first name) is held once, and a batch's rows can be dropped as
    soon as they are added (a million generated leads, tests/dedupe/synthetic.py: ~430 MiB
    gathered, ~750 MiB as row dicts).

    `prepare` consumes it: it takes the ids and releases each column once normalised."""

    def __init__(self, types: Mapping[str, FieldType], id_column: str | None = None) -> None:
        self.id_column = id_column
        self.ids: list[str] = []
        self._count = 0  # records added (the ids may have been taken)
        self._numbers: dict[str, dict[Any, int]] = {
            column: {None: 0}
            for column, kind in types.items()
            if kind not in (FieldType.ID, FieldType.IGNORE) and column != id_column
        }
        self._codes = {column: array("i") for column in self._numbers}

    def __len__(self) -> int:
        return self._count

    def extend(self, rows: Sequence[Mapping[str, object]]) -> Gathered:
        first = self._count
        self._count += len(rows)
        if self.id_column is None:
            self.ids.extend(map(str, range(first, first + len(rows))))
        else:
            column = self.id_column
            self.ids.extend(str(row.get(column, n)) for n, row in enumerate(rows, start=first))
        for column, numbers in self._numbers.items():
            cells = _cells(rows, column)
            try:
                distinct = dict.fromkeys(cells)
            except TypeError:  # an unhashable value (a list from JSON): compared as its text
                cells = [v if _hashable(v) else str(v) for v in cells]
                distinct = dict.fromkeys(cells)
            for value in distinct:
                if value not in numbers:
                    numbers[value] = len(numbers)
            self._codes[column].extend(map(numbers.__getitem__, cells))
        return self

    def raw(self, column: str) -> tuple[list[Any], np.ndarray]:
        """(the distinct raw values, None first; each record's number among them); a column
        no record has is all None."""
        numbers = self._numbers.get(column)
        if numbers is None:
            return [None], np.zeros(self._count, dtype=np.int32)
        return list(numbers), np.frombuffer(self._codes[column], dtype=np.int32)

    def take_ids(self) -> np.ndarray:
        ids, self.ids = self.ids, []
        return np.array(ids, dtype=object)

    def release(self, column: str) -> None:
        self._numbers.pop(column, None)
        self._codes.pop(column, None)


def prepare(
    records: Iterable[Mapping[str, object]] | Gathered,
    types: Mapping[str, FieldType],
    *,
    id_column: str | None = None,
    default_region: str | None = None,
) -> Prepared:
    """The records as coded columns, normalising each distinct raw value once. Records
    already gathered bring their own ids (`id_column` is then theirs)."""
    compared = [c for c, k in types.items() if k not in (FieldType.ID, FieldType.IGNORE)]
    if isinstance(records, Gathered):
        gathered = records
    else:
        rows = records if isinstance(records, list) else list(records)
        gathered = Gathered(types, id_column).extend(rows)
        del rows
    prepared = Prepared(ids=gathered.take_ids(), types=dict(types))
    # Phone numbers without a +code are read in the row's country, else the default region.
    regions: _Regions | None = None
    if any(types[c] is FieldType.PHONE for c in compared):
        country = next((c for c, k in types.items() if k is FieldType.COUNTRY), None)
        regions = _regions(gathered, country, default_region)
    phones = _SHARED_PHONES
    for column in compared:
        kind = types[column]
        raw, raw_codes = gathered.raw(column)
        normalised: Iterator[str]
        if kind is FieldType.PHONE:
            assert regions is not None
            pairs, raw_codes = _with_regions(raw, raw_codes, regions)
            normalised = (_normalise_phone(phones, v, region) for v, region in pairs)
        else:
            normalised = (normalise(kind, v, default_region) for v in raw[1:])
        vocab, remap = _factorise(_chain_empty(normalised))
        values = Column(remap[raw_codes], vocab)
        del raw, raw_codes
        gathered.release(column)  # its raw values are no longer needed: free them now
        prepared.columns[column] = values
        _derive(prepared, column, kind, values)
    _named_mailboxes(prepared)
    return prepared


@dataclass(frozen=True)
class _Regions:
    names: list[str | None]  # the distinct regions
    codes: np.ndarray  # each record's number among them


def _regions(gathered: Gathered, country: str | None, default_region: str | None) -> _Regions:
    """Each record's region for reading its phone number: its country, else the default."""
    if country is None:
        return _Regions([default_region], np.zeros(len(gathered), dtype=np.int32))
    raw, codes = gathered.raw(country)
    per_raw = [str(value or "").upper()[:2] or default_region for value in raw]
    names = list(dict.fromkeys(per_raw))
    number = {name: index for index, name in enumerate(names)}
    of_raw = np.array([number[name] for name in per_raw], dtype=np.int32)
    return _Regions(names, of_raw[codes])


def _with_regions(
    raw: list[Any], codes: np.ndarray, regions: _Regions
) -> tuple[list[tuple[Any, str | None]], np.ndarray]:
    """The distinct (phone, region) pairs other than a missing phone, and each record's number
    among them (0: no phone): a number is read once per region it occurs in."""
    combined = codes.astype(np.int64) * len(regions.names) + regions.codes
    combined[codes == 0] = 0
    distinct = np.unique(np.concatenate((np.zeros(1, dtype=np.int64), combined)))
    numbers = np.searchsorted(distinct, combined).astype(np.int32)
    size = len(regions.names)
    pairs = [(raw[c // size], regions.names[c % size]) for c in distinct[1:].tolist()]
    return pairs, numbers


def _named_mailboxes(prepared: Prepared) -> None:
    """Which records' mailbox is made of their surname (john.smith@, jsmith@, smith.j@)."""
    email = prepared.first(FieldType.EMAIL)
    last = prepared.first(FieldType.LAST_NAME, FieldType.FULL_NAME)
    if not email or not last:
        return
    surname = prepared.columns[last]
    if prepared.types[last] is FieldType.FULL_NAME:
        surname = surname.derive(lambda v: v.rsplit(" ", 1)[-1])
    letters = surname.derive(lambda v: v.replace(" ", ""))
    emails = prepared.columns[email].strings().tolist()
    names = letters.strings().tolist()
    prepared.numbers[f"{email}:named"] = np.array(
        [bool(n) and n in e.partition("@")[0] for e, n in zip(emails, names, strict=True)],
        dtype=bool,
    )


def _cells(rows: Sequence[Mapping[str, object]], column: str) -> list[object]:
    """The column's value in every row (None where a row lacks it)."""
    try:
        return list(map(itemgetter(column), rows))  # the usual case, and twice as fast
    except KeyError:
        return [row.get(column) for row in rows]


def _chain_empty(values: Iterable[str]) -> Iterator[str]:
    yield ""  # raw code 0 is a missing value
    yield from values


def _normalise_phone(phones: PhoneTemplates, value: object, region: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):  # as normalise() does
        return value.isoformat()[:10]
    text = str(value).strip()
    return phones(text, region) if text else ""


def _swapped(value: str) -> str:
    return f"{value[:4]}-{value[8:10]}-{value[5:7]}"


def _derive(prepared: Prepared, column: str, kind: FieldType, values: Column) -> None:
    keys, numbers = prepared.keys, prepared.numbers
    if kind in NAME_TYPES:
        # A full name sounds like its last word (the surname), other names like their first.
        last_word = kind is FieldType.FULL_NAME
        keys[f"{column}:phonetic"] = values.derive(
            lambda v: phonetic(v.split(" ")[-1] if last_word else v)
        )
    elif kind is FieldType.PHONE:
        numbers[f"{column}:tail"] = values.hashed(lambda v: v[-7:])
    elif kind is FieldType.POSTCODE:
        numbers[f"{column}:head"] = values.hashed(lambda v: v[:3])
    elif kind is FieldType.DATE:
        # Day numbers for closeness; the day/month swapped form for transpositions, coded in
        # the column's own vocabulary (-1 where that date does not occur) so that it compares
        # with the other record's code.
        numbers[f"{column}:days"] = values.per_value(
            lambda v: date.fromisoformat(v).toordinal() if v else np.nan, float
        )
        position = {v: i for i, v in enumerate(values.vocab.tolist())}
        swapped = np.array(
            [position.get(_swapped(v), -1) if v else -1 for v in values.vocab.tolist()],
            dtype=np.int32,
        )
        numbers[f"{column}:swapped"] = swapped[values.codes]
    elif kind is FieldType.NUMBER:
        numbers[f"{column}:number"] = values.per_value(lambda v: float(v) if v else np.nan, float)
    elif kind is FieldType.EMAIL:
        numbers[f"{column}:local"] = values.hashed(lambda v: v.split("@", 1)[0])
        numbers[f"{column}:initial"] = values.hashed(lambda v: v[:1])
        numbers[f"{column}:length"] = values.per_value(len, np.int32)
        numbers[f"{column}:letters"] = values.hashed(lambda v: _DIGITS.sub("", v))
        domains = values.derive(lambda v: v.split("@", 1)[1])
        keys[f"{column}:domain"] = domains
        numbers[f"{column}:free"] = domains.per_value(lambda d: bool(d) and is_free_mail(d), bool)
