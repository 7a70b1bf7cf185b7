"""Cursor (keyset) pagination: stable under inserts, no OFFSET scans.

A cursor is an opaque base64url JSON list of the sort key values of the last item returned.
"""

from __future__ import annotations

import base64
import binascii
import operator
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, TypeVar

import orjson
from fastapi import Depends, Query
from sqlalchemy import Select, and_, or_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from leadwise.core.errors import ValidationFailed
from leadwise.core.schemas import Page

T = TypeVar("T")
MAX_LIMIT = 200


def encode_cursor(values: list[Any]) -> str:
    raw = orjson.dumps([str(v) if isinstance(v, uuid.UUID) else v for v in values])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = orjson.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, orjson.JSONDecodeError, ValueError):
        raise ValidationFailed("The cursor is not valid.", details={"field": "cursor"}) from None
    if not isinstance(values, list):
        raise ValidationFailed("The cursor is not valid.", details={"field": "cursor"})
    return values


@dataclass(frozen=True, slots=True)
class PageParams:
    limit: int
    cursor: str | None


async def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = 50,
    cursor: Annotated[
        str | None, Query(max_length=512, description="From `meta.next_cursor`")
    ] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


PageDep = Annotated[PageParams, Depends(page_params)]


async def paginate_by_id(
    session: AsyncSession,
    query: Select[T],
    id_column: InstrumentedAttribute[uuid.UUID],
    params: PageParams,
    *,
    descending: bool = False,
) -> Page[T]:
    """Keyset over a UUIDv7 id column, i.e. in creation order."""
    return await paginate(session, query, params, id_column, id_column, descending=descending)


async def paginate(
    session: AsyncSession,
    query: Select[T],
    params: PageParams,
    sort_column: InstrumentedAttribute[Any],
    id_column: InstrumentedAttribute[uuid.UUID],
    *,
    descending: bool = False,
    as_rows: bool = False,
) -> Page[Any]:
    """Keyset over (sort_column, id): stable whatever the sort, ties broken by the id.

    The cursor holds the last item's sort value and id.
    """
    by_id_only = sort_column is id_column
    past = operator.lt if descending else operator.gt
    if params.cursor is not None:
        value, last_id = _cursor_values(params.cursor, sort_column)
        after_id = past(id_column, last_id)
        query = query.where(
            after_id
            if by_id_only
            else or_(past(sort_column, value), and_(sort_column == value, after_id))
        )
    keys = [id_column] if by_id_only else [sort_column, id_column]
    order = [key.desc() if descending else key.asc() for key in keys]
    ordered = query.order_by(*order).limit(params.limit + 1)
    # A query of columns pages Core rows (read like objects, by name), run on the connection
    # without the ORM's result machinery; a query of an entity pages entities.
    rows: list[Any] = list(
        (await (await session.connection()).execute(ordered)).all()
        if as_rows
        else (await session.scalars(ordered)).all()
    )
    next_cursor = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        value = getattr(rows[-1], sort_column.key)
        if isinstance(value, datetime):
            value = value.isoformat()
        next_cursor = encode_cursor([value, getattr(rows[-1], id_column.key)])
    return Page(items=rows, next_cursor=next_cursor, limit=params.limit)


def _cursor_values(cursor: str, sort_column: InstrumentedAttribute[Any]) -> tuple[Any, uuid.UUID]:
    """The cursor's (sort value, id), typed like the sort column; 422 for anything else."""
    try:
        raw_value, raw_id = decode_cursor(cursor)
        column_type = sort_column.property.columns[0].type
        # A TypeDecorator (UTCDateTime) answers `object`; its underlying type knows better.
        python_type = getattr(column_type, "impl_instance", column_type).python_type
        if python_type is datetime:
            value: Any = datetime.fromisoformat(raw_value)
        elif python_type is uuid.UUID:
            value = uuid.UUID(str(raw_value))
        else:
            value = python_type(raw_value)
        return value, uuid.UUID(str(raw_id))
    except (ValueError, TypeError):
        raise ValidationFailed("The cursor is not valid.", details={"field": "cursor"}) from None
