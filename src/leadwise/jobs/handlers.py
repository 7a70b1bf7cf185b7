"""Job kinds and their handlers, and what a handler gets to work with.

A domain registers the work of one job kind:

    @job_handler("imports.run")
    async def run_import(ctx: JobContext) -> dict[str, Any]:
        start = ctx.checkpoint.get("row", 0)
        for chunk in chunks_from(start):
            async with ctx.db.unit_of_work() as session:
                ...write the chunk's effects...
                await ctx.save(session, checkpoint={"row": chunk.end}, progress=chunk.percent)
        return {"rows": total}

Effects and checkpoint commit together, so a run killed at any point resumes exactly after
the last committed chunk: nothing is done twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.core.clock import utcnow
from leadwise.core.db import Database
from leadwise.jobs import repository

JobResult = dict[str, Any] | None
Handler = Callable[["JobContext"], Awaitable[JobResult]]

_HANDLERS: dict[str, Handler] = {}


def job_handler(kind: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        if kind in _HANDLERS and _HANDLERS[kind] is not handler:
            raise ValueError(f"job kind {kind!r} already has a handler")
        _HANDLERS[kind] = handler
        return handler

    return register


def handler_for(kind: str) -> Handler | None:
    return _HANDLERS.get(kind)


class TransientJobError(Exception):
    """Worth retrying later (a remote service timed out, a lock was busy)."""


class LeaseLost(Exception):
    """Another runner took this job over (ours was presumed dead); stop without writing."""


class JobCancelled(Exception):
    """The user asked to cancel; the runner stops between steps."""


@dataclass
class JobContext:
    db: Database
    job_id: uuid.UUID
    kind: str
    workspace_id: uuid.UUID | None
    params: dict[str, Any]
    checkpoint: dict[str, Any]
    attempt: int
    counts: dict[str, Any] = field(default_factory=dict)

    async def save(
        self,
        session: AsyncSession,
        *,
        checkpoint: dict[str, Any] | None = None,
        progress: float | None = None,
        counts: dict[str, Any] | None = None,
    ) -> None:
        """Record progress in the caller's transaction (the one holding the step's effects).

        Raises LeaseLost (rolling the step back) if this run no longer owns the job, and
        JobCancelled once the user asked to cancel.
        """
        values: dict[str, Any] = {"heartbeat_at": utcnow(), "updated_at": utcnow()}
        if checkpoint is not None:
            self.checkpoint = checkpoint
            values["checkpoint"] = checkpoint
        if progress is not None:
            values["progress"] = max(0, min(100, int(progress)))
        if counts is not None:
            self.counts = {**self.counts, **counts}
            values["counts"] = self.counts
        if not await repository.update_fenced(session, self.job_id, self.attempt, values):
            raise LeaseLost()
        if await repository.cancel_requested(session, self.job_id):
            raise JobCancelled()
