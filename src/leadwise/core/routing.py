"""The envelope route: routers return plain data (ORM objects, `Page`s), the route wraps it.

A router declares `response_model=LeadRead` (or `Page[LeadRead]` for lists) and returns the
ORM object; this route class documents and serialises `{"success", "data", "message",
"timestamp"}` (plus `meta` for pages) around it, so the envelope is written once.
"""

from __future__ import annotations

import functools
import inspect
import typing
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import quote

import orjson
from fastapi import APIRouter, Response
from fastapi.datastructures import DefaultPlaceholder
from fastapi.responses import StreamingResponse
from fastapi.routing import APIRoute

from leadwise.core.clock import utcnow
from leadwise.core.schemas import Envelope, ListEnvelope, Page


class EnvelopeRoute(APIRoute):
    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        response_model = kwargs.get("response_model")
        if isinstance(response_model, DefaultPlaceholder):
            response_model = None
        already_enveloped = isinstance(response_model, type) and issubclass(
            response_model, Envelope | ListEnvelope
        )
        if not already_enveloped and (
            kwargs.get("response_class") is None
            or isinstance(kwargs.get("response_class"), DefaultPlaceholder)
        ):
            if typing.get_origin(response_model) is Page:
                (item_model,) = typing.get_args(response_model)
                kwargs["response_model"] = ListEnvelope[item_model]  # type: ignore[valid-type]
                endpoint = _wrap(endpoint, paged=True)
            else:
                kwargs["response_model"] = Envelope[response_model]  # type: ignore[valid-type]
                endpoint = _wrap(endpoint, paged=False)
        super().__init__(path, endpoint, **kwargs)


def _wrap(endpoint: Callable[..., Any], *, paged: bool) -> Callable[..., Any]:
    if not inspect.iscoroutinefunction(endpoint):
        raise TypeError(f"{endpoint.__qualname__}: API endpoints must be async")

    @functools.wraps(endpoint)
    async def enveloped(*args: Any, **kwargs: Any) -> Any:
        result = await endpoint(*args, **kwargs)
        if isinstance(result, Response):
            return result
        if paged:
            return {
                "success": True,
                "data": result.items,
                "meta": {"next_cursor": result.next_cursor, "limit": result.limit},
                "message": None,
                "timestamp": utcnow(),
            }
        return {"success": True, "data": result, "message": None, "timestamp": utcnow()}

    return enveloped


def page_response(page: Page[dict[str, Any]]) -> Response:
    """A list envelope serialised straight from plain dicts by orjson, skipping the response
    model: for hot lists read as rows. Their test compares every item with the model's own
    serialisation of the same record, so the two cannot drift apart."""
    body = orjson.dumps(
        {
            "success": True,
            "data": page.items,
            "meta": {"next_cursor": page.next_cursor, "limit": page.limit},
            "message": None,
            "timestamp": utcnow(),
        },
        option=orjson.OPT_UTC_Z,
        default=_more_types,
    )
    return Response(body, media_type="application/json")


def _more_types(value: Any) -> Any:
    # asyncpg answers UUID columns with its own subclass of uuid.UUID, which orjson leaves out.
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def make_router(**kwargs: Any) -> APIRouter:
    """An APIRouter whose routes answer in the envelope."""
    return APIRouter(route_class=EnvelopeRoute, **kwargs)


def file_response(
    body: AsyncIterator[bytes], *, media_type: str, file_name: str, size: int | None = None
) -> StreamingResponse:
    """A download of personal data: an attachment, never cached by anyone in between."""
    headers = {
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(file_name, safe='')}",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
    }
    if size is not None:
        headers["Content-Length"] = str(size)
    return StreamingResponse(body, media_type=media_type, headers=headers)


def multipart_body(properties: dict[str, dict[str, Any]], required: list[str]) -> dict[str, Any]:
    """`openapi_extra` for an endpoint that reads its multipart body itself (streamed uploads):
    FastAPI cannot see the parts, so the spec names them here."""
    schema = {"type": "object", "required": required, "properties": properties}
    return {
        "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": schema}}}
    }


def binary_part(description: str, *, repeated: bool = False) -> dict[str, Any]:
    part = {"type": "string", "format": "binary"}
    if repeated:
        return {"type": "array", "items": part, "description": description}
    return {**part, "description": description}
