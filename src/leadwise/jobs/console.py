"""A job run in the foreground of a command (`leadwise import`, `leadwise scan`): the same
handler as a worker runs, here, with a progress bar read from the job's row as the web app
reads it."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Sequence

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from sqlalchemy.exc import SQLAlchemyError

from leadwise.config import Settings
from leadwise.core.db import Database
from leadwise.jobs import runner
from leadwise.models import Job


async def run_with_progress(
    database: Database,
    settings: Settings,
    job_id: uuid.UUID,
    console: Console,
    *,
    doing: str,
    shown: Sequence[str],
) -> None:
    """Runs the job; the bar says `doing` and the job's `shown` counts as they grow."""
    progress = Progress(
        TextColumn(doing),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
        console=console,
    )
    task = progress.add_task(doing, total=100, counts="")
    work = asyncio.create_task(runner.run_job(database, settings, job_id))
    with progress:
        while not work.done():
            await asyncio.wait({work}, timeout=0.5)
            with contextlib.suppress(SQLAlchemyError):
                async with database.sessionmaker() as session:
                    job = await session.get(Job, job_id)
                if job is not None:
                    counts = job.counts
                    text = ", ".join(f"{counts[k]} {k}" for k in shown if k in counts)
                    progress.update(task, completed=job.progress, counts=text)
        progress.update(task, completed=100)
    await work
