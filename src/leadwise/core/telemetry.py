"""OpenTelemetry tracing, on when `LEADWISE_OTEL__ENDPOINT` is set (OTLP over HTTP/protobuf).

Requests are traced by the ASGI middleware, SQL by the SQLAlchemy instrumentation.
"""

from __future__ import annotations

from fastapi import FastAPI
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from sqlalchemy.ext.asyncio import AsyncEngine

from leadwise.config import Settings

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
        app.add_middleware(
            OpenTelemetryMiddleware,
            tracer_provider=provider,
            exclude_spans=["receive", "send"],
        )


def instrument_engine(engine: AsyncEngine, settings: Settings) -> None:
    provider = tracer_provider(settings)
    if provider is not None:
        SQLAlchemyInstrumentor().instrument(engine=engine.sync_engine, tracer_provider=provider)


def flush(settings: Settings) -> None:
    provider = tracer_provider(settings)
    if provider is not None:
        provider.force_flush()
