"""Pure ASGI middleware: request context (id, logs, metrics, security headers, last-resort 500)
and the request body size limit."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Sequence
from typing import Any

import orjson
import structlog
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from leadwise.core.clock import utcnow
from leadwise.core.logging import get_logger
from leadwise.core.metrics import HTTP_LATENCY, HTTP_REQUESTS

log = get_logger("leadwise.http")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,128}$")
KNOWN_METHODS = frozenset(
    {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"}
)
_API_CSP = b"default-src 'none'; frame-ancestors 'none'"
# blob: frames and images are the attachment preview: files the app itself fetched (with the
# token) and typed as the PDF or image the server sniffed at upload. Blob URLs are bound to
# this origin, so no other site's content can be framed this way; plugins stay off.
_APP_CSP = (
    b"default-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; "
    b"object-src 'none'; style-src 'self' 'unsafe-inline'; "
    b"script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    b"form-action 'self'"
)
# Swagger UI and ReDoc start themselves with an inline script.
_DOCS_CSP = (
    b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    b"script-src 'self' 'unsafe-inline'; worker-src 'self' blob:; frame-ancestors 'none'"
)


def error_body(
    status: int, code: str, message: str, details: dict[str, Any] | None = None
) -> bytes:
    return orjson.dumps(
        {
            "success": False,
            "error": {"code": code, "message": message, "details": details or {}},
            "timestamp": utcnow(),
        },
        option=orjson.OPT_UTC_Z,  # "...Z", like the success envelope
    )


async def send_error(send: Send, status: int, code: str, message: str, request_id: str) -> None:
    body = error_body(status, code, message)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"x-request-id", request_id.encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _csp_for(path: str) -> bytes:
    if path.startswith("/api/"):
        return _API_CSP
    if path.startswith(("/docs", "/redoc")):
        return _DOCS_CSP
    return _APP_CSP


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, *, hsts: bool = True) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _incoming_request_id(scope) or uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        status_holder = {"status": 500, "started": False}
        path = scope["path"]
        security_headers = [
            (b"x-request-id", request_id.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"strict-origin-when-cross-origin"),
            (b"content-security-policy", _csp_for(path)),
        ]
        if self.hsts and scope.get("scheme") == "https":
            security_headers.append(
                (b"strict-transport-security", b"max-age=63072000; includeSubDomains")
            )

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                status_holder["started"] = True
                # Error responses sent here (413, last-resort 500) carry the id already: one only.
                # A response's own security header (a download's stricter CSP) wins.
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() != b"x-request-id"
                ]
                own = {name.lower() for name, _ in headers}
                message["headers"] = [
                    *headers,
                    *(header for header in security_headers if header[0] not in own),
                ]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception:
            # Last resort: the error envelope without a stack trace; the trace goes to the log.
            log.exception("unhandled error", path=path)
            if not status_holder["started"]:
                status_holder["status"] = 500
                await send_error(
                    send_wrapper, 500, "INTERNAL_ERROR", "An unexpected error occurred.", request_id
                )
        finally:
            elapsed = time.perf_counter() - started
            route_label = route_template(scope) or "unmatched"
            method = scope["method"]
            status = status_holder["status"]
            # Any token is a valid method: unknown ones share one label, not a series each.
            method_label = method if method in KNOWN_METHODS else "OTHER"
            HTTP_REQUESTS.labels(method_label, route_label, str(status)).inc()
            HTTP_LATENCY.labels(method_label, route_label).observe(elapsed)
            log.info(
                "request",
                method=method,
                path=path,
                route=route_label,
                status=status,
                duration_ms=round(elapsed * 1000, 2),
            )


def route_template(scope: Scope) -> str | None:
    """The matched route's full path template (`/api/v1/jobs/{job_id}`), once routing has run.

    Since FastAPI 0.137 `scope["route"]` of a route from an included router holds the path
    relative to that router (`/jobs/{job_id}`, fastapi/fastapi#16051); FastAPI keeps the route
    with its prefixes as the "effective route context" in its part of the scope.
    """
    effective = scope.get("fastapi", {}).get("effective_route_context")
    for route in (getattr(effective, "starlette_route", None), effective, scope.get("route")):
        template = getattr(route, "path_format", None)
        if template:
            return str(template)
    return None


def _incoming_request_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            text = value.decode("latin-1")
            return text if _REQUEST_ID.match(text) else None
    return None


class BodySizeLimitMiddleware:
    """413 for bodies over the limit: by Content-Length at once, or when a stream passes it."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int,
        upload_limits: Sequence[tuple[re.Pattern[str], int]] = (),
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        # Upload endpoints take files up to their own limit, which they check per file.
        self.upload_limits = [(paths, max(limit, max_body_bytes)) for paths, limit in upload_limits]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = next(
            (upload for paths, upload in self.upload_limits if paths.match(scope["path"])),
            self.max_body_bytes,
        )
        request_id = scope.get("state", {}).get("request_id", "")
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0 or declared > limit:
                    await _reject_body(send, request_id, limit)
                    return
        received = 0
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge()
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not response_started:
                await _reject_body(send, request_id, limit)


class _BodyTooLarge(HTTPException):
    # An HTTPException, so FastAPI's body parsing re-raises it instead of answering 400.
    def __init__(self) -> None:
        super().__init__(status_code=413, detail="The request body is too large.")


async def _reject_body(send: Send, request_id: str, limit: int) -> None:
    await send_error(
        send, 413, "PAYLOAD_TOO_LARGE", f"The request body exceeds {limit} bytes.", request_id
    )


class PublicCorsMiddleware:
    """CORS for the public endpoints (forms embedded in any site): any origin may call them.

    They take no cookies and no credentials, and each form checks its own allowed origins when
    it is submitted, so answering every origin here gives a page nothing it could not get
    with a plain form post.
    """

    ALLOW_HEADERS = b"Content-Type, Idempotency-Key, X-Edit-Token"
    EXPOSE_HEADERS = b"X-Request-ID, Retry-After, Idempotent-Replayed"

    def __init__(self, app: ASGIApp, *, prefix: str = "/api/v1/public/") -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        origin = next((v for k, v in scope.get("headers", ()) if k == b"origin"), None)
        if origin is None:
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS":
            await send(
                {
                    "type": "http.response.start",
                    "status": 204,
                    "headers": [
                        (b"access-control-allow-origin", origin),
                        (b"access-control-allow-methods", b"GET, POST, PUT"),
                        (b"access-control-allow-headers", self.ALLOW_HEADERS),
                        (b"access-control-max-age", b"600"),
                        (b"vary", b"Origin"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def with_cors(message: Message) -> None:
            headers = message.get("headers", [])
            if message["type"] == "http.response.start" and not any(
                name.lower() == b"access-control-allow-origin" for name, _ in headers
            ):
                message["headers"] = [
                    *headers,
                    (b"access-control-allow-origin", origin),
                    (b"access-control-expose-headers", self.EXPOSE_HEADERS),
                    (b"vary", b"Origin"),
                ]
            await send(message)

        await self.app(scope, receive, with_cors)
