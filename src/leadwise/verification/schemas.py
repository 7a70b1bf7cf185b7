"""Request and response bodies of `/verify` (the result contract of docs/verification.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import Field, model_validator

from leadwise.core.schemas import Schema
from leadwise.leads.schemas import BulkFilter

MAX_EMAIL_CHARS = 320  # a hostile megabyte is refused before email-validator sees it
MAX_BULK_ITEMS = 50_000

StatusName = Literal["valid", "invalid", "accept_all", "disposable", "unknown"]


class VerifyRequest(Schema):
    email: str = Field(max_length=MAX_EMAIL_CHARS, examples=["jane.doe@acme.io"])
    smtp: bool = Field(True, description="Ask the mail servers (false: syntax, lists, DNS)")


class LeadVerifyRequest(Schema):
    smtp: bool = Field(
        True, description="Ask the mail servers (false: syntax, lists, DNS)", examples=[True]
    )


class MxRead(Schema):
    host: str
    preference: int


class SmtpRead(Schema):
    host: str = Field(description="The MX host that answered")
    code: int | None = Field(description="The reply code; null when no reply came")
    enhanced: str | None = Field(description="The enhanced status code (RFC 3463)")
    message: str


class VerificationRead(Schema):
    email: str
    normalized: str | None
    status: StatusName
    sub_status: str = Field(examples=["accepted"], description="See docs/verification.md")
    score: int = Field(ge=0, le=100)
    reason: str = Field(description="The verdict in one sentence")
    suggestion: str | None = Field(description="The address with the likely intended domain")
    is_disposable: bool
    is_role: bool
    is_free: bool
    is_catch_all: bool | None
    mx: list[MxRead]
    smtp: SmtpRead | None
    checked_at: datetime
    duration_ms: int


class BulkVerifyRequest(Schema):
    """One source: a list of addresses, leads by id, or the leads matching a filter."""

    emails: list[str] | None = Field(
        None, max_length=MAX_BULK_ITEMS, examples=[["jane.doe@acme.io", "info@acme.io"]]
    )
    lead_ids: list[uuid.UUID] | None = Field(None, max_length=MAX_BULK_ITEMS)
    filter: BulkFilter | None = Field(
        None,
        description='Every lead matching the filter, e.g. {"verification_status": "unverified"}',
    )
    smtp: bool = True

    @model_validator(mode="after")
    def _one_source(self) -> BulkVerifyRequest:
        given = [
            name for name in ("emails", "lead_ids", "filter") if getattr(self, name) is not None
        ]
        if len(given) != 1:
            raise ValueError("give exactly one of emails, lead_ids or filter")
        for email in self.emails or []:
            if len(email) > MAX_EMAIL_CHARS:
                raise ValueError(f"an address longer than {MAX_EMAIL_CHARS} characters")
        return self
