"""System-test helpers: apps started with extra settings, captured log lines, an OTLP collector.

All of it is real: the app runs its lifespan against the test databases, logs go through the
handler `configure_logging` installs, and traces travel over HTTP to a collector on loopback.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import logging
import sys
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.proto.common.v1.common_pb2 import AnyValue, KeyValue
from opentelemetry.proto.trace.v1.trace_pb2 import Span

from leadwise.config import get_settings
from leadwise.main import create_app
from leadwise.worker.app import get_celery
from tests.conftest import TestEnv

Configure = Callable[..., None]


@pytest.fixture
def configure(test_env: TestEnv, monkeypatch: pytest.MonkeyPatch) -> Configure:
    """Sets more `LEADWISE_*` variables over the test environment; call before the app starts."""

    def apply(**values: str) -> None:
        for key, value in values.items():
            monkeypatch.setenv(key, value)
            test_env.values[key] = value
        get_settings.cache_clear()
        get_celery.cache_clear()

    return apply


@contextlib.asynccontextmanager
async def running_app(
    base_url: str = "http://testserver",
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """An app made by `create_app()` from the current environment, started and stopped here."""
    application = create_app()
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url=base_url) as client:
            yield application, client


# --- logs ----------------------------------------------------------------------------------


@dataclass
class LogCapture:
    stream: io.StringIO
    lines: list[dict[str, Any]] = field(default_factory=list)

    def read(self) -> list[dict[str, Any]]:
        """Every line written so far, each parsed as JSON (a line that is not JSON fails)."""
        text = self.stream.getvalue()
        self.stream.seek(0)
        self.stream.truncate()
        self.lines.extend(json.loads(line) for line in text.splitlines() if line.strip())
        return self.lines

    def requests(self, path: str) -> list[dict[str, Any]]:
        return [
            line for line in self.read() if line.get("event") == "request" and line["path"] == path
        ]


@pytest.fixture
def stderr_logs(configure: Configure, request: pytest.FixtureRequest) -> Iterator[LogCapture]:
    """The app's INFO-level log lines, as its stderr handler writes them.

    The app (the `app` fixture) is started here, after INFO logging is configured; the stream of
    the one root handler `configure_logging` installed is then pointed at a buffer.
    """
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    configure(LEADWISE_LOG__LEVEL="INFO", LEADWISE_LOG__FORMAT="json")
    request.getfixturevalue("app")
    (handler,) = root.handlers
    assert isinstance(handler, logging.StreamHandler)
    assert handler.stream is sys.stderr  # where the app writes its logs
    buffer = io.StringIO()
    handler.setStream(buffer)
    yield LogCapture(buffer)
    handler.setStream(sys.stderr)
    root.handlers[:] = saved_handlers
    root.setLevel(saved_level)


# --- OpenTelemetry collector ---------------------------------------------------------------


@dataclass
class ReceivedSpan:
    resource: dict[str, Any]
    span: Span

    @property
    def attributes(self) -> dict[str, Any]:
        return _attributes(self.span.attributes)


def _value(value: AnyValue) -> Any:
    kind = value.WhichOneof("value")
    return getattr(value, kind) if kind else None


def _attributes(items: Any) -> dict[str, Any]:
    pairs: list[KeyValue] = list(items)
    return {item.key: _value(item.value) for item in pairs}


class OtlpCollector:
    """A minimal OTLP/HTTP trace receiver: `POST /v1/traces` with a protobuf body."""

    def __init__(self) -> None:
        self.requests: list[ExportTraceServiceRequest] = []
        self.content_types: list[str] = []
        self.bad_requests: list[str] = []
        collector = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if self.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                if self.path != "/v1/traces":
                    collector.bad_requests.append(self.path)
                    self.send_response(404)
                    self.end_headers()
                    return
                message = ExportTraceServiceRequest()
                message.ParseFromString(body)
                collector.content_types.append(self.headers.get("Content-Type", ""))
                collector.requests.append(message)
                answer = ExportTraceServiceResponse().SerializeToString()
                self.send_response(200)
                self.send_header("Content-Type", "application/x-protobuf")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format: str, *args: Any) -> None:
                return  # keep the test output quiet

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def endpoint(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def spans(self) -> list[ReceivedSpan]:
        received = []
        for request in self.requests:
            for resource_spans in request.resource_spans:
                resource = _attributes(resource_spans.resource.attributes)
                for scope_spans in resource_spans.scope_spans:
                    received.extend(ReceivedSpan(resource, span) for span in scope_spans.spans)
        return received


@pytest.fixture
def otlp_collector() -> Iterator[OtlpCollector]:
    collector = OtlpCollector()
    collector.thread.start()
    try:
        yield collector
    finally:
        collector.server.shutdown()
        collector.server.server_close()
        collector.thread.join(timeout=5)


def print_spans(spans: list[ReceivedSpan]) -> None:
    """For failure diagnosis (shown by pytest only when a test fails)."""
    for item in spans:
        sys.stdout.write(f"{item.span.name} {item.attributes}\n")
