"""Readiness checks of the database, the broker and Redis."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import anyio.to_thread
from kombu.connection import Connection
from sqlalchemy import text

from leadwise.config import Settings
from leadwise.core.cache import Cache
from leadwise.core.db import Database

CHECK_TIMEOUT = 3.0


async def _timed(check: Any) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        await asyncio.wait_for(check(), CHECK_TIMEOUT)
        status: dict[str, Any] = {"status": "ok"}
    except Exception as error:  # any failure means "not ready"; say which
        status = {"status": "error", "error": f"{type(error).__name__}: {error}"[:300]}
    status["latency_ms"] = round((time.perf_counter() - started) * 1000, 2)
    return status


async def readiness(settings: Settings, database: Database, cache: Cache) -> dict[str, Any]:
    async def check_database() -> None:
        async with database.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def check_broker() -> None:
        def connect() -> None:
            with Connection(settings.resolved_broker_url, connect_timeout=CHECK_TIMEOUT) as conn:
                conn.ensure_connection(max_retries=0, timeout=int(CHECK_TIMEOUT))

        await anyio.to_thread.run_sync(connect, abandon_on_cancel=True)

    async def check_cache() -> None:
        if not await cache.ping():
            raise ConnectionError("no PONG")

    checks: dict[str, Any] = {"database": check_database, "broker": check_broker}
    if settings.redis_url:
        checks["redis"] = check_cache
    results = await asyncio.gather(*(_timed(check) for check in checks.values()))
    report = dict(zip(checks, results, strict=True))
    if not settings.redis_url:
        report["redis"] = {"status": "not_configured"}
    return report
