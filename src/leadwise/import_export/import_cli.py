"""`leadwise import FILE`: the same import as the API (stored file, import row, job), run here
with a progress bar; a worker that receives the job's message finds it taken and leaves it."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.console import Console
from rich.table import Table
from sqlalchemy.exc import SQLAlchemyError

from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.config import get_settings
from leadwise.core.db import Database
from leadwise.core.errors import AppError
from leadwise.core.filetypes import SNIFF_BYTES, detect
from leadwise.core.logging import configure_logging
from leadwise.core.storage import new_key
from leadwise.import_export import import_repository as repository
from leadwise.import_export import import_service as service
from leadwise.import_export.commands import CommandFailed, workspace_named
from leadwise.import_export.import_schemas import ImportOptions, ImportStart
from leadwise.integrations.storage import create_file_store
from leadwise.jobs.console import run_with_progress
from leadwise.models import ImportRun, Job

COPY_CHUNK = 1 << 20


class ImportFailed(CommandFailed):
    """What went wrong, in one line for the user."""


@dataclass
class Finished:
    run_id: uuid.UUID
    status: str
    counts: dict[str, int]
    error: str | None
    errors: list[tuple[int, str | None, str | None, str]]  # the first few problems


def operator(workspace_id: uuid.UUID) -> Principal:
    """Who imports from the command line: the operator of the installation, in one workspace."""
    return Principal.system(
        workspace_id, Permission.LEADS_READ, Permission.LEADS_WRITE, Permission.LEADS_IMPORT
    )


def run(
    path: Path,
    *,
    workspace: str | None,
    mapping: dict[str, str | None],
    options: dict[str, Any],
    preset: str | None,
    dry_run: bool,
    console: Console,
) -> Finished:
    return asyncio.run(_run(path, workspace, mapping, options, preset, dry_run, console))


async def _run(
    path: Path,
    workspace: str | None,
    mapping: dict[str, str | None],
    options: dict[str, Any],
    preset: str | None,
    dry_run: bool,
    console: Console,
) -> Finished:
    settings = get_settings()
    # The progress bar and the summary tell the story; the job's info lines would interleave.
    configure_logging(settings.log.model_copy(update={"level": "WARNING"}))
    database = Database(settings)
    store = create_file_store(settings.storage)
    key: str | None = None
    try:
        async with database.unit_of_work() as session:
            chosen = await workspace_named(session, workspace)
            principal = operator(chosen.id)
            key, size, digest = await _store(store, chosen.id, path)
            uploaded = await service.register(
                session, principal, store, key, path.name, size, digest
            )
            request = await _request(
                session, principal, uploaded.run, mapping, options, preset, dry_run
            )
            started = await service.start(session, principal, uploaded.run.id, request)
            job_id = started.job_id
            run_id = started.id
        key = None  # the import owns the file now
        assert job_id is not None
        await run_with_progress(
            database,
            settings,
            job_id,
            console,
            doing="importing",
            shown=("read", "created", "updated", "failed"),
        )
        async with database.sessionmaker() as session:
            job = await session.get(Job, job_id)
            run_row = await session.get(ImportRun, run_id)
            assert job is not None
            assert run_row is not None
            [described] = await service.describe(session, [run_row])
            first = await repository.errors_after(session, run_id, None, 10)
        return Finished(
            run_id,
            described["status"],
            described["counts"],
            job.error,
            [(e.row_number, e.column, e.value, e.reason) for e in first],
        )
    except AppError as error:
        details = error.details.get("problems") if isinstance(error.details, dict) else None
        raise ImportFailed("; ".join(details) if details else error.message) from None
    except SQLAlchemyError as error:
        raise ImportFailed(f"could not use the database: {error}") from None
    finally:
        if key is not None:
            await store.delete(key)
        await store.close()
        await database.dispose()


async def _store(store: Any, workspace_id: uuid.UUID, path: Path) -> tuple[str, int, str]:
    try:
        handle = path.open("rb")
    except OSError as error:
        raise ImportFailed(f"{path}: {error.strerror}") from None
    with handle:
        head = handle.read(SNIFF_BYTES)
        kind = detect(head)
        if kind is None or kind.name not in service.ACCEPTED_TYPES:
            raise ImportFailed(f"{path}: not a CSV, TSV, XLSX, JSON or NDJSON file")
        key = new_key(workspace_id)
        writer = await store.open_writer(key)
        digest = hashlib.sha256()
        size = 0
        try:
            chunk = head
            while chunk:
                await writer.write(chunk)
                digest.update(chunk)
                size += len(chunk)
                chunk = handle.read(COPY_CHUNK)
            await writer.commit()
        except BaseException:
            await writer.abort()
            raise
    return key, size, digest.hexdigest()


async def _request(
    session: Any,
    principal: Principal,
    run: ImportRun,
    mapping: dict[str, str | None],
    options: dict[str, Any],
    preset: str | None,
    dry_run: bool,
) -> ImportStart:
    chosen_mapping = {**run.mapping, **mapping}
    values: dict[str, Any] = {"mapping": chosen_mapping, "dry_run": dry_run}
    if preset is not None:
        found = await repository.preset_named(session, principal.workspace, preset)
        if found is None:
            names = ", ".join(repr(p.name) for p in await service.list_presets(session, principal))
            raise ImportFailed(f"--preset: no preset {preset!r}; presets: {names or 'none'}")
        values["preset_id"] = found.id
        values["mapping"] = {
            **{c: t for c, t in found.mapping.items() if c in run.columns},
            **mapping,
        }
    if options or preset is None:
        values["options"] = options
    try:
        request = ImportStart.model_validate(values)
        ImportOptions.model_validate(options)
    except ValidationError as error:
        raise ImportFailed(
            "; ".join(
                f"--{str(item['loc'][-1]).replace('_', '-') if item['loc'] else 'options'}: "
                + item["msg"].removeprefix("Value error, ")
                for item in error.errors()
            )
        ) from None
    return request


def summary(finished: Finished) -> Table:
    table = Table("rows", "count", title=f"import {finished.status}", caption=str(finished.run_id))
    for name in ("read", "created", "updated", "skipped", "review", "failed", "warnings"):
        table.add_row(name, str(finished.counts.get(name, 0)))
    return table
