"""Request logs: JSON lines on stderr with the request id, and who made the request."""

from __future__ import annotations

import re

import httpx
from fastapi import FastAPI

from tests.conftest import Account
from tests.system.conftest import LogCapture

GENERATED_ID = re.compile(r"^[0-9a-f]{32}$")


async def test_request_lines_carry_request_user_and_workspace(
    stderr_logs: LogCapture, app: FastAPI, client: httpx.AsyncClient, owner: Account
) -> None:
    assert app.state.settings.log.level == "INFO"
    response = await client.get("/api/v1/users/me", headers=owner.headers)
    assert response.status_code == 200, response.text

    (line,) = stderr_logs.requests("/api/v1/users/me")
    assert line["request_id"] == response.headers["x-request-id"]
    assert line["user_id"] == str(owner.user_id)
    assert line["workspace_id"] == str(owner.workspace_id)
    assert line["method"] == "GET"
    assert line["route"] == "/api/v1/users/me"
    assert line["status"] == 200
    assert line["duration_ms"] >= 0
    assert line["level"] == "info"
    assert line["timestamp"]


async def test_anonymous_request_line_has_no_user_of_an_earlier_request(
    stderr_logs: LogCapture, client: httpx.AsyncClient, owner: Account
) -> None:
    signed_in = await client.get("/api/v1/users/me", headers=owner.headers)
    assert signed_in.status_code == 200
    anonymous = await client.get("/api/v1/users/me")
    assert anonymous.status_code == 401

    first, second = stderr_logs.requests("/api/v1/users/me")
    assert first["user_id"] == str(owner.user_id)
    assert second["request_id"] == anonymous.headers["x-request-id"]
    assert second["request_id"] != first["request_id"]
    assert second["status"] == 401
    assert "user_id" not in second
    assert "workspace_id" not in second


async def test_well_formed_request_id_is_echoed(
    stderr_logs: LogCapture, client: httpx.AsyncClient
) -> None:
    incoming = "req-2024.abc_DEF-0123456789"
    response = await client.get("/health", headers={"X-Request-ID": incoming})
    assert response.status_code == 200
    assert response.headers["x-request-id"] == incoming
    (line,) = stderr_logs.requests("/health")
    assert line["request_id"] == incoming


async def test_malformed_request_id_is_replaced(
    stderr_logs: LogCapture, client: httpx.AsyncClient
) -> None:
    hostile = [
        "short",  # too short to be unique
        "x" * 129,  # too long
        'id"} injected: {"user_id": "admin',  # quotes, spaces, braces
        "abc123456\tdef",
        "<script>alert(1)</script>",
    ]
    for incoming in hostile:
        response = await client.get("/health", headers={"X-Request-ID": incoming})
        assert response.status_code == 200
        replaced = response.headers["x-request-id"]
        assert replaced != incoming
        assert GENERATED_ID.match(replaced), replaced
    lines = stderr_logs.requests("/health")
    assert len(lines) == len(hostile)
    for line in lines:
        assert GENERATED_ID.match(line["request_id"])
    assert "admin" not in {line.get("user_id") for line in lines}


async def test_requests_without_an_id_get_distinct_ids(client: httpx.AsyncClient) -> None:
    ids = {(await client.get("/health")).headers["x-request-id"] for _ in range(5)}
    assert len(ids) == 5
    assert all(GENERATED_ID.match(request_id) for request_id in ids)
