"""Health, readiness and Prometheus metrics (outside /api/v1: load balancers and scrapers)."""

from __future__ import annotations

from typing import Any

from fastapi import Request, Response
from pydantic import Field

from leadwise import __version__
from leadwise.core.errors import ServiceUnavailable
from leadwise.core.metrics import render
from leadwise.core.routing import make_router
from leadwise.core.schemas import ReadSchema
from leadwise.system.health import readiness

router = make_router(tags=["system"])


class Health(ReadSchema):
    status: str = Field(examples=["ok"])
    version: str = Field(examples=["0.1.0"])


class Readiness(ReadSchema):
    status: str = Field(examples=["ok"])
    checks: dict[str, dict[str, Any]]


@router.get("/health", response_model=Health, summary="Liveness: the process answers")
async def health() -> object:
    return {"status": "ok", "version": __version__}


@router.get(
    "/health/ready",
    response_model=Readiness,
    summary="Readiness: database, broker and Redis (503 when one is down)",
    responses={503: {"description": "A dependency is down; `error.details.checks` says which"}},
)
async def ready(request: Request) -> object:
    state = request.app.state
    checks = await readiness(state.settings, state.db, state.cache)
    down = [name for name, check in checks.items() if check["status"] == "error"]
    if down:
        raise ServiceUnavailable(
            f"Not ready: {', '.join(down)} unavailable.", details={"checks": checks}
        )
    return {"status": "ok", "checks": checks}


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    body, content_type = render(request.app.state.db.engine.pool)
    return Response(body, media_type=content_type)
