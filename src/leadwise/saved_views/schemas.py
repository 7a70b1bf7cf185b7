"""Saved view bodies, and the check of the query string a view stores."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import get_args
from urllib.parse import parse_qsl, urlencode

from pydantic import Field, field_validator

from leadwise.core.schemas import ReadSchema, Schema
from leadwise.leads.schemas import VerificationFilter
from leadwise.models import LeadSource

# The leads page's URL keys (frontend/src/lib/filters.ts), in the order the page writes them.
QUERY_KEYS = (
    "q",
    "stage",
    "owner",
    "source",
    "tag",
    "score_min",
    "score_max",
    "verification",
    "from",
    "to",
    "sort",
)
COLUMNS = frozenset(
    {
        "name",
        "email",
        "company",
        "job_title",
        "stage",
        "owner",
        "source",
        "tags",
        "score",
        "value",
        "verification",
        "created",
        "updated",
    }
)
SORTS = frozenset(
    f"{sign}{field}"
    for sign in ("", "-")
    for field in ("created_at", "updated_at", "first_name", "last_name")
)
_TEXT_LIMITS = {"q": 200, "tag": 64}


def _check_value(key: str, value: str) -> str | None:
    """Why `value` is no good for `key`, or None."""
    if key in _TEXT_LIMITS:
        return f"at most {_TEXT_LIMITS[key]} characters" if len(value) > _TEXT_LIMITS[key] else None
    if key in ("stage", "owner"):
        try:
            uuid.UUID(value)
        except ValueError:
            return "not an id"
        return None
    if key == "source":
        return None if value in {s.value for s in LeadSource} else "not a lead source"
    if key == "verification":
        return None if value in get_args(VerificationFilter) else "not a verification status"
    if key in ("score_min", "score_max"):
        return None if value.lstrip("-").isdigit() and len(value) <= 6 else "not a whole number"
    if key in ("from", "to"):
        try:
            date.fromisoformat(value)
        except ValueError:
            return "not a date (YYYY-MM-DD)"
        return None if len(value) == 10 else "not a date (YYYY-MM-DD)"
    return None if value in SORTS else "not a sortable field"


def normalise_query(raw: str) -> str:
    """The query with known keys only, each once, in the page's order; ValueError otherwise."""
    raw = raw.lstrip("?")
    try:
        pairs = parse_qsl(raw, keep_blank_values=True, strict_parsing=bool(raw), max_num_fields=20)
    except ValueError as error:
        raise ValueError(f"not a query string ({error})") from None
    values: dict[str, str] = {}
    for key, value in pairs:
        if key not in QUERY_KEYS:
            raise ValueError(f"unknown key {key!r}; known: {', '.join(QUERY_KEYS)}")
        if key in values:
            raise ValueError(f"{key!r} is given twice")
        value = value.strip()
        problem = _check_value(key, value) if value else None
        if problem:
            raise ValueError(f"{key}: {problem}")
        if value:
            values[key] = value
    return urlencode([(key, values[key]) for key in QUERY_KEYS if key in values])


class _ViewFields(Schema):
    @field_validator("query", check_fields=False)
    @classmethod
    def _query(cls, query: str | None) -> str | None:
        return None if query is None else normalise_query(query)

    @field_validator("columns", check_fields=False)
    @classmethod
    def _columns(cls, columns: list[str] | None) -> list[str] | None:
        if columns is None:
            return None
        unknown = sorted(set(columns) - COLUMNS)
        if unknown:
            raise ValueError(f"unknown columns: {', '.join(unknown)}")
        if len(set(columns)) != len(columns):
            raise ValueError("a column is listed twice")
        return columns


class SavedViewCreate(_ViewFields):
    name: str = Field(min_length=1, max_length=100, examples=["My hot leads"])
    query: str = Field(
        "",
        max_length=2000,
        description="The leads page's URL query: q, stage, owner, source, tag, score_min, "
        "score_max, verification, from, to, sort",
        examples=["stage=01a2015f-097d-7179-8c16-e7e291dcb4c4&sort=-updated_at"],
    )
    columns: list[str] | None = Field(
        None, max_length=len(COLUMNS), description="Visible columns; null keeps the viewer's own"
    )
    shared: bool = Field(False, description="Every member of the workspace sees it")


class SavedViewUpdate(_ViewFields):
    name: str | None = Field(None, min_length=1, max_length=100, examples=["Hot leads, this week"])
    query: str | None = Field(None, max_length=2000)
    columns: list[str] | None = Field(None, max_length=len(COLUMNS))
    shared: bool | None = None


class SavedViewRead(ReadSchema):
    id: uuid.UUID
    name: str = Field(examples=["My hot leads"])
    query: str = Field(examples=["stage=01a2015f-097d-7179-8c16-e7e291dcb4c4&sort=-updated_at"])
    columns: list[str] | None
    shared: bool
    user_id: uuid.UUID = Field(description="Who saved it (only they may change it)")
    created_at: datetime
    updated_at: datetime
