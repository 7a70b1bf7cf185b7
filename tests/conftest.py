"""Test fixtures: the same suite on SQLite and (when configured) PostgreSQL, real servers only.

Backends come from the environment, as CI sets it:
  LEADWISE_TEST_POSTGRES_URL  e.g. postgresql://postgres@127.0.0.1:5432/test
  LEADWISE_TEST_REDIS_URL     e.g. redis://127.0.0.1:6379/0
Each database-backed test runs once per backend ([sqlite], [postgresql]); tests of caches and
rate limits run once per store ([memory], [redis]).
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from leadwise.config import get_settings, normalise_database_url
from leadwise.core import migrate
from leadwise.core.db import Database
from leadwise.main import create_app
from leadwise.models import Base
from leadwise.worker.app import get_celery

POSTGRES_URL = os.environ.get("LEADWISE_TEST_POSTGRES_URL")
REDIS_URL = os.environ.get("LEADWISE_TEST_REDIS_URL")
BACKENDS = ["sqlite", *(["postgresql"] if POSTGRES_URL else [])]
STORES = ["memory", *(["redis"] if REDIS_URL else [])]
PASSWORD = "correct horse battery"

# Cheap argon2 for tests (production default: t=3, 64 MiB); the code path is the same.
FAST_HASHING = {"LEADWISE_AUTH__ARGON2_TIME_COST": "1", "LEADWISE_AUTH__ARGON2_MEMORY_KIB": "1024"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`@pytest.mark.postgresql_only` tests exist only in their PostgreSQL variant."""
    sqlite_variants = [
        item
        for item in items
        if item.get_closest_marker("postgresql_only")
        and getattr(getattr(item, "callspec", None), "params", {}).get("database_url")
        != "postgresql"
    ]
    if sqlite_variants:
        config.hook.pytest_deselected(items=sqlite_variants)
        items[:] = [item for item in items if item not in sqlite_variants]


def pytest_report_header() -> list[str]:
    amqp = "yes" if os.environ.get("LEADWISE_TEST_AMQP_URL") else "no"
    return [f"leadwise backends: {', '.join(BACKENDS)}; stores: {', '.join(STORES)}; amqp: {amqp}"]


@pytest.fixture(scope="session")
def session_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("leadwise")


async def _on_postgres_server(base_url: str, *statements: str) -> None:
    url = make_url(normalise_database_url(base_url))
    connection = await asyncpg.connect(
        host=url.host,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        database=url.database,
    )
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


async def _create_postgres_database(base_url: str, name: str) -> str:
    await _on_postgres_server(
        base_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'
    )
    url = make_url(normalise_database_url(base_url))
    return url.set(database=name).render_as_string(hide_password=False)


