"""`leadwise scan`: the duplicate scan of a workspace (the job `POST /api/v1/duplicates/scan`
starts), run here with a progress bar; the pairs it finds wait in the review queue."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from sqlalchemy.exc import SQLAlchemyError

from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.config import get_settings
from leadwise.core.db import Database
from leadwise.core.errors import AppError
from leadwise.core.logging import configure_logging
from leadwise.dedupe import (
    handlers,  # noqa: F401 - registers the dedupe.scan job
    service,
)
from leadwise.import_export.commands import CommandFailed, workspace_named
from leadwise.jobs.console import run_with_progress
from leadwise.models import Job


@dataclass
class Scanned:
    status: str
    counts: dict[str, Any]
    error: str | None


def run(workspace: str | None, threshold: float | None, console: Console) -> Scanned:
    return asyncio.run(_run(workspace, threshold, console))


async def _run(workspace: str | None, threshold: float | None, console: Console) -> Scanned:
    settings = get_settings()
    configure_logging(settings.log.model_copy(update={"level": "WARNING"}))
    database = Database(settings)
    try:
        async with database.unit_of_work() as session:
            chosen = await workspace_named(session, workspace)
            operator = Principal.system(chosen.id, Permission.LEADS_READ, Permission.LEADS_MERGE)
            job_id = (await service.start_scan(session, operator, threshold=threshold)).id
        await run_with_progress(
            database,
            settings,
            job_id,
            console,
            doing="scanning",
            shown=("leads_read", "candidate_pairs", "proposed", "written"),
        )
        async with database.sessionmaker() as session:
            job = await session.get(Job, job_id)
        assert job is not None
        return Scanned(job.status.value, dict(job.counts), job.error)
    except AppError as error:
        raise CommandFailed(error.message) from None
    except SQLAlchemyError as error:
        raise CommandFailed(f"could not use the database: {error}") from None
    finally:
        await database.dispose()
