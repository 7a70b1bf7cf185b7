"""Prometheus metrics: requests by route template (never the raw path), latency, DB pool."""

from __future__ import annotations

import uuid

import httpx
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import Account

JOB_ROUTE = "/api/v1/jobs/{job_id}"


def _samples(text: str) -> list[tuple[str, dict[str, str], float]]:
    return [
        (sample.name, sample.labels, sample.value)
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    ]


def _total(text: str, name: str, **labels: str) -> float:
    """The sum of `name` samples whose labels include `labels`."""
    return sum(
        value
        for sample_name, sample_labels, value in _samples(text)
        if sample_name == name and labels.items() <= sample_labels.items()
    )


async def _scrape(client: httpx.AsyncClient) -> str:
    response = await client.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return response.text


async def test_requests_are_counted_by_route_template(
    client: httpx.AsyncClient, owner: Account
) -> None:
    before = await _scrape(client)
    missing_job = uuid.uuid4()
    found = await client.get(f"/api/v1/jobs/{missing_job}", headers=owner.headers)
    assert found.status_code == 404, found.text
    anonymous = await client.get(f"/api/v1/jobs/{uuid.uuid4()}")
    assert anonymous.status_code == 401, anonymous.text
    unknown = await client.get("/api/v1/no-such-endpoint-here")
    assert unknown.status_code == 404, unknown.text
    after = await _scrape(client)

    def delta(name: str, **labels: str) -> float:
        return _total(after, name, **labels) - _total(before, name, **labels)

    requests = "leadwise_http_requests_total"
    assert delta(requests, method="GET", route=JOB_ROUTE, status="404") == 1
    assert delta(requests, method="GET", route=JOB_ROUTE, status="401") == 1
    assert delta(requests, status="404") == 2  # the missing job and the unknown path
    # Labels are templates: ids and unknown paths would make one time series per request.
    routes = {labels.get("route") for _, labels, _ in _samples(after)}
    assert not [route for route in routes if route and str(missing_job) in route]
    assert not [route for route in routes if route and "no-such-endpoint" in route]

    latency = "leadwise_http_request_duration_seconds"
    assert delta(f"{latency}_count", method="GET", route=JOB_ROUTE) == 2
    assert delta(f"{latency}_sum", method="GET", route=JOB_ROUTE) > 0
    assert delta(f"{latency}_bucket", method="GET", route=JOB_ROUTE, le="+Inf") == 2
    # The scrape before this one is counted under its own route.
    assert delta(requests, method="GET", route="/metrics", status="200") >= 1


async def test_metrics_report_the_database_pool(app: FastAPI, client: httpx.AsyncClient) -> None:
    assert (await client.get("/health/ready")).status_code == 200  # uses a pooled connection
    text = await _scrape(client)
    pool = {
        labels["state"]: value
        for name, labels, value in _samples(text)
        if name == "leadwise_db_pool_connections"
    }
    assert {"size", "checkedout", "checkedin", "overflow"} <= set(pool)
    assert pool["size"] == app.state.db.engine.pool.size()
    assert pool["checkedout"] == 0  # the readiness check gave its connection back
    assert pool["checkedin"] >= 1


async def test_scrapes_do_not_leak_collectors(client: httpx.AsyncClient) -> None:
    first = await _scrape(client)
    second = await _scrape(client)
    for text in (first, second):
        gauges = [name for name, _, _ in _samples(text) if name == "leadwise_db_pool_connections"]
        assert len(gauges) == 4


async def test_unknown_methods_do_not_create_new_series(client: httpx.AsyncClient) -> None:
    """The method label comes from the client; arbitrary tokens must not each add a series."""
    methods = [f"X{uuid.uuid4().hex[:12].upper()}" for _ in range(3)]
    for method in methods:
        response = await client.request(method, "/health")
        assert response.status_code == 405, response.text
    text = await _scrape(client)
    seen = {labels.get("method") for _, labels, _ in _samples(text)}
    assert not seen & set(methods)
    assert "OTHER" in seen
