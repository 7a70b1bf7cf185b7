"""Database engine behaviour that requests rely on."""

from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from leadwise.core import db as core_db
from tests.conftest import Account


async def _terminate_every_connection(database_url: str) -> int:
    url = make_url(database_url)
    admin = await asyncpg.connect(
        host=url.host, port=url.port or 5432, user=url.username, database=url.database
    )
    try:
        return len(
            await admin.fetch(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    finally:
        await admin.close()


@pytest.mark.postgresql_only
@pytest.mark.parametrize("ping_after", [0.0, 1e9], ids=["pinged", "not-pinged"])
async def test_connections_dropped_by_the_server(
    client, owner: Account, database_url: str, monkeypatch: pytest.MonkeyPatch, ping_after: float
):
    assert (await client.get("/api/v1/users/me", headers=owner.headers)).status_code == 200
    # The server ends every pooled connection (a restart, a failover, an idle timeout).
    assert await _terminate_every_connection(database_url) >= 1
    monkeypatch.setattr(core_db, "PING_AFTER_IDLE_SECONDS", ping_after)
    response = await client.get("/api/v1/users/me", headers=owner.headers)
    if ping_after == 0.0:
        # Idle connections are pinged at checkout and replaced: nobody notices.
        assert response.status_code == 200, response.text
    else:
        # The control case: without the ping the dead connection surfaces as an error,
        # which shows the case above really ran into dead connections.
        assert response.status_code == 500


async def test_commit_and_rollback_callbacks(db):
    """After-commit work runs only on commit; on-rollback work (undoing stored files) only on
    rollback, including a rollback caused by a failing commit."""
    events: list[str] = []

    async def async_undo() -> None:
        events.append("async undo")

    async with db.sessionmaker() as session, core_db.transaction(session):
        core_db.after_commit(session, lambda: events.append("published"))
        core_db.on_rollback(session, async_undo)
    assert events == ["published"]

    async def failing_request() -> None:
        async with db.sessionmaker() as session, core_db.transaction(session):
            core_db.after_commit(session, lambda: events.append("published"))
            core_db.on_rollback(session, async_undo)
            core_db.on_rollback(session, lambda: events.append("sync undo"))
            raise RuntimeError("the request failed")

    async def failing_commit() -> None:
        async with db.sessionmaker() as session, core_db.transaction(session):
            core_db.after_commit(session, lambda: events.append("published"))
            core_db.on_rollback(session, async_undo)

            async def commit_fails() -> None:  # the server went away at COMMIT
                raise ConnectionResetError

            session.commit = commit_fails  # type: ignore[method-assign]

    events.clear()
    with pytest.raises(RuntimeError):
        await failing_request()
    assert events == ["async undo", "sync undo"]

    events.clear()
    with pytest.raises(ConnectionResetError):
        await failing_commit()
    assert events == ["async undo"]


async def test_a_savepoint_is_undone_with_its_transaction(db):
    """On SQLite a savepoint sent as the first write used to commit on release: a rolled-back
    request kept what its savepoint wrote."""
    from sqlalchemy import select

    from leadwise.models import SystemFlag

    async def failing_request() -> None:
        async with db.sessionmaker() as session, core_db.transaction(session):
            await session.execute(select(SystemFlag))
            async with session.begin_nested():
                session.add(SystemFlag(key="written-in-a-savepoint"))
            raise RuntimeError("the request failed after its savepoint")

    with pytest.raises(RuntimeError):
        await failing_request()
    async with db.sessionmaker() as session:
        assert await session.get(SystemFlag, "written-in-a-savepoint") is None


async def test_read_only_endpoints_run_without_a_transaction(app, database_url):
    """No BEGIN/COMMIT round trips for endpoints that only read: each statement is its own
    transaction (on PostgreSQL, `now()` moves between two statements of one request)."""
    import asyncio

    from sqlalchemy import text
    from starlette.requests import Request

    from leadwise.core.dependencies import get_session, read_only

    @read_only
    async def reading() -> None: ...

    async def writing() -> None: ...

    async def session_for(endpoint):
        route = type("Route", (), {"endpoint": staticmethod(endpoint)})()
        scope = {"type": "http", "app": app, "route": route, "headers": [], "method": "GET"}
        sessions = get_session(Request(scope))
        return sessions, await sessions.__anext__()

    for endpoint, expected in ((reading, "AUTOCOMMIT"), (writing, None)):
        sessions, session = await session_for(endpoint)
        assert session.bind.get_execution_options().get("isolation_level") == expected
        if database_url.startswith("postgresql"):
            first = await session.scalar(text("SELECT now()"))
            await asyncio.sleep(0.01)
            second = await session.scalar(text("SELECT now()"))
            assert (first != second) == (expected == "AUTOCOMMIT")
        with pytest.raises(StopAsyncIteration):
            await sessions.__anext__()
