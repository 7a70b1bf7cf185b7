"""Job handlers for tests only; the worker loads them via LEADWISE_WORKER__EXTRA_TASK_MODULES.

Their effects go to plain tables the tests create with raw SQL (`job_effects`, `job_attempts`)
without unique constraints, so a step done twice shows up as a duplicate row.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from leadwise.jobs.handlers import JobContext, TransientJobError, job_handler

COUNT = "test.count"
FLAKY = "test.flaky"
BOOM = "test.boom"

EFFECT_TABLES = {
    "job_effects": "CREATE TABLE IF NOT EXISTS job_effects (job_id VARCHAR(36) NOT NULL, "
    "seq INTEGER NOT NULL)",
    "job_attempts": "CREATE TABLE IF NOT EXISTS job_attempts (job_id VARCHAR(36) NOT NULL, "
    "attempt INTEGER NOT NULL, started_at FLOAT NOT NULL)",
}


async def create_effect_tables(connection: AsyncConnection) -> None:
    for name, ddl in EFFECT_TABLES.items():
        await connection.execute(text(ddl))
        await connection.execute(text(f"DELETE FROM {name}"))  # noqa: S608 - fixed names


@job_handler(COUNT)
async def count(ctx: JobContext) -> dict[str, Any]:
    """One row per step, committed with the checkpoint that says the step is done."""
    total = int(ctx.params["total"])
    step_seconds = float(ctx.params.get("step_seconds", 0))
    start = int(ctx.checkpoint.get("next", 0))
    for seq in range(start, total):
        if step_seconds:
            await asyncio.sleep(step_seconds)
        async with ctx.db.unit_of_work() as session:
            await session.execute(
                text("INSERT INTO job_effects (job_id, seq) VALUES (:job_id, :seq)"),
                {"job_id": str(ctx.job_id), "seq": seq},
            )
            await ctx.save(
                session,
                checkpoint={"next": seq + 1},
                progress=100 * (seq + 1) / total,
                counts={"done": seq + 1},
            )
    return {"total": total, "resumed_at": start}


@job_handler(FLAKY)
async def flaky(ctx: JobContext) -> dict[str, Any]:
    """Fails transiently on the first `fail_times` attempts, then succeeds."""
    async with ctx.db.unit_of_work() as session:
        await session.execute(
            text(
                "INSERT INTO job_attempts (job_id, attempt, started_at) "
                "VALUES (:job_id, :attempt, :started_at)"
            ),
            {"job_id": str(ctx.job_id), "attempt": ctx.attempt, "started_at": time.time()},
        )
    if ctx.attempt <= int(ctx.params["fail_times"]):
        raise TransientJobError(f"remote service busy (attempt {ctx.attempt})")
    return {"succeeded_on_attempt": ctx.attempt}


@job_handler(BOOM)
async def boom(ctx: JobContext) -> dict[str, Any]:
    raise RuntimeError("the sample handler broke on purpose")