async def _drop_postgres_database(base_url: str, name: str) -> None:
    """Each run's databases are named by its process id: dropped at the end, not left behind."""
    await _on_postgres_server(base_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session", params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, session_tmp: Path) -> AsyncIterator[str]:
    """A migrated, empty database per backend, for the whole session."""
    name = None
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{session_tmp / 'test.sqlite3'}"
    else:
        assert POSTGRES_URL
        name = f"leadwise_test_{os.getpid()}"
        url = await _create_postgres_database(POSTGRES_URL, name)
    env = {"LEADWISE_DATABASE_URL": url, "LEADWISE_DATA_DIR": str(session_tmp)}
    with _environment(env):
        await asyncio.to_thread(migrate.upgrade, get_settings())
    yield url
    if name is not None:
        await _drop_postgres_database(POSTGRES_URL, name)


@dataclass
class TestEnv:
    """Environment variables for the app (and any worker process the test starts)."""

    values: dict[str, str]

    def apply(self, monkeypatch: pytest.MonkeyPatch) -> None:
        for key, value in self.values.items():
            monkeypatch.setenv(key, value)
        _clear_caches()


def _clear_caches() -> None:
    get_settings.cache_clear()
    get_celery.cache_clear()


class _environment:
    def __init__(self, values: dict[str, str]) -> None:
        self.values = values
        self.saved: dict[str, str | None] = {}

    def __enter__(self) -> None:
        for key, value in self.values.items():
            self.saved[key] = os.environ.get(key)
            os.environ[key] = value
        _clear_caches()

    def __exit__(self, *exc: object) -> None:
        for key, value in self.saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        _clear_caches()


@pytest.fixture
def test_env(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestEnv:
    for key in list(os.environ):
        if key.startswith("LEADWISE_") and not key.startswith("LEADWISE_TEST_"):
            monkeypatch.delenv(key)
    env = TestEnv(
        {
            "LEADWISE_ENV": "test",
            "LEADWISE_DATA_DIR": str(tmp_path),
            "LEADWISE_DATABASE_URL": database_url,
            "LEADWISE_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
            "LEADWISE_LOG__LEVEL": "WARNING",
            **FAST_HASHING,
        }
    )
    env.apply(monkeypatch)
    return env


async def _truncate(url: str) -> None:
    database = Database(get_settings().model_copy(update={"database_url": url}))
    try:
        async with database.engine.begin() as connection:
            tables = [table.name for table in reversed(Base.metadata.sorted_tables)]
            if url.startswith("postgresql"):
                await connection.execute(text(f"TRUNCATE {', '.join(tables)} CASCADE"))
            else:
                for name in tables:
                    await connection.execute(text(f"DELETE FROM {name}"))  # noqa: S608
    finally:
        await database.dispose()


@pytest.fixture
async def app(
    request: pytest.FixtureRequest, test_env: TestEnv, database_url: str
) -> AsyncIterator[Any]:
    if "store_env" in request.fixturenames:
        request.getfixturevalue("store_env")  # the store must be chosen before the app starts
    await _truncate(database_url)
    application = create_app()
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
async def db(app: Any) -> Database:
    database: Database = app.state.db
    return database


# --- helpers -------------------------------------------------------------------------------


@dataclass
class Account:
    email: str
    user_id: uuid.UUID
    workspace_id: uuid.UUID
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}

    def in_workspace(self, workspace_id: uuid.UUID | str) -> dict[str, str]:
        return {**self.headers, "X-Workspace-ID": str(workspace_id)}


async def setup_owner(
    client: httpx.AsyncClient, email: str = "owner@example.com", workspace: str = "Acme"
) -> Account:
    response = await client.post(
        "/api/v1/setup",
        json={"email": email, "password": PASSWORD, "workspace_name": workspace, "full_name": "O"},
    )
    assert response.status_code == 201, response.text
    data = response.json()["data"]
    return Account(
        email=email,
        user_id=uuid.UUID(data["user"]["id"]),
        workspace_id=uuid.UUID(data["workspace"]["id"]),
        access_token=data["tokens"]["access_token"],
        refresh_token=data["tokens"]["refresh_token"],
    )


async def login(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> httpx.Response:
    return await client.post("/api/v1/auth/login", data={"username": email, "password": password})


async def add_user(
    client: httpx.AsyncClient, admin: Account, email: str, role: str, workspace_id: Any = None
) -> Account:
    """Invite `email` with `role` into the admin's workspace and accept as a new user."""
    workspace = workspace_id or admin.workspace_id
    invited = await client.post(
        f"/api/v1/workspaces/{workspace}/members",
        json={"email": email, "role": role},
        headers=admin.headers,
    )
    assert invited.status_code == 201, invited.text
    token = invited.json()["data"]["invitation"]["token"]
    accepted = await client.post(
        "/api/v1/auth/accept-invite", json={"token": token, "password": PASSWORD}
    )
    assert accepted.status_code == 200, accepted.text
    tokens = accepted.json()["data"]
    me = await client.get(
        "/api/v1/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    return Account(
        email=email,
        user_id=uuid.UUID(me.json()["data"]["id"]),
        workspace_id=uuid.UUID(str(workspace)),
        access_token=tokens["access_token"],
        refresh_token=tokens["refresh_token"],
    )


@pytest.fixture
async def owner(client: httpx.AsyncClient) -> Account:
    return await setup_owner(client)


def assert_error(response: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    """The documented error envelope, with the expected status (and code)."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["success"] is False
    assert set(body) == {"success", "error", "timestamp"}
    assert {"code", "message", "details"} <= set(body["error"])
    assert response.headers.get("x-request-id")
    if code is not None:
        assert body["error"]["code"] == code, body
    error: dict[str, Any] = body["error"]
    return error


@pytest.fixture(params=STORES)
def store_env(
    request: pytest.FixtureRequest, test_env: TestEnv, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Runs the test with the in-memory store and again with Redis (when configured)."""
    if request.param == "redis":
        assert REDIS_URL
        monkeypatch.setenv("LEADWISE_REDIS_URL", REDIS_URL)
        _clear_caches()
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
    return str(request.param)
