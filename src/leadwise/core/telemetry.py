"""OpenTelemetry tracing, on when `LEADWISE_OTEL__ENDPOINT` is set (OTLP over HTTP/protobuf).

Requests are traced by the ASGI middleware, SQL by the SQLAlchemy instrumentation's engine tracer.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from opentelemetry import metrics, trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from opentelemetry.instrumentation.sqlalchemy.engine import EngineTracer
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from leadwise.config import Settings
from leadwise.core.middleware import KNOWN_METHODS, route_template

_providers: dict[tuple[str, str], TracerProvider] = {}


def tracer_provider(settings: Settings) -> TracerProvider | None:
    if not settings.otel.endpoint:
        return None
    key = (settings.otel.endpoint, settings.otel.service_name)
    if key not in _providers:
        endpoint = settings.otel.endpoint.rstrip("/")
        if not endpoint.endswith("/v1/traces"):
            endpoint += "/v1/traces"
        provider = TracerProvider(
            resource=Resource.create({"service.name": settings.otel.service_name})
        )
        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
        _providers[key] = provider
    return _providers[key]


def instrument_app(app: FastAPI, settings: Settings) -> None:
    provider = tracer_provider(settings)
    if provider is not None:
        app.add_middleware(_NameSpanByRoute)
        app.add_middleware(
            OpenTelemetryMiddleware,
            tracer_provider=provider,
            exclude_spans=["receive", "send"],
            default_span_details=_method_only,
        )


def _method_only(scope: Scope) -> tuple[str, dict[str, Any]]:
    # The default names the span by the raw path: one name per id, and ids in the name.
    return _span_method(scope), {}


def _span_method(scope: Scope) -> str:
    method = scope.get("method")
    return str(method) if method in KNOWN_METHODS else "HTTP"


class _NameSpanByRoute:
    """Names the request span `GET /api/v1/jobs/{job_id}` and sets `http.route`.

    Done when the response starts: routing has run by then, and the span ends with the body.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        span = trace.get_current_span()

        async def naming_send(message: Message) -> None:
            if message["type"] == "http.response.start" and span.is_recording():
                template = route_template(scope)
                if template:
                    span.set_attribute("http.route", template)
                    span.update_name(f"{_span_method(scope)} {template}")
            await send(message)

        await self.app(scope, receive, naming_send)


def instrument_engine(engine: AsyncEngine, settings: Settings) -> None:
    """Traces this engine's statements.

    Not `SQLAlchemyInstrumentor().instrument(engine=...)`: that works once per process (later
    engines, e.g. of a second app, are silently left out), patches every engine created after
    it, and refuses SQLAlchemy versions outside its declared range (2.1 included).
    """
    provider = tracer_provider(settings)
    if provider is not None:
        tracer = provider.get_tracer("opentelemetry.instrumentation.sqlalchemy")
        connections = metrics.get_meter(__name__).create_up_down_counter(
            "db.client.connections.usage", unit="connections"
        )
        EngineTracer(tracer, engine.sync_engine, connections)  # type: ignore[no-untyped-call]


def flush(settings: Settings) -> None:
    provider = tracer_provider(settings)
    if provider is not None:
        provider.force_flush()
