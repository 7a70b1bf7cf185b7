"""One row of an imported file → the lead fields it fills (pure functions, no database).

Values are normalised as a user would expect: emails checked, phones to E.164 with the row's
country or the import's default region, countries to ISO codes (names in many languages),
numbers in either decimal style, dates in the common orders, yes/no words. A value that
cannot be read is reported for its cell; a row keeps its other values unless the problem is
with the email (it is how leads are matched) or nothing identifies the person at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any

from phonenumbers.geodata.locale import LOCALE_DATA

from leadwise.import_export.mapping import CUSTOM_PREFIX
from leadwise.leads.normalize import InvalidValue, normalize_email, normalize_phone
from leadwise.models import CustomFieldType, Lifecycle

MAX_CELL_CHARS = 10_000
TEXT_LIMITS = {  # the column sizes of `leads`
    "first_name": 128,
    "last_name": 128,
    "job_title": 200,
    "company_name": 300,
    "website": 2048,
    "city": 200,
    "external_id": 200,
    "utm_source": 200,
    "utm_medium": 200,
    "utm_campaign": 200,
    "utm_term": 200,
    "utm_content": 200,
}
TAG_SPLIT = re.compile(r"[,;|]")
MAX_TAG_CHARS = 64
TRUE_WORDS = {"true", "yes", "y", "1", "x", "on", "ja", "oui", "si", "sí", "wahr"}
FALSE_WORDS = {"false", "no", "n", "0", "off", "nein", "non", "falsch", ""}
# Alpha-3 codes and everyday names that the phone library's country names do not cover.
COUNTRY_ALIASES = {
    "usa": "US", "us": "US", "u.s.": "US", "u.s.a.": "US", "united states of america": "US",
    "america": "US", "uk": "GB", "u.k.": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "great britain": "GB", "britain": "GB", "gbr": "GB", "deu": "DE",
    "ger": "DE", "fra": "FR", "esp": "ES", "ita": "IT", "nld": "NL", "holland": "NL",
    "aut": "AT", "che": "CH", "schweiz": "CH", "suisse": "CH", "bel": "BE", "lux": "LU",
    "pol": "PL", "prt": "PT", "swe": "SE", "nor": "NO", "dnk": "DK", "fin": "FI", "irl": "IE",
    "can": "CA", "aus": "AU", "nzl": "NZ", "jpn": "JP", "chn": "CN", "ind": "IN", "bra": "BR",
    "mex": "MX", "zaf": "ZA", "rus": "RU", "tur": "TR", "isr": "IL", "are": "AE", "uae": "AE",
    "sgp": "SG", "kor": "KR", "south korea": "KR", "czechia": "CZ", "cze": "CZ",
}  # fmt: skip
LIFECYCLE_WORDS = {member.value: member for member in Lifecycle} | {
    "marketing qualified lead": Lifecycle.MQL,
    "sales qualified lead": Lifecycle.SQL,
    "opportunity": Lifecycle.OPPORTUNITY,
    "customer": Lifecycle.CUSTOMER,
    "kunde": Lifecycle.CUSTOMER,
    "client": Lifecycle.CUSTOMER,
    "unqualified": Lifecycle.DISQUALIFIED,
}


class DateOrder(StrEnum):
    DAY_FIRST = "dmy"  # 03/04/2026 is the 3rd of April
    MONTH_FIRST = "mdy"  # ... the 4th of March


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for region, by_language in LOCALE_DATA.items():
        if not region.isalpha():
            continue  # "001": non-geographic
        for name in by_language.values():
            if name and not name.startswith("*"):  # "*xx": the same as language xx
                names.setdefault(fold(name), region)
        names[region.lower()] = region
    for alias, region in COUNTRY_ALIASES.items():
        names[alias] = region
    return names


def parse_country(text: str) -> str:
    region = _country_names().get(fold(text))
    if region is None:
        raise InvalidValue(f"not a country we know: {text!r} (use a name or an ISO code)")
    return region


_NUMBER_TRIM = re.compile(r"[^\d,.\-]")


def parse_number(text: str) -> float:
    """`1234.5`, `1,234.50`, `1.234,50`, `€ 1 200`: the last separator followed by 1-2 digits
    (or a lone comma) is the decimal one."""
    cleaned = _NUMBER_TRIM.sub("", text)
    if not cleaned or cleaned in "-.,":
        raise InvalidValue(f"not a number: {text!r}")
    last = max(cleaned.rfind(","), cleaned.rfind("."))
    if last >= 0:
        decimals = cleaned[last + 1 :]
        is_decimal = len(decimals) in (1, 2) or (
            cleaned.count(cleaned[last]) == 1 and len(decimals) != 3
        )
        whole = re.sub(r"[,.]", "", cleaned[:last])
        cleaned = f"{whole}.{decimals}" if is_decimal else whole + decimals
    try:
        return float(cleaned)
    except ValueError:
        raise InvalidValue(f"not a number: {text!r}") from None


DATE_FORMATS = {
    DateOrder.DAY_FIRST: ("%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%y", "%d/%m/%y"),
    DateOrder.MONTH_FIRST: ("%m/%d/%Y", "%m-%d-%Y", "%m/%d/%y", "%d.%m.%Y"),
}
COMMON_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%d %b %Y", "%d %B %Y", "%b %d, %Y")


def parse_date(text: str, order: DateOrder) -> str:
    value = text.strip()
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    for pattern in (*DATE_FORMATS[order], *COMMON_DATE_FORMATS):
        try:
            return datetime.strptime(value, pattern).date().isoformat()  # noqa: DTZ007 - a date
        except ValueError:
            continue
    raise InvalidValue(f"not a date: {text!r} (e.g. 2026-11-22)")


def parse_bool(text: str) -> bool:
    word = fold(text)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise InvalidValue(f"not yes or no: {text!r}")


def split_name(full: str) -> tuple[str, str]:
    """`Doe, Jane` and `Jane Q. Doe` → ("Jane", "Doe"); one word is a last name."""
    text = " ".join(full.split())
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    first, _, last = text.rpartition(" ")
    return first, last


@dataclass(frozen=True, slots=True)
class CustomField:
    key: str
    type: CustomFieldType
    options: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CellProblem:
    column: str | None
    value: str | None
    reason: str
    fatal: bool  # the row is not imported


@dataclass
class MappedRow:
    number: int  # 1 = the first data row
    fields: dict[str, Any] = field(default_factory=dict)  # lead columns
    custom_fields: dict[str, Any] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    problems: list[CellProblem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(problem.fatal for problem in self.problems)


IDENTIFYING = ("email_normalized", "phone_e164", "first_name", "last_name", "company_name")


class RowMapper:
    """Built once per import from its mapping and options; `map` is called for every row."""

    def __init__(
        self,
        mapping: Mapping[str, str | None],
        custom_fields: list[CustomField],
        *,
        default_region: str | None = None,
        date_order: DateOrder = DateOrder.DAY_FIRST,
    ) -> None:
        self.columns = [(column, target) for column, target in mapping.items() if target]
        self.custom = {definition.key: definition for definition in custom_fields}
        self.default_region = default_region
        self.date_order = date_order
        # The country decides how a phone number without a prefix is read.
        self.country_column = next((c for c, t in self.columns if t == "country"), None)

    def map(self, row: Mapping[str, str], number: int) -> MappedRow:
        result = MappedRow(number)
        country = self._country(row, result)
        for column, target in self.columns:
            raw = row.get(column)
            if raw is None:
                continue
            text = raw.replace("\x00", "").strip()  # NUL: no database text may hold it
            if not text or target == "country":
                continue
            if len(text) > MAX_CELL_CHARS:
                result.problems.append(
                    CellProblem(
                        column, text[:500], f"longer than {MAX_CELL_CHARS:,} characters", False
                    )
                )
                continue
            try:
                self._put(result, target, text, country)
            except InvalidValue as error:
                fatal = target == "email"
                result.problems.append(CellProblem(column, text[:500], str(error), fatal))
        if not result.failed and not any(result.fields.get(name) for name in IDENTIFYING):
            result.problems.append(
                CellProblem(
                    None, None, "needs at least a name, an email, a phone or a company", True
                )
            )
        return result

    def _country(self, row: Mapping[str, str], result: MappedRow) -> str | None:
        if self.country_column is None:
            return self.default_region
        text = (row.get(self.country_column) or "").replace("\x00", "").strip()
        if not text:
            return self.default_region
        try:
            result.fields["country"] = region = parse_country(text)
        except InvalidValue as error:
            result.problems.append(CellProblem(self.country_column, text[:500], str(error), False))
            return self.default_region
        return region

    def _put(self, result: MappedRow, target: str, text: str, country: str | None) -> None:
        fields = result.fields
        if target == "email":
            fields["email_normalized"] = normalize_email(text)
            fields["email"] = text
        elif target == "phone":
            fields["phone_e164"] = _phone(text, country)
            fields["phone_raw"] = text[:64]
        elif target == "full_name":
            first, last = split_name(text)
            fields.setdefault("first_name", first[:128])
            fields.setdefault("last_name", last[:128])
        elif target == "tags":
            result.tags.extend(_tags(text))
        elif target == "notes":
            result.note = text
        elif target == "lifecycle":
            stage = LIFECYCLE_WORDS.get(fold(text))
            if stage is None:
                raise InvalidValue(f"not a lifecycle stage: {text!r}")
            fields["lifecycle"] = stage.value
        elif target == "value":
            fields["value"] = round(parse_number(text) * 100)  # cents
        elif target == "do_not_contact":
            fields["do_not_contact"] = parse_bool(text)
        elif target.startswith(CUSTOM_PREFIX):
            key = target.removeprefix(CUSTOM_PREFIX)
            result.custom_fields[key] = self._custom(self.custom[key], text)
        else:
            limit = TEXT_LIMITS[target]
            if len(text) > limit:
                raise InvalidValue(f"longer than {limit} characters")
            fields[target] = text

    def _custom(self, definition: CustomField, text: str) -> Any:
        kind = definition.type
        if kind is CustomFieldType.NUMBER:
            number = parse_number(text)
            return int(number) if number.is_integer() else number
        if kind is CustomFieldType.BOOLEAN:
            return parse_bool(text)
        if kind is CustomFieldType.DATE:
            return parse_date(text, self.date_order)
        if kind is CustomFieldType.SELECT:
            by_fold = {fold(option): option for option in definition.options}
            option = by_fold.get(fold(text))
            if option is None:
                raise InvalidValue(f"not one of {', '.join(definition.options)}")
            return option
        return text


@lru_cache(maxsize=65536)
def _phone(text: str, country: str | None) -> str:
    return normalize_phone(text, country)


def _tags(text: str) -> list[str]:
    tags = []
    for part in TAG_SPLIT.split(text):
        tag = " ".join(part.split())[:MAX_TAG_CHARS]
        if tag and tag.isprintable():
            tags.append(tag)
    return tags
