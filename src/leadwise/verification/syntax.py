"""Syntax and normalisation: the lead normaliser's rules (email-validator with DNS off, behind
a regex fast path that gives identical verdicts), plus the ASCII domain DNS and SMTP need."""

from __future__ import annotations

from dataclasses import dataclass

import idna

from leadwise.leads.normalize import InvalidValue, normalize_email


@dataclass(frozen=True, slots=True)
class Address:
    normalized: str  # NFC, domain lower-case (Unicode for IDN domains), as leads store it
    local: str
    domain: str
    ascii_domain: str  # punycode: what DNS and RCPT TO use

    @property
    def smtp_address(self) -> str:
        return f"{self.local}@{self.ascii_domain}"


class InvalidAddress(ValueError):
    """Not an email address; the message (email-validator's) says why."""


def parse_address(raw: str) -> Address:
    try:
        normalized = normalize_email(raw)
    except InvalidValue as error:
        raise InvalidAddress(str(error)) from None
    local, _, domain = normalized.rpartition("@")
    if domain.isascii():
        return Address(normalized, local, domain, domain)
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii").lower()
    except idna.IDNAError as error:  # email-validator accepted it, so this is not expected
        raise InvalidAddress(f"The domain cannot be encoded for DNS: {error}") from None
    return Address(normalized, local, domain, ascii_domain)
