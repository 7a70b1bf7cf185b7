"""Normalisation of contact data as leads come in (pure functions).

Emails keep what was entered and get a normalised twin (NFC, lower-case domain) used for
matching; phones keep the raw input and get E.164 when they parse.
"""

from __future__ import annotations

import unicodedata

import phonenumbers
from email_validator import EmailNotValidError, validate_email


class InvalidValue(ValueError):
    """A value that cannot be normalised; the message says why, for the API's 422."""


def normalize_email(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw.strip())
    try:
        checked = validate_email(text, check_deliverability=False)
    except EmailNotValidError as error:
        raise InvalidValue(str(error)) from None
    local, _, domain = checked.normalized.rpartition("@")
    return f"{local}@{domain.lower()}"


def normalize_phone(raw: str, default_region: str | None) -> str:
    """E.164; numbers without a country code need the lead's (or workspace's) country."""
    try:
        number = phonenumbers.parse(raw, (default_region or "").upper() or None)
    except phonenumbers.NumberParseException as error:
        raise InvalidValue(f"not a phone number: {error}") from None
    if not phonenumbers.is_possible_number(number) or not phonenumbers.is_valid_number(number):
        raise InvalidValue("not a valid phone number for its country")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def email_domain(normalized_email: str) -> str:
    return normalized_email.rpartition("@")[2]
