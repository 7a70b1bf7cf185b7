"""Sending an email: the interface, and how a failure is told (retry later, or give up)."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Protocol


class Mailer(Protocol):
    async def send(self, message: EmailMessage) -> None: ...


class TemporaryFailure(Exception):
    """Worth retrying: no connection, a timeout, a 4xx answer (greylisting, busy server)."""


class PermanentFailure(Exception):
    """Retrying will not help: the server refused the recipient or the sender (5xx)."""
