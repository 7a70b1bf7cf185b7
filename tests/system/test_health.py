"""Liveness and readiness against real (and really unreachable) database, broker and Redis."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

import httpx
import pytest
from kombu.utils.url import url_to_parts

from leadwise import __version__
from tests.conftest import assert_error
from tests.system.conftest import Configure, running_app

# CI sets it (.ci/run starts RabbitMQ); without it, the RabbitMQ case is not collected.
AMQP_URL = os.environ.get("LEADWISE_TEST_AMQP_URL")
# Port 1 on loopback: nothing listens there, so connections are refused at once.
DEAD_POSTGRES = "postgresql://postgres@127.0.0.1:1/leadwise"
DEAD_REDIS = "redis://127.0.0.1:1/0"
DEAD_AMQP = "amqp://guest:guest@127.0.0.1:1//"


def _listening(url: str) -> bool:
    parts = url_to_parts(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 5672), 2):
            return True
    except OSError:
        return False


async def _ready(client: httpx.AsyncClient) -> httpx.Response:
    return await client.get("/health/ready")


def _down(response: httpx.Response, failed: str) -> dict[str, Any]:
    """A 503 envelope that names `failed` (and only it) as the dependency that is down."""
    error = assert_error(response, 503, "SERVICE_UNAVAILABLE")
    checks: dict[str, Any] = error["details"]["checks"]
    assert set(checks) == {"database", "broker", "redis"}
    assert checks[failed]["status"] == "error", checks
    assert checks[failed]["error"], checks
    assert isinstance(checks[failed]["latency_ms"], float | int)
    assert failed in error["message"]
    for name, check in checks.items():
        if name != failed:
            assert check["status"] in {"ok", "not_configured"}, checks
            assert name not in error["message"]
    return checks


async def test_health_answers_in_the_envelope(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["success"] is True
    assert body["data"] == {"status": "ok", "version": __version__}
    assert body["timestamp"]
    assert response.headers["x-request-id"]


async def test_ready_reports_database_broker_and_redis(
    store_env: str, client: httpx.AsyncClient
) -> None:
    response = await _ready(client)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["success"] is True
    data = body["data"]
    assert data["status"] == "ok"
    checks = data["checks"]
    assert checks["database"]["status"] == "ok"
    assert checks["broker"]["status"] == "ok"
    expected_redis = "ok" if store_env == "redis" else "not_configured"
    assert checks["redis"]["status"] == expected_redis


async def test_ready_503_when_the_database_is_down(
    configure: Configure, database_url: str, tmp_path: Path
) -> None:
    if database_url.startswith("sqlite"):
        unreachable = tmp_path / "not-a-database"
        unreachable.mkdir()  # a directory: SQLite cannot open it as a database file
        configure(LEADWISE_DATABASE_URL=f"sqlite+aiosqlite:///{unreachable}")
    else:
        configure(LEADWISE_DATABASE_URL=DEAD_POSTGRES)
    async with running_app() as (_app, client):
        alive = await client.get("/health")
        response = await _ready(client)
    assert alive.status_code == 200  # liveness does not depend on the database
    checks = _down(response, "database")
    assert checks["broker"]["status"] == "ok"


@pytest.mark.parametrize("broker_url", [DEAD_REDIS, DEAD_AMQP], ids=["redis", "amqp"])
async def test_ready_503_when_the_broker_is_down(configure: Configure, broker_url: str) -> None:
    configure(LEADWISE_BROKER_URL=broker_url)
    async with running_app() as (_app, client):
        response = await _ready(client)
    checks = _down(response, "broker")
    assert checks["database"]["status"] == "ok"


async def test_ready_503_when_configured_redis_is_down(configure: Configure) -> None:
    configure(LEADWISE_REDIS_URL=DEAD_REDIS)
    async with running_app() as (_app, client):
        response = await _ready(client)
    checks = _down(response, "redis")
    assert checks["database"]["status"] == "ok"
    assert checks["broker"]["status"] == "ok"


if AMQP_URL:

    async def test_ready_with_rabbitmq_as_broker(configure: Configure) -> None:
        assert AMQP_URL
        assert _listening(AMQP_URL), f"RabbitMQ not reachable at {AMQP_URL}"
        configure(LEADWISE_BROKER_URL=AMQP_URL)
        async with running_app() as (_app, client):
            response = await _ready(client)
        assert response.status_code == 200, response.text
        checks = response.json()["data"]["checks"]
        assert checks["broker"]["status"] == "ok"
        assert checks["database"]["status"] == "ok"


async def test_ready_names_every_failed_check_and_leaks_no_password(configure: Configure) -> None:
    configure(
        LEADWISE_BROKER_URL="amqp://guest:broker-pw-1234@127.0.0.1:1//",
        LEADWISE_REDIS_URL="redis://:redis-pw-1234@127.0.0.1:1/0",
    )
    async with running_app() as (_app, client):
        response = await _ready(client)
    error = assert_error(response, 503, "SERVICE_UNAVAILABLE")
    checks = error["details"]["checks"]
    assert checks["database"]["status"] == "ok"
    assert checks["broker"]["status"] == checks["redis"]["status"] == "error"
    assert "broker" in error["message"]
    assert "redis" in error["message"]
    assert "pw-1234" not in response.text
