"""API envelope and shared schema bases (ARCHITECTURE.md section 7)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from leadwise.core.clock import utcnow

T = TypeVar("T")


class Schema(BaseModel):
    """Base for request and response bodies."""

    model_config = ConfigDict(from_attributes=True, extra="forbid", str_strip_whitespace=True)


class ReadSchema(BaseModel):
    """Base for response bodies read off ORM objects."""

    model_config = ConfigDict(from_attributes=True)


class Envelope(BaseModel, Generic[T]):
    success: bool = True
    data: T
    message: str | None = None
    timestamp: datetime = Field(default_factory=utcnow)


class PageMeta(BaseModel):
    next_cursor: str | None
    limit: int


class ListEnvelope(BaseModel, Generic[T]):
    success: bool = True
    data: list[T]
    meta: PageMeta
    message: str | None = None
    timestamp: datetime = Field(default_factory=utcnow)


@dataclass(slots=True)
class Page(Generic[T]):
    """What a list endpoint returns; the envelope route turns it into `data` plus `meta`."""

    items: Sequence[T]
    next_cursor: str | None
    limit: int


class ErrorBody(BaseModel):
    code: str = Field(examples=["VALIDATION_ERROR"])
    message: str
    details: dict[str, Any] = {}


class ErrorEnvelope(BaseModel):
    success: bool = False
    error: ErrorBody
    timestamp: datetime = Field(default_factory=utcnow)
