"""Row mapping and value normalisation of imports (pure functions)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadwise.import_export.import_rows import (
    CustomField,
    DateOrder,
    RowMapper,
    parse_bool,
    parse_country,
    parse_date,
    parse_number,
    split_name,
)
from leadwise.leads import normalize
from leadwise.leads.normalize import InvalidValue, normalize_email
from leadwise.models import CustomFieldType


def _slow_email(raw: str) -> str:
    """The email-validator path alone, as it was before the fast path."""
    from email_validator import validate_email

    checked = validate_email(raw.strip(), check_deliverability=False)
    local, _, domain = checked.normalized.rpartition("@")
    return f"{local}@{domain.lower()}"


LOCAL_PARTS = st.lists(
    st.sampled_from(
        ["jane", "J", "doe", ".", "_", "+", "-", "%", "ä", '"', " ", "9", "Info", "SALES"]
    ),
    min_size=1,
    max_size=6,
).map("".join)
LABELS = st.sampled_from(
    ["example", "Example", "xn--bcher-kva", "bücher", "-bad", "a-b", "9", "x" * 64, ""]
)
TLDS = st.sampled_from(["com", "DE", "test", "local", "onion", "c", "123", "xn--p1ai", "co.uk"])
ADDRESSES = st.builds(
    lambda local, labels, tld: f"{local}@{'.'.join([*labels, tld])}",
    LOCAL_PARTS,
    st.lists(LABELS, min_size=0, max_size=3),
    TLDS,
)


@settings(max_examples=3000, deadline=None)
@given(ADDRESSES)
def test_the_fast_email_path_agrees_with_email_validator(text: str) -> None:
    try:
        expected: str | None = _slow_email(text)
    except Exception:
        expected = None
    try:
        got: str | None = normalize_email(text)
    except InvalidValue:
        got = None
    assert got == expected


def test_the_fast_path_takes_plain_addresses() -> None:
    assert normalize._PLAIN_EMAIL.fullmatch("Jane.Doe+news@Example.CO.uk")
    assert normalize_email(" Jane.Doe+news@Example.CO.uk ") == "Jane.Doe+news@example.co.uk"
    with pytest.raises(InvalidValue):
        normalize_email("jane@printer.local")


@pytest.mark.parametrize(
    ("text", "number"),
    [("1234.5", 1234.5), ("1,234.50", 1234.5), ("1.234,50", 1234.5), ("€ 1 200", 1200.0),
     ("12,5", 12.5), ("-3", -3.0), ("1.234", 1234.0), ("USD 99", 99.0)],
)  # fmt: skip
def test_numbers_in_either_decimal_style(text: str, number: float) -> None:
    assert parse_number(text) == number


def test_countries_by_name_in_several_languages_or_code() -> None:
    for text in ("Deutschland", "germany", "DE", "Allemagne", "Alemania", "deu"):
        assert parse_country(text) == "DE"
    assert parse_country("Österreich") == "AT"
    assert parse_country("USA") == parse_country("United States") == "US"
    with pytest.raises(InvalidValue, match="not a country"):
        parse_country("Atlantis")


def test_dates_bools_and_names() -> None:
    assert parse_date("03/04/2026", DateOrder.DAY_FIRST) == "2026-04-03"
    assert parse_date("03/04/2026", DateOrder.MONTH_FIRST) == "2026-03-04"
    assert parse_date("22.11.2026", DateOrder.DAY_FIRST) == "2026-11-22"
    assert parse_date("2026-11-22T10:00:00", DateOrder.DAY_FIRST) == "2026-11-22"
    with pytest.raises(InvalidValue):
        parse_date("31/02/2026", DateOrder.DAY_FIRST)
    assert parse_bool("Ja") is True
    assert parse_bool("no") is False
    with pytest.raises(InvalidValue):
        parse_bool("maybe")
    assert split_name("Doe, Jane") == ("Jane", "Doe")
    assert split_name("Jane  Q. Doe") == ("Jane Q.", "Doe")


def test_a_row_is_mapped_and_normalised() -> None:
    mapper = RowMapper(
        {
            "Name": "full_name",
            "E-Mail": "email",
            "Tel": "phone",
            "Land": "country",
            "Tags": "tags",
            "Budget": "value",
            "Seit": "custom:since",
            "Größe": "custom:size",
            "Ignored": None,
        },
        [
            CustomField("since", CustomFieldType.DATE),
            CustomField("size", CustomFieldType.SELECT, ("Small", "Large")),
        ],
        default_region="GB",
    )
    row = mapper.map(
        {
            "Name": "Müller, Anna",
            "E-Mail": "Anna.Mueller@Example.DE",
            "Tel": "030 1234567",  # read as German: the row's country wins over the default
            "Land": "Deutschland",
            "Tags": "fair; vip ,, ",
            "Budget": "1.500,00 €",
            "Seit": "01.02.2020",
            "Größe": "large",
            "Ignored": "x",
        },
        7,
    )
    assert not row.problems
    assert row.number == 7
    assert row.fields == {
        "first_name": "Anna",
        "last_name": "Müller",
        "email": "Anna.Mueller@Example.DE",
        "email_normalized": "Anna.Mueller@example.de",
        "phone_e164": "+49301234567",
        "phone_raw": "030 1234567",
        "country": "DE",
        "value": 150000,
    }
    assert row.tags == ["fair", "vip"]
    assert row.custom_fields == {"since": "2020-02-01", "size": "Large"}


def test_bad_cells_are_reported_and_a_bad_email_fails_the_row() -> None:
    mapper = RowMapper(
        {"email": "email", "phone": "phone", "first": "first_name", "n": "custom:n"},
        [CustomField("n", CustomFieldType.NUMBER)],
    )
    kept = mapper.map({"email": "", "phone": "12", "first": "Ada", "n": "lots"}, 1)
    assert not kept.failed
    assert kept.fields == {"first_name": "Ada"}
    assert sorted(p.column for p in kept.problems) == ["n", "phone"]
    failed = mapper.map({"email": "ada@", "phone": "", "first": "Ada", "n": ""}, 2)
    assert failed.failed
    assert failed.problems[0].column == "email"
    nobody = mapper.map({"email": "", "phone": "", "first": "", "n": "3"}, 3)
    assert nobody.failed
    assert "needs at least" in nobody.problems[0].reason
    too_long = mapper.map({"email": "", "phone": "", "first": "A" * 200, "n": ""}, 4)
    assert too_long.failed  # the only identifying value was refused
