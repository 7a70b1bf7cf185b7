"""Cursor (keyset) pagination: stable under inserts, no OFFSET scans.

A cursor is an opaque base64url JSON list of the sort key values of the last item returned.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import orjson
from fastapi import Depends, Query
from sqlalchemy import Select
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
    if params.cursor is not None:
        values = decode_cursor(params.cursor)
        try:
            last_id = uuid.UUID(str(values[0]))
        except (ValueError, IndexError):
            raise ValidationFailed(
                "The cursor is not valid.", details={"field": "cursor"}
            ) from None
        query = query.where(id_column < last_id if descending else id_column > last_id)
    order = id_column.desc() if descending else id_column.asc()
    rows = list((await session.scalars(query.order_by(order).limit(params.limit + 1))).all())
    next_cursor = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        next_cursor = encode_cursor([getattr(rows[-1], id_column.key)])
    return Page(items=rows, next_cursor=next_cursor, limit=params.limit)
