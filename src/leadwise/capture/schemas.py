"""Form bodies, and what the public endpoints take and answer."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import EmailStr, Field, field_validator, model_validator

from leadwise.core.schemas import ReadSchema, Schema

# What a public form may ask for; workspace custom fields can be named by their key as well.
LEAD_FIELDS = (
    "first_name", "last_name", "email", "phone", "job_title", "company_name", "website",
    "country", "city", "message", "consent_marketing", "consent_privacy",
)  # fmt: skip
DEFAULT_FIELDS = ["first_name", "last_name", "email", "phone", "company_name", "message"]


def _origin(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{value!r} is not an origin like https://www.example.com")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError(f"{value!r}: an origin has no path, query or fragment")
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}"


class FormFields(Schema):
    name: str | None = Field(None, min_length=1, max_length=200, examples=["Contact us"])
    is_active: bool | None = None
    allowed_fields: list[str] | None = Field(
        None,
        max_length=100,
        description=f"Lead fields ({', '.join(LEAD_FIELDS)}) or custom field keys",
        examples=[DEFAULT_FIELDS],
    )
    required_fields: list[str] | None = Field(None, max_length=100, examples=[["email"]])
    allowed_origins: list[str] | None = Field(
        None,
        max_length=50,
        description="Pages that may post the form (empty: any, e.g. server-side posts)",
        examples=[["https://www.example.com"]],
    )
    redirect_url: str | None = Field(
        None,
        max_length=2048,
        description="Where a plain HTML form post is sent after success (303)",
        examples=["https://www.example.com/thanks"],
    )
    notify_emails: list[EmailStr] | None = Field(
        None, max_length=20, description="Told of each submission (default: the lead's owner)"
    )
    send_confirmation: bool | None = Field(None, description="Email the prospect a confirmation")
    confirmation_subject: str | None = Field(None, max_length=200)
    confirmation_message: str | None = Field(None, max_length=5000)
    accept_files: bool | None = None
    honeypot_field: str | None = Field(
        None,
        pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,63}$",
        description="A field hidden from people; bots that fill it are ignored",
    )
    min_fill_seconds: int | None = Field(
        None, ge=0, le=3600, description="Submissions faster than this are refused (0: off)"
    )
    tags: list[str] | None = Field(None, max_length=20, description="Given to every lead")
    duplicate_policy: Literal["flag", "merge", "create"] | None = Field(
        None,
        description=(
            "A submission with the email of an existing lead: `flag` (default) creates the lead "
            "and puts the pair in the duplicates review queue, `merge` adds the submission to "
            "the existing lead (fills its empty fields; no new lead), `create` only creates it. "
            "Probable duplicates (typos, another address) are flagged for review in every case."
        ),
        examples=["flag"],
    )

    @field_validator("allowed_origins")
    @classmethod
    def _origins(cls, origins: list[str] | None) -> list[str] | None:
        return None if origins is None else list(dict.fromkeys(_origin(o) for o in origins))

    @field_validator("redirect_url")
    @classmethod
    def _redirect(cls, url: str | None) -> str | None:
        if url is not None and urlsplit(url).scheme not in ("http", "https"):
            raise ValueError("must be an http(s) URL")
        return url

    @field_validator("tags")
    @classmethod
    def _tags(cls, tags: list[str] | None) -> list[str] | None:
        return None if tags is None else sorted({t.strip().lower() for t in tags if t.strip()})


class FormCreate(FormFields):
    name: str = Field(min_length=1, max_length=200, examples=["Contact us"])

    @model_validator(mode="after")
    def _defaults(self) -> FormCreate:
        if self.allowed_fields is None:
            self.allowed_fields = list(DEFAULT_FIELDS)
        if self.required_fields is None:
            self.required_fields = ["email"] if "email" in self.allowed_fields else []
        return self


class FormUpdate(FormFields):
    pass


class FormRead(ReadSchema):
    id: uuid.UUID
    public_id: str = Field(description="What the embed snippet posts to")
    name: str
    is_active: bool
    allowed_fields: list[str]
    required_fields: list[str]
    allowed_origins: list[str]
    redirect_url: str | None
    notify_emails: list[str]
    send_confirmation: bool
    confirmation_subject: str | None
    confirmation_message: str | None
    accept_files: bool
    honeypot_field: str | None
    min_fill_seconds: int
    tags: list[str]
    duplicate_policy: str = Field(examples=["flag"])
    submit_url: str = Field(examples=["/api/v1/public/forms/f_3kT9xQ2mLp8vR4sW/submit"])
    created_at: datetime
    updated_at: datetime


class PublicFormRead(Schema):
    """What a page needs to render the form."""

    public_id: str = Field(examples=["f_3kT9xQ2mLp8vR4sW"])
    name: str = Field(examples=["Contact us"])
    fields: list[str] = Field(examples=[["first_name", "email", "message"]])
    required_fields: list[str]
    accept_files: bool
    honeypot_field: str | None
    render_token: str = Field(
        description="Send back as `_rt` (proves the form was shown, and when)"
    )
    submit_url: str


class SubmitResult(Schema):
    lead_id: uuid.UUID
    edit_token: str = Field(
        examples=["pZ1wq7mYk2Q0cV8nT3rB6xL9sD4fH5jA0gE2uI7oP1e"],
        description="Send as `X-Edit-Token` to correct this submission with PUT /public/leads/{id}",
    )
    edit_token_expires_at: datetime
    redirect_url: str | None = None


class PublicLeadRead(Schema):
    """What the prospect may see of their submission: the form's fields, nothing internal."""

    lead_id: uuid.UUID
    fields: dict[str, Any] = Field(
        examples=[{"email": "ada@analytical-engines.co.uk", "phone": "+44 20 7946 0958"}]
    )
