"""Column mapping suggestions for imports: synonyms, fuzzy headers, custom fields."""

from __future__ import annotations

from leadwise.import_export.mapping import check, suggest


def targets(columns: list[str], custom: dict[str, str] | None = None) -> dict[str, str | None]:
    return {s.column: s.target for s in suggest(columns, custom)}


def test_headers_in_several_languages():
    assert targets(
        [
            "Vorname",
            "Nachname",
            "E-Mail",
            "Telefon",
            "Firma",
            "Position",
            "Stadt",
            "Land",
            "Notizen",
        ]
    ) == {
        "Vorname": "first_name",
        "Nachname": "last_name",
        "E-Mail": "email",
        "Telefon": "phone",
        "Firma": "company_name",
        "Position": "job_title",
        "Stadt": "city",
        "Land": "country",
        "Notizen": "notes",
    }
    assert targets(["Email Address", "Company Website", "UTM Campaign", "Tags", "Lead ID"]) == {
        "Email Address": "email",
        "Company Website": "website",
        "UTM Campaign": "utm_campaign",
        "Tags": "tags",
        "Lead ID": "external_id",
    }


def test_fuzzy_headers_and_unknown_columns():
    result = {s.column: s for s in suggest(["Emial", "Frist Name", "Shoe size"])}
    assert result["Emial"].target == "email"
    assert result["Emial"].reason.startswith("similar to")
    assert result["Frist Name"].target == "first_name"
    assert result["Shoe size"].target is None


def test_custom_fields_by_key_or_label_and_one_column_per_field():
    result = targets(["Seats wanted", "email", "E-Mail"], {"seats": "Seats wanted"})
    assert result == {"Seats wanted": "custom:seats", "email": "email", "E-Mail": None}


def test_checking_a_users_mapping():
    problems = check(
        {"E-Mail": "email", "Mail": "email", "Size": "custom:size", "X": "salary", "Gone": None},
        ["E-Mail", "Mail", "Size", "X"],
        {"seats"},
    )
    assert problems == [
        "no column 'Gone' in the file",
        "'Mail' and 'E-Mail' both go to 'email'",
        "'Size': no custom field 'size'",
        "'X': 'salary' is not a lead field",
    ]
