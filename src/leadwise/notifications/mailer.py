"""Sending an email: the interface, and how a failure is told (retry later, or give up)."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Literal, Protocol

# What went wrong, for a person: the server could not be reached, did not answer in time,
# or answered with a refusal (`smtp_code`); "error" for anything else.
FailureReason = Literal["unreachable", "timeout", "refused", "error"]


class Mailer(Protocol):
    async def send(self, message: EmailMessage) -> None: ...


class SendFailure(Exception):
    def __init__(
        self, message: str, *, reason: FailureReason = "error", smtp_code: int | None = None
    ) -> None:
        super().__init__(message)
        self.reason: FailureReason = reason
        self.smtp_code = smtp_code


class TemporaryFailure(SendFailure):
    """Worth retrying: no connection, a timeout, a 4xx answer (greylisting, busy server)."""


class PermanentFailure(SendFailure):
    """Retrying will not help: the server refused the recipient or the sender (5xx)."""
