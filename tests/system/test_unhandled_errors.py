"""The last-resort 500: the error envelope, a request id, and no stack trace for the client."""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import assert_error
from tests.system.conftest import LogCapture

ROUTE = "/api/v1/test-explode"
SECRET = "db-password=hunter2"


def _add_exploding_route(app: FastAPI) -> None:
    async def explode() -> None:
        raise RuntimeError(f"internal detail: {SECRET}")

    # POST: the web app's catch-all answers every GET path that no route before it took.
    app.add_api_route(ROUTE, explode, methods=["POST"])


def _count_500s(text: str) -> float:
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "leadwise_http_requests_total"
        and sample.labels == {"method": "POST", "route": ROUTE, "status": "500"}
    )


async def test_unhandled_exception_answers_500_envelope(
    stderr_logs: LogCapture, app: FastAPI, client: httpx.AsyncClient
) -> None:
    _add_exploding_route(app)
    before = _count_500s((await client.get("/metrics")).text)

    response = await client.post(ROUTE, headers={"X-Request-ID": "explode-request-0001"})

    error = assert_error(response, 500, "INTERNAL_ERROR")
    assert error["message"] == "An unexpected error occurred."
    assert error["details"] == {}
    assert response.headers["x-request-id"] == "explode-request-0001"
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"]
    for leak in ("Traceback", "RuntimeError", SECRET, "explode", ".py"):
        assert leak not in response.text

    # The details go to the log instead, with the request id to find them by.
    lines = stderr_logs.read()
    (logged,) = [line for line in lines if line.get("event") == "unhandled error"]
    assert logged["request_id"] == "explode-request-0001"
    assert logged["level"] == "error"
    assert "Traceback" in logged["exception"]
    assert SECRET in logged["exception"]
    (request_line,) = stderr_logs.requests(ROUTE)
    assert request_line["status"] == 500
    assert request_line["request_id"] == "explode-request-0001"

    after = _count_500s((await client.get("/metrics")).text)
    assert after - before == 1


async def test_app_keeps_serving_after_an_unhandled_error(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    _add_exploding_route(app)
    first = await client.post(ROUTE)
    second = await client.post(ROUTE)
    assert_error(first, 500, "INTERNAL_ERROR")
    assert_error(second, 500, "INTERNAL_ERROR")
    assert first.headers["x-request-id"] != second.headers["x-request-id"]
    assert (await client.get("/health")).status_code == 200
