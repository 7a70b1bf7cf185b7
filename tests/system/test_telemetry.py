"""OpenTelemetry contract: spans reach an OTLP/HTTP collector as protobuf, named by route."""

from __future__ import annotations

import uuid

from leadwise.config import get_settings
from leadwise.core.telemetry import tracer_provider
from tests.system.conftest import Configure, OtlpCollector, print_spans, running_app

JOB_ROUTE = "/api/v1/jobs/{job_id}"


async def test_request_and_sql_spans_reach_the_collector(
    configure: Configure, otlp_collector: OtlpCollector
) -> None:
    configure(LEADWISE_OTEL__ENDPOINT=otlp_collector.endpoint)
    job_id = uuid.uuid4()
    async with running_app() as (_app, client):
        ready = await client.get("/health/ready")  # runs SELECT 1
        assert ready.status_code == 200, ready.text
        missing = await client.get(f"/api/v1/jobs/{job_id}", headers={"Authorization": "Bearer x"})
        assert missing.status_code == 401, missing.text
        unknown = await client.get(f"/api/v1/no-such-thing/{job_id}")
        assert unknown.status_code == 404, unknown.text
        odd_method = await client.request("XSCAN", f"/api/v1/jobs/{job_id}")
        assert odd_method.status_code == 405, odd_method.text
    # The app has shut down, which flushes the batch of spans.

    assert not otlp_collector.bad_requests
    assert otlp_collector.requests, "no spans were exported"
    assert set(otlp_collector.content_types) == {"application/x-protobuf"}
    spans = otlp_collector.spans()
    print_spans(spans)
    assert {item.resource.get("service.name") for item in spans} == {"leadwise"}

    servers = [item for item in spans if item.span.kind == item.span.SPAN_KIND_SERVER]
    by_route = {
        item.attributes.get("http.route"): item
        for item in servers
        if item.attributes.get("http.method") == "GET"
    }
    assert {"/health/ready", JOB_ROUTE} <= set(by_route), [s.span.name for s in servers]
    job_span = by_route[JOB_ROUTE]
    assert job_span.span.name == f"GET {JOB_ROUTE}"
    assert str(job_id) not in job_span.span.name  # one span name per route, not per id
    ready_span = by_route["/health/ready"]
    assert ready_span.span.name == "GET /health/ready"
    # No span is named by a raw path or a made-up method.
    assert sorted(item.span.name for item in servers) == [
        "GET /api/v1/jobs/{job_id}",
        "GET /health/ready",
        "GET /{path}",
        "HTTP /api/v1/jobs/{job_id}",
    ]

    sql = [item for item in spans if item.span.kind == item.span.SPAN_KIND_CLIENT]
    statements = [
        str(item.attributes.get("db.statement") or item.attributes.get("db.query.text") or "")
        for item in sql
    ]
    assert any("SELECT 1" in statement for statement in statements), statements
    select_one = next(
        item for item, text in zip(sql, statements, strict=True) if "SELECT 1" in text
    )
    # The SQL span belongs to the request that ran it.
    assert select_one.span.trace_id == ready_span.span.trace_id
    assert select_one.span.parent_span_id == ready_span.span.span_id


async def test_no_tracing_without_an_endpoint(configure: Configure) -> None:
    configure()
    assert get_settings().otel.endpoint is None
    assert tracer_provider(get_settings()) is None
    async with running_app() as (_app, client):
        assert (await client.get("/health")).status_code == 200
