"""Records to comparable columns: each field normalised for its type, once, as numpy arrays.

Everything downstream (blocking keys, comparisons) works on these arrays by index, so no
per-pair Python work repeats the normalisation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

import jellyfish
import numpy as np
import phonenumbers

from leadwise.companies.domains import is_free_mail
from leadwise.dedupe.fields import FieldType

_NON_WORD = re.compile(r"[^a-z0-9@.+ ]+")
_SPACES = re.compile(r"\s+")
_COMPANY_SUFFIXES = re.compile(
    r"\b(inc|incorporated|llc|ltd|limited|plc|gmbh|ag|sa|sas|sarl|bv|nv|srl|spa|co|corp|"
    r"corporation|company|oy|ab|as|kg|ug)\b\.?"
)
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y/%m/%d", "%d-%m-%Y", "%Y%m%d")


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
        digits = re.sub(r"\D", "", value)
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


@dataclass
class Prepared:
    """The records as columns: `values[field]` is an object array of normalised strings."""

    ids: np.ndarray
    types: dict[str, FieldType]
    values: dict[str, np.ndarray] = field(default_factory=dict)
    # Derived columns for blocking and comparison: "<field>:phonetic", "<field>:local", ...
    derived: dict[str, np.ndarray] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def compared_fields(self) -> list[str]:
        return [
            name
            for name, kind in self.types.items()
            if kind not in (FieldType.ID, FieldType.IGNORE)
        ]


def prepare(
    records: Iterable[Mapping[str, object]],
    types: Mapping[str, FieldType],
    *,
    id_column: str | None = None,
    default_region: str | None = None,
) -> Prepared:
    rows = list(records)
    ids = np.array(
        [
            str(row.get(id_column, index)) if id_column else str(index)
            for index, row in enumerate(rows)
        ],
        dtype=object,
    )
    prepared = Prepared(ids=ids, types=dict(types))
    country_column = next((c for c, k in types.items() if k is FieldType.COUNTRY), None)
    # Phone numbers without a +code are read in the row's country, else the default region.
    regions = [
        (str(row.get(country_column) or "").upper()[:2] if country_column else "") or default_region
        for row in rows
    ]
    for column in prepared.compared_fields():
        kind = types[column]
        column_values = [
            normalise(kind, row.get(column), region)
            for row, region in zip(rows, regions, strict=True)
        ]
        prepared.values[column] = np.array(column_values, dtype=object)
        if kind in (FieldType.FIRST_NAME, FieldType.LAST_NAME, FieldType.FULL_NAME):
            prepared.derived[f"{column}:phonetic"] = np.array(
                [
                    phonetic(v.split(" ")[-1] if kind is FieldType.FULL_NAME else v)
                    for v in column_values
                ],
                dtype=object,
            )
        if kind is FieldType.PHONE:
            prepared.derived[f"{column}:tail"] = np.array(
                [v[-7:] for v in column_values], dtype=object
            )
        if kind is FieldType.POSTCODE:
            prepared.derived[f"{column}:head"] = np.array(
                [v[:3] for v in column_values], dtype=object
            )
        if kind is FieldType.DATE:
            # Day numbers for closeness, and the day/month swapped form for transpositions.
            prepared.derived[f"{column}:days"] = np.array(
                [date.fromisoformat(v).toordinal() if v else np.nan for v in column_values],
                dtype=float,
            )
            prepared.derived[f"{column}:swapped"] = np.array(
                [f"{v[:4]}-{v[8:10]}-{v[5:7]}" if v else "" for v in column_values], dtype=object
            )
        if kind is FieldType.NUMBER:
            prepared.derived[f"{column}:number"] = np.array(
                [float(v) if v else np.nan for v in column_values], dtype=float
            )
        if kind is FieldType.EMAIL:
            prepared.derived[f"{column}:local"] = np.array(
                [v.split("@", 1)[0] for v in column_values], dtype=object
            )
            domains = [v.split("@", 1)[1] if v else "" for v in column_values]
            prepared.derived[f"{column}:domain"] = np.array(domains, dtype=object)
            prepared.derived[f"{column}:free"] = np.array(
                [bool(d) and is_free_mail(d) for d in domains], dtype=bool
            )
    return prepared
