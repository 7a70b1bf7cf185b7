"""Normalisation of contact data as leads come in (pure functions).

Emails keep what was entered and get a normalised twin (NFC, lower-case domain) used for
matching; phones keep the raw input and get E.164 when they parse.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from email_validator import SPECIAL_USE_DOMAIN_NAMES, EmailNotValidError, validate_email
from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES

# The plain shape most addresses have, which email-validator accepts unchanged apart from the
# domain's case: checked here at regex speed (an import normalises a million of them), every
# other address goes through email-validator. A property test keeps the two in agreement.
_PLAIN_EMAIL = re.compile(
    r"(?P<local>[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*)"
    r"@(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})"
)
_SPECIAL_SUFFIXES = tuple("." + name for name in SPECIAL_USE_DOMAIN_NAMES)


class InvalidValue(ValueError):
    """A value that cannot be normalised; the message says why, for the API's 422."""


def normalize_email(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw.strip())
    plain = _PLAIN_EMAIL.fullmatch(text)
    if plain is not None and len(text) <= 254 and len(plain["local"]) <= 64:
        domain = plain["domain"].lower()
        special = domain in SPECIAL_USE_DOMAIN_NAMES or domain.endswith(_SPECIAL_SUFFIXES)
        if not special and "xn--" not in domain:  # punycode: email-validator decodes it
            local = plain["local"]
            if local.lower() in CASE_INSENSITIVE_MAILBOX_NAMES:  # RFC 2142: info@, sales@, ...
                local = local.lower()
            return f"{local}@{domain}"
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
