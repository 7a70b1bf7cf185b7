"""The verdict: statuses, documented sub-statuses, the score table and the result record.

Every sub-status belongs to exactly one status, so `sub_status` alone tells the verdict and
why; the score starts from the sub-status's base and moves by a few documented checks.
docs/verification.md mirrors these tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    ACCEPT_ALL = "accept_all"
    DISPOSABLE = "disposable"
    UNKNOWN = "unknown"


class SubStatus(StrEnum):
    # valid
    ACCEPTED = "accepted"
    ROLE = "role"
    # accept_all
    CATCH_ALL = "catch_all"
    # disposable
    DISPOSABLE = "disposable"
    # invalid
    INVALID_SYNTAX = "invalid_syntax"
    NO_DOMAIN = "no_domain"
    NO_MX = "no_mx"
    NULL_MX = "null_mx"
    MAILBOX_NOT_FOUND = "mailbox_not_found"
    MAILBOX_DISABLED = "mailbox_disabled"
    # unknown
    MAILBOX_FULL = "mailbox_full"
    GREYLISTED = "greylisted"
    BLOCKED = "blocked"
    TEMPORARY_FAILURE = "temporary_failure"
    REJECTED = "rejected"
    CATCH_ALL_UNKNOWN = "catch_all_unknown"
    TIMEOUT = "timeout"
    DISCONNECTED = "disconnected"
    UNREACHABLE = "unreachable"
    PRIVATE_MX = "private_mx"
    SMTPUTF8_UNSUPPORTED = "smtputf8_unsupported"
    DNS_ERROR = "dns_error"
    DNS_TIMEOUT = "dns_timeout"
    SMTP_SKIPPED = "smtp_skipped"


# sub_status -> (status, base score). The score says how likely mail to the address is
# delivered to a person: 95 when the mailbox was accepted, 0 when it certainly bounces.
SCORE_TABLE: dict[SubStatus, tuple[Status, int]] = {
    SubStatus.ACCEPTED: (Status.VALID, 95),
    SubStatus.ROLE: (Status.VALID, 95),
    SubStatus.CATCH_ALL: (Status.ACCEPT_ALL, 55),
    SubStatus.DISPOSABLE: (Status.DISPOSABLE, 10),
    SubStatus.INVALID_SYNTAX: (Status.INVALID, 0),
    SubStatus.NO_DOMAIN: (Status.INVALID, 0),
    SubStatus.NO_MX: (Status.INVALID, 0),
    SubStatus.NULL_MX: (Status.INVALID, 0),
    SubStatus.MAILBOX_NOT_FOUND: (Status.INVALID, 0),
    SubStatus.MAILBOX_DISABLED: (Status.INVALID, 0),
    SubStatus.SMTP_SKIPPED: (Status.UNKNOWN, 50),
    SubStatus.CATCH_ALL_UNKNOWN: (Status.UNKNOWN, 50),
    SubStatus.GREYLISTED: (Status.UNKNOWN, 45),
    SubStatus.BLOCKED: (Status.UNKNOWN, 40),
    SubStatus.TEMPORARY_FAILURE: (Status.UNKNOWN, 40),
    SubStatus.TIMEOUT: (Status.UNKNOWN, 40),
    SubStatus.DISCONNECTED: (Status.UNKNOWN, 40),
    SubStatus.SMTPUTF8_UNSUPPORTED: (Status.UNKNOWN, 40),
    SubStatus.UNREACHABLE: (Status.UNKNOWN, 30),
    SubStatus.DNS_ERROR: (Status.UNKNOWN, 30),
    SubStatus.DNS_TIMEOUT: (Status.UNKNOWN, 30),
    SubStatus.MAILBOX_FULL: (Status.UNKNOWN, 25),
    SubStatus.REJECTED: (Status.UNKNOWN, 20),
    SubStatus.PRIVATE_MX: (Status.UNKNOWN, 20),
}

# What each sub-status means, for people (the result's `reason` starts with it).
DESCRIPTIONS: dict[SubStatus, str] = {
    SubStatus.ACCEPTED: "The mail server accepted the mailbox and refuses made-up ones",
    SubStatus.ROLE: "The mail server accepted the mailbox; it is a role account, not a person",
    SubStatus.CATCH_ALL: "The domain accepts any address, so this one cannot be confirmed",
    SubStatus.DISPOSABLE: "A disposable (throw-away) mail domain",
    SubStatus.INVALID_SYNTAX: "Not a valid email address",
    SubStatus.NO_DOMAIN: "The domain does not exist",
    SubStatus.NO_MX: "The domain has no mail server",
    SubStatus.NULL_MX: "The domain declares that it accepts no mail (null MX)",
    SubStatus.MAILBOX_NOT_FOUND: "The mail server says there is no such mailbox",
    SubStatus.MAILBOX_DISABLED: "The mail server says the mailbox is disabled",
    SubStatus.MAILBOX_FULL: "The mailbox exists but is full",
    SubStatus.GREYLISTED: "The mail server asked us to try again later (greylisting)",
    SubStatus.BLOCKED: "The mail server refused to talk to us (policy, blocklist or too busy)",
    SubStatus.TEMPORARY_FAILURE: "The mail server had a temporary problem",
    SubStatus.REJECTED: "The mail server refused the address without saying why",
    SubStatus.CATCH_ALL_UNKNOWN: (
        "The mailbox was accepted, but whether the domain accepts any address is not known"
    ),
    SubStatus.TIMEOUT: "The mail servers did not answer in time",
    SubStatus.DISCONNECTED: "The mail server hung up before answering",
    SubStatus.UNREACHABLE: "No mail server of the domain could be reached",
    SubStatus.PRIVATE_MX: "The domain's mail servers are at private addresses; not contacted",
    SubStatus.SMTPUTF8_UNSUPPORTED: (
        "The address has non-ASCII characters and the mail server does not support them"
    ),
    SubStatus.DNS_ERROR: "DNS failed (SERVFAIL or refused); try again later",
    SubStatus.DNS_TIMEOUT: "DNS did not answer in time; try again later",
    SubStatus.SMTP_SKIPPED: "The domain takes mail; the mailbox was not checked (SMTP off)",
}

# Checks that move the base score of an address that is not invalid.
ROLE_PENALTY = 10  # a shared inbox (info@, sales@): read, but rarely by the person you want
TYPO_PENALTY = 30  # the domain looks like a typo of a well-known one
IMPLICIT_MX_PENALTY = 10  # no MX record: mail goes to the domain's A/AAAA host (RFC 5321 5.1)


def score(sub_status: SubStatus, *, is_role: bool, has_suggestion: bool, implicit_mx: bool) -> int:
    status, base = SCORE_TABLE[sub_status]
    if status is Status.INVALID:
        return 0
    value = base
    if is_role:
        value -= ROLE_PENALTY
    if has_suggestion:
        value -= TYPO_PENALTY
    if implicit_mx:
        value -= IMPLICIT_MX_PENALTY
    return max(0, min(100, value))


@dataclass(frozen=True, slots=True)
class MxHost:
    host: str
    preference: int


@dataclass(frozen=True, slots=True)
class SmtpReply:
    """What an MX answered (or, for a connection that failed, what happened instead)."""

    host: str
    code: int | None
    enhanced: str | None
    message: str


@dataclass(slots=True)
class VerificationResult:
    email: str
    normalized: str | None
    sub_status: SubStatus
    reason: str  # the verdict in one sentence, for people
    checked_at: datetime
    duration_ms: int = 0
    suggestion: str | None = None
    is_disposable: bool = False
    is_role: bool = False
    is_free: bool = False
    is_catch_all: bool | None = None  # None: not established
    mx: list[MxHost] = field(default_factory=list)
    smtp: SmtpReply | None = None
    implicit_mx: bool = False

    @property
    def status(self) -> Status:
        return SCORE_TABLE[self.sub_status][0]

    @property
    def score(self) -> int:
        return score(
            self.sub_status,
            is_role=self.is_role,
            has_suggestion=self.suggestion is not None,
            implicit_mx=self.implicit_mx,
        )

    def to_dict(self) -> dict[str, Any]:
        """The result contract shared by the API, the CLI and the lead's stored verification."""
        return {
            "email": self.email,
            "normalized": self.normalized,
            "status": self.status.value,
            "sub_status": self.sub_status.value,
            "score": self.score,
            "reason": self.reason,
            "suggestion": self.suggestion,
            "is_disposable": self.is_disposable,
            "is_role": self.is_role,
            "is_free": self.is_free,
            "is_catch_all": self.is_catch_all,
            "mx": [{"host": mx.host, "preference": mx.preference} for mx in self.mx],
            "smtp": None
            if self.smtp is None
            else {
                "host": self.smtp.host,
                "code": self.smtp.code,
                "enhanced": self.smtp.enhanced,
                "message": self.smtp.message,
            },
            "checked_at": self.checked_at.isoformat(),
            "duration_ms": self.duration_ms,
        }
