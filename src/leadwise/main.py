"""create_app(): middleware, exception handlers, routers, docs and the web app."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError, ResponseValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import make_url
from starlette.exceptions import HTTPException as StarletteHTTPException

from leadwise import __version__
from leadwise.api import api_router
from leadwise.config import Settings, get_settings
from leadwise.core.cache import create_cache
from leadwise.core.db import Database
from leadwise.core.errors import AppError
from leadwise.core.live import create_live_hub, relay_directory
from leadwise.core.logging import configure_logging, get_logger
from leadwise.core.middleware import (
    BodySizeLimitMiddleware,
    PublicCorsMiddleware,
    RequestContextMiddleware,
    error_body,
)
from leadwise.core.ratelimit import RateLimiter
from leadwise.core.schemas import ErrorEnvelope
from leadwise.core.security import configure_password_hashing
from leadwise.core.telemetry import flush as flush_traces
from leadwise.core.telemetry import instrument_app, instrument_engine
from leadwise.integrations.storage import create_file_store
from leadwise.system.router import router as system_router
from leadwise.web import mount_web_app

log = get_logger("leadwise.app")

DOCS_STATIC = Path(fastapi_offline.__file__).resolve().parent / "static"
HTTP_CODES = {
    400: "BAD_REQUEST",
    401: "UNAUTHENTICATED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    406: "NOT_ACCEPTABLE",
    409: "CONFLICT",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    422: "VALIDATION_ERROR",
    429: "RATE_LIMITED",
}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorEnvelope, "description": description}
    for status, description in {
        401: "Not signed in, or the token is invalid",
        403: "Your role does not allow this",
        404: "Not found (also for ids of other workspaces)",
        422: "Invalid input; `error.details.errors` names each field",
        429: "Rate limited; see `Retry-After`",
    }.items()
}


def json_error(
    status: int,
    code: str,
    message: str,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    return Response(
        error_body(status, code, message, details),
        status_code=status,
        media_type="application/json",
        headers=headers,
    )


async def app_error_handler(_request: Request, error: Exception) -> Response:
    assert isinstance(error, AppError)
    return json_error(error.status_code, error.code, error.message, error.details, error.headers)


async def validation_error_handler(_request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = [
        {
            "field": ".".join(str(part) for part in item["loc"]),
            "message": item["msg"],
            "type": item["type"],
        }
        for item in error.errors()
    ]
    fields = ", ".join(problem["field"] for problem in problems[:5])
    # The first field without its location ("body.", "query."), as services name fields.
    first = error.errors()[0]["loc"] if problems else ()
    field = ".".join(str(part) for part in first[1:]) or ".".join(map(str, first)) or None
    return json_error(
        422, "VALIDATION_ERROR", f"Invalid input: {fields}.", {"field": field, "errors": problems}
    )


async def http_error_handler(_request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    code = HTTP_CODES.get(error.status_code, f"HTTP_{error.status_code}")
    message = error.detail if isinstance(error.detail, str) else code.replace("_", " ").lower()
    return json_error(error.status_code, code, message, headers=getattr(error, "headers", None))


async def response_validation_handler(_request: Request, error: Exception) -> Response:
    log.error("response failed validation", errors=str(error)[:2000])
    return json_error(500, "INTERNAL_ERROR", "An unexpected error occurred.")


# Requests that carry files: their bodies may reach the files' limit (see BodySizeLimitMiddleware).
UPLOAD_PATHS = re.compile(r"^/api/v1/(leads/[^/]+/attachments|public/forms/[^/]+/submit)$")
IMPORT_UPLOAD_PATH = re.compile(r"^/api/v1/imports$")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log)
    configure_password_hashing(
        time_cost=settings.auth.argon2_time_cost, memory_kib=settings.auth.argon2_memory_kib
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.live = create_live_hub(settings.redis_url, replay=settings.live.replay_events)
        app.state.db = Database(settings, live=app.state.live)
        if not settings.redis_url:  # job workers on this machine relay their events
            await app.state.live.start_relay(relay_directory(settings.data_dir))
        app.state.cache = create_cache(settings.redis_url)
        app.state.rate_limiter = RateLimiter(settings)
        app.state.file_store = create_file_store(settings.storage)
        instrument_engine(app.state.db.engine, settings)
        log.info("started", env=settings.env.value, database=_safe_url(settings.sqlalchemy_url))
        try:
            yield
        finally:
            await app.state.live.close()
            await app.state.cache.close()
            await app.state.file_store.close()
            await app.state.db.dispose()
            flush_traces(settings)

    app = FastAPI(
        title="Leadwise API",
        version=__version__,
        description=(
            "Self-hosted lead platform. Sign in with the **Authorize** button (OAuth2 password "
            "flow) or send `X-API-Key`. Choose the workspace with `X-Workspace-ID`."
        ),
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.add_exception_handler(AppError, app_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.add_exception_handler(ResponseValidationError, response_validation_handler)

    app.include_router(system_router)
    app.include_router(api_router, responses=ERROR_RESPONSES)
    _add_docs(app)
    mount_web_app(app)

    # Order: the outermost middleware is added last.
    if settings.http.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.http.cors_origins,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=[
                "X-Request-ID",
                "Retry-After",
                "RateLimit-Limit",
                "RateLimit-Remaining",
                "RateLimit-Reset",
            ],
        )
    app.add_middleware(PublicCorsMiddleware)
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_body_bytes=settings.http.max_body_bytes,
        upload_limits=[
            (
                UPLOAD_PATHS,
                settings.storage.max_file_bytes * settings.storage.max_files
                + settings.http.max_body_bytes,
            ),
            (IMPORT_UPLOAD_PATH, settings.imports.max_file_bytes + settings.http.max_body_bytes),
        ],
    )
    app.add_middleware(RequestContextMiddleware)
    instrument_app(app, settings)
    return app


def _add_docs(app: FastAPI) -> None:
    """Swagger UI and ReDoc from assets shipped in a package: no CDN needed (works offline)."""
    app.mount("/docs-static", StaticFiles(directory=DOCS_STATIC), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Leadwise API",
            swagger_js_url="/docs-static/swagger-ui-bundle.js",
            swagger_css_url="/docs-static/swagger-ui.css",
            swagger_favicon_url="/docs-static/favicon.png",
            oauth2_redirect_url="/docs/oauth2-redirect",
            swagger_ui_parameters={"persistAuthorization": True},
        )

    @app.get("/docs/oauth2-redirect", include_in_schema=False)
    async def swagger_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/openapi.json",
            title="Leadwise API",
            redoc_js_url="/docs-static/redoc.standalone.js",
            redoc_favicon_url="/docs-static/favicon.png",
            with_google_fonts=False,
        )


def _safe_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)
