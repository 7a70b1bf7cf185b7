"""API envelope and shared schema bases (ARCHITECTURE.md section 7)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from leadwise.core.clock import utcnow

T = TypeVar("T")


class Schema(BaseModel):
    """Base for request and response bodies."""

    model_config = ConfigDict(from_attributes=True, extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _no_nul_characters(cls, data: Any) -> Any:
        """PostgreSQL cannot store U+0000 in text or JSON: refused here (422) on every backend,
        rather than a 500 from the database."""
        where = _nul_path(data)
        if where is not None:
            raise ValueError(f"{where or 'value'}: the NUL character (U+0000) is not allowed")
        return data


def _nul_path(value: Any, path: str = "") -> str | None:
    """Where in `value` (a dotted path) a string holds U+0000, or None."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list | tuple):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        if isinstance(key, str) and "\x00" in key:
            return f"{path}.{key!r}".lstrip(".")
        found = _nul_path(item, f"{path}.{key}".lstrip("."))
        if found is not None:
            return found
    return None


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
