"""What each column is: a field type, guessed from its name (in several languages) unless told."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class FieldType(StrEnum):
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    FULL_NAME = "full_name"
    EMAIL = "email"
    PHONE = "phone"
    COMPANY = "company"
    DOMAIN = "domain"
    TITLE = "title"
    STREET = "street"
    CITY = "city"
    POSTCODE = "postcode"
    STATE = "state"
    COUNTRY = "country"
    DATE = "date"
    NUMBER = "number"
    TEXT = "text"  # any other column: compared as text
    ID = "id"  # the record's identifier: never compared
    IGNORE = "ignore"


# Header words per type, normalised (lower case, no accents, no punctuation or spaces).
SYNONYMS: dict[FieldType, tuple[str, ...]] = {
    FieldType.ID: ("id", "recordid", "uniqueid", "leadid", "contactid", "uuid", "key"),
    FieldType.FIRST_NAME: (
        "firstname",
        "givenname",
        "forename",
        "first",
        "fname",
        "vorname",
        "prenom",
        "nombre",
        "nome",
        "voornaam",
    ),
    FieldType.LAST_NAME: (
        "lastname",
        "surname",
        "familyname",
        "last",
        "lname",
        "nachname",
        "nom",
        "apellido",
        "apellidos",
        "cognome",
        "achternaam",
    ),
    FieldType.FULL_NAME: ("name", "fullname", "contactname", "contact", "person", "naam"),
    FieldType.EMAIL: (
        "email",
        "emailaddress",
        "mail",
        "emailadresse",
        "courriel",
        "correo",
        "correoelectronico",
        "workemail",
        "businessemail",
    ),
    FieldType.PHONE: (
        "phone",
        "phonenumber",
        "telephone",
        "tel",
        "mobile",
        "mobilephone",
        "cell",
        "telefon",
        "telefono",
        "telefone",
        "handy",
        "workphone",
    ),
    FieldType.COMPANY: (
        "company",
        "companyname",
        "organisation",
        "organization",
        "org",
        "account",
        "employer",
        "firma",
        "unternehmen",
        "empresa",
        "societe",
        "entreprise",
        "azienda",
        "bedrijf",
    ),
    FieldType.DOMAIN: ("domain", "website", "web", "url", "companywebsite", "homepage", "webseite"),
    FieldType.TITLE: (
        "title",
        "jobtitle",
        "position",
        "role",
        "jobrole",
        "funktion",
        "poste",
        "cargo",
    ),
    FieldType.STREET: (
        "street",
        "address",
        "streetaddress",
        "address1",
        "strasse",
        "adresse",
        "direccion",
        "rue",
    ),
    FieldType.CITY: ("city", "town", "locality", "stadt", "ort", "ville", "ciudad", "citta"),
    FieldType.POSTCODE: (
        "postcode",
        "postalcode",
        "zip",
        "zipcode",
        "plz",
        "postleitzahl",
        "codepostal",
        "cp",
    ),
    FieldType.STATE: ("state", "region", "province", "county", "bundesland", "provincia"),
    FieldType.COUNTRY: ("country", "countrycode", "land", "pays", "pais", "paese", "nation"),
    FieldType.DATE: (
        "date",
        "dob",
        "dateofbirth",
        "birthdate",
        "birthday",
        "geburtsdatum",
        "createdat",
        "created",
    ),
    FieldType.NUMBER: ("age", "employees", "revenue", "amount", "value", "score"),
}
_LOOKUP = {word: field for field, words in SYNONYMS.items() for word in words}


def header_key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", folded)


def guess_type(column: str) -> FieldType:
    """`E-Mail` and `Email Address` are emails, `Firma` a company; unknown columns are text."""
    key = header_key(column)
    if key in _LOOKUP:
        return _LOOKUP[key]
    for word, field in sorted(_LOOKUP.items(), key=lambda item: -len(item[0])):
        if len(word) >= 4 and (key.endswith(word) or key.startswith(word)):
            return field
    return FieldType.TEXT


def map_columns(
    columns: list[str], overrides: dict[str, str] | None = None
) -> dict[str, FieldType]:
    """Each column's type: the override when given (`--map col=type`), else the guess."""
    overrides = overrides or {}
    unknown = sorted(set(overrides) - set(columns))
    if unknown:
        raise ValueError(f"no such column: {', '.join(unknown)}")
    return {
        column: FieldType(overrides[column]) if column in overrides else guess_type(column)
        for column in columns
    }
