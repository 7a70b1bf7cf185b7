"""Company bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import Field

from leadwise.core.schemas import ReadSchema, Schema


class CompanyFields(Schema):
    name: str | None = Field(None, min_length=1, max_length=300, examples=["Acme Ltd"])
    domain: str | None = Field(None, max_length=253, examples=["acme.io"])
    website: str | None = Field(None, max_length=2048, examples=["https://www.acme.io"])
    industry: str | None = Field(None, max_length=200)
    size_band: str | None = Field(
        None, pattern=r"^(1-10|11-50|51-200|201-500|501-1000|1001-5000|5001\+)$"
    )
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$")
    city: str | None = Field(None, max_length=200)
    address: dict[str, Any] | None = None
    description: str | None = Field(None, max_length=10_000)
    logo_url: str | None = Field(None, max_length=2048)
    phone: str | None = Field(None, max_length=32)
    social_profiles: dict[str, str] | None = None


class CompanyCreate(CompanyFields):
    name: str = Field(min_length=1, max_length=300, examples=["Acme Ltd"])


class CompanyUpdate(CompanyFields):
    pass


class CompanyRead(ReadSchema):
    id: uuid.UUID
    name: str = Field(examples=["Acme Ltd"])
    domain: str | None = Field(examples=["acme.io"])
    website: str | None
    industry: str | None
    size_band: str | None
    country: str | None
    city: str | None
    address: dict[str, Any]
    description: str | None
    logo_url: str | None
    phone: str | None
    social_profiles: dict[str, Any]
    enrichment: dict[str, Any]
    enriched_at: datetime | None
    created_at: datetime
    updated_at: datetime
