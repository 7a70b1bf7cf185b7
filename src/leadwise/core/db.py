"""Engine, sessions and the unit of work.

The transaction is the request or the task: `unit_of_work()` commits at the end and only then
runs the callbacks registered with `after_commit()` (jobs to publish); on error it rolls back,
drops them and runs the `on_rollback()` ones instead (files stored for rows that never landed).
"""

from __future__ import annotations

import copy
import inspect
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
import orjson
from sqlalchemy import ColumnElement, event, func
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session

from leadwise.config import Settings
from leadwise.core.errors import AppError
from leadwise.core.live import SESSION_HUB, SESSION_WORKSPACE, LiveHub, Publisher

log = logging.getLogger(__name__)

AFTER_COMMIT_KEY = "leadwise_after_commit"
ON_ROLLBACK_KEY = "leadwise_on_rollback"
Callback = Callable[[], None] | Callable[[], Awaitable[None]]
SQLITE_BUSY_TIMEOUT_MS = 15_000


def create_engine(settings: Settings) -> AsyncEngine:
    url = make_url(settings.sqlalchemy_url)
    options: dict[str, Any] = {
        "echo": settings.db_echo,
        # JSON columns (custom fields, activity data, ...) through orjson: the stdlib's
        # decoder took 5-7% of a leads list's CPU.
        "json_serializer": _json_dumps,
        "json_deserializer": orjson.loads,
    }
    if settings.is_sqlite:
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        options["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
    else:
        options["pool_size"] = settings.db_pool_size
        options["max_overflow"] = settings.db_pool_size // 2
    engine = create_async_engine(url, **options)
    if settings.is_sqlite:
        cache_mib = settings.db_sqlite_cache_mib
        event.listen(
            engine.sync_engine,
            "connect",
            lambda connection, _record: _sqlite_pragmas(connection, cache_mib),
        )
        event.listen(engine.sync_engine, "savepoint", _sqlite_begin_before_savepoint)
    else:
        event.listen(engine.sync_engine.pool, "checkin", _note_idle_since)
        event.listen(engine.sync_engine.pool, "checkout", _ping_if_idle)
    return engine


def _json_dumps(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


# A connection idle this long is pinged before use (a restarted or failed-over server has
# closed it). Pinging every checkout (`pool_pre_ping`) would cost a round trip per request.
PING_AFTER_IDLE_SECONDS = 10.0


def _note_idle_since(_dbapi_connection: Any, record: Any) -> None:
    record.info["idle_since"] = time.monotonic()


def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    idle_since = record.info.get("idle_since")
    if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
        return
    try:
        dbapi_connection.ping()
    except Exception as error:
        # The pool discards this connection and checks out (or opens) another one.
        raise DisconnectionError(str(error)) from error


def _sqlite_pragmas(dbapi_connection: Any, cache_mib: int) -> None:
    # WAL lets the API read while the worker writes; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute(f"PRAGMA cache_size=-{cache_mib * 1024}")  # negative: KiB, not pages
    cursor.close()


def _sqlite_begin_before_savepoint(connection: Any, _name: str) -> None:
    """Python's sqlite3 opens a transaction only before INSERT/UPDATE/DELETE. A SAVEPOINT sent
    first opens one of its own, and its RELEASE then commits at once: what a savepoint wrote
    would survive a rollback of the request. So open the transaction first; IMMEDIATE, as a
    savepoint is taken to write, and it waits for the write lock instead of failing later."""
    dbapi_connection = connection.connection.dbapi_connection
    # SQLAlchemy's aiosqlite adapter keeps the aiosqlite connection in `_connection`.
    if not dbapi_connection._connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """The engine and session factory of one process (or one event loop, in the worker)."""

    def __init__(self, settings: Settings, *, live: LiveHub | None = None) -> None:
        self.settings = settings
        self.engine = create_engine(settings)
        self.live = live
        # Sessions carry the hub that their committed lead changes are published to.
        self._make_sessions({SESSION_HUB: live} if live is not None else None)

    def _make_sessions(self, info: dict[str, Any] | None) -> None:
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False, info=info)
        # For read-only requests: no BEGIN and COMMIT round trips around their SELECTs (under
        # READ COMMITTED each statement sees its own snapshot anyway). No savepoints here.
        self.read_sessionmaker = async_sessionmaker(
            self.engine.execution_options(isolation_level="AUTOCOMMIT"),
            expire_on_commit=False,
            info=info,
        )

    def for_job(self, workspace_id: uuid.UUID, live: Publisher) -> Database:
        """The same engine and pool, with sessions that publish their committed lead changes
        through `live` (a job's throttled feed) as changes in `workspace_id`: a job's bulk
        statements then become `leads.changed`, as a request's do."""
        view = copy.copy(self)
        view._make_sessions({SESSION_HUB: live, SESSION_WORKSPACE: workspace_id})
        return view

    async def dispose(self) -> None:
        await self.engine.dispose()

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[AsyncSession]:
        async with self.sessionmaker() as session, transaction(session):
            yield session


@asynccontextmanager
async def transaction(session: AsyncSession) -> AsyncIterator[None]:
    """Commit when the block ends, then run the after-commit callbacks; roll back on error.

    An `AppError` raised with `keep_changes=True` still commits: some refusals must record
    something (a failed sign-in counter, a session revoked for token reuse).
    """
    try:
        yield
    except BaseException as error:
        if isinstance(error, AppError) and error.keep_changes:
            await _commit(session)
        else:
            await _roll_back(session)
        raise
    await _commit(session)


async def _commit(session: AsyncSession) -> None:
    try:
        await session.commit()
    except BaseException:
        await _roll_back(session)
        raise
    session.info.pop(ON_ROLLBACK_KEY, None)
    await _run_callbacks(session.info.pop(AFTER_COMMIT_KEY, []), "after-commit")


async def _roll_back(session: AsyncSession) -> None:
    session.info.pop(AFTER_COMMIT_KEY, None)
    try:
        await session.rollback()
    finally:
        await _run_callbacks(session.info.pop(ON_ROLLBACK_KEY, []), "on-rollback")


def after_commit(session: AsyncSession | Session, callback: Callback) -> None:
    """Run `callback` once the transaction committed (a plain function runs in a thread)."""
    session.info.setdefault(AFTER_COMMIT_KEY, []).append(callback)


def on_rollback(session: AsyncSession, callback: Callback) -> None:
    """Run `callback` if the transaction rolls back instead (undo effects outside the database)."""
    session.info.setdefault(ON_ROLLBACK_KEY, []).append(callback)


async def _run_callbacks(callbacks: list[Callback], when: str) -> None:
    for callback in callbacks:
        try:
            if inspect.iscoroutinefunction(callback):
                await callback()
            else:
                await anyio.to_thread.run_sync(callback)
        except Exception:
            # The transaction's outcome stands; a job that failed to publish is picked up by
            # the sweeper, a file left behind by a rollback only costs disk space.
            log.exception("%s callback failed", when)


async def release_connection(session: AsyncSession) -> None:
    """End the read-only part of a request before slow I/O (a long upload), so the pooled
    connection goes back to the pool instead of idling in a transaction meanwhile.

    Commits whatever is pending (only bookkeeping such as an API key's last use may be); the
    session starts a new transaction on its next statement.
    """
    await session.commit()


def workspace_check(column: Any, workspace_id: uuid.UUID) -> ColumnElement[bool]:
    """`column == workspace_id` as a check of rows found by their ids, not as the way to find
    them: given a plain equality, SQLite's planner walks a workspace index and tests every row
    against the list of ids (300 ms at 100,000 leads, 2.5 s at 670,000) instead of looking the
    ids up by primary key."""
    return func.coalesce(column, column) == workspace_id
