"""`leadwise export`: one workspace's leads into a file (or stdout) from the configured
database, with a progress bar on stderr. A failed export leaves no file behind: the output is
written under a temporary name and renamed when complete."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.principal import Principal
from leadwise.config import get_settings
from leadwise.core.db import Database
from leadwise.core.errors import AppError
from leadwise.core.pagination import PageParams
from leadwise.import_export import export
from leadwise.import_export.commands import CommandFailed, workspace_named
from leadwise.import_export.export_schemas import ExportRequest
from leadwise.leads import service as leads
from leadwise.leads.schemas import BulkFilter
from leadwise.stages import service as stages
from leadwise.users import service as users


class ExportFailed(CommandFailed):
    """What went wrong, in one line for the user."""


@dataclass(frozen=True, slots=True)
class CliFilters:
    stage: str | None = None  # name or id
    owner: str | None = None  # email or id
    tag: str | None = None
    source: str | None = None
    lifecycle: str | None = None
    verification: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    search: str | None = None
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class Written:
    path: str  # "-" for stdout
    rows: int
    workspace: str


def run(
    *,
    output: str | None,
    workspace: str | None,
    filters: CliFilters,
    settings: dict[str, Any],
    fields: list[str] | None,
) -> Written:
    return asyncio.run(_run(output, workspace, filters, settings, fields))


async def _run(
    output: str | None,
    workspace: str | None,
    filters: CliFilters,
    settings: dict[str, Any],
    fields: list[str] | None,
) -> Written:
    database = Database(get_settings())
    try:
        async with database.unit_of_work() as session:
            chosen = await workspace_named(session, workspace)
            principal = export.export_principal(chosen.id)
            request = _request(await _filter(session, principal, filters), settings, fields)
            plan = await export.prepare(session, principal, request)
            total = await leads.count_matching(
                session, principal, request.filter, deleted=request.deleted
            )
        path = output or plan.file_name
        rows = await _write(path, database, plan, total)
        return Written(path=path, rows=rows, workspace=chosen.name)
    except AppError as error:
        raise ExportFailed(error.message) from None
    except OSError as error:
        raise ExportFailed(f"cannot write {error.filename or output}: {error.strerror}") from None
    except SQLAlchemyError as error:
        raise ExportFailed(f"could not read the database: {error}") from None
    finally:
        await database.dispose()


def _as_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


async def _filter(session: AsyncSession, principal: Principal, given: CliFilters) -> BulkFilter:
    """The leads-list filter, with a stage named by name and an owner by email."""
    values: dict[str, Any] = {
        "tag": given.tag,
        "source": given.source,
        "lifecycle": given.lifecycle,
        "verification_status": given.verification,
        "created_from": _utc(given.created_from),
        "created_to": _utc(given.created_to),
        "q": given.search,
    }
    if given.stage is not None:
        pipeline = await stages.list_stages(session, principal)
        stage = next(
            (
                s
                for s in pipeline
                if str(s.id) == given.stage or s.name.casefold() == given.stage.casefold()
            ),
            None,
        )
        if stage is None:
            names = ", ".join(repr(s.name) for s in pipeline)
            raise ExportFailed(f"--stage: no stage {given.stage!r}; stages: {names}")
        values["stage_id"] = stage.id
    if given.owner is not None:
        values["owner_id"] = await _owner(session, principal, given.owner)
    try:
        return BulkFilter.model_validate({k: v for k, v in values.items() if v is not None})
    except ValidationError as error:
        raise ExportFailed(_problems(error)) from None


async def _owner(session: AsyncSession, principal: Principal, wanted: str) -> uuid.UUID:
    members = await users.list_members(session, principal, PageParams(limit=10_000, cursor=None))
    wanted_id = _as_uuid(wanted)
    for member in members.items:
        if member.user_id == wanted_id or member.user.email.casefold() == wanted.casefold():
            return member.user_id
    raise ExportFailed(f"--owner: {wanted!r} is not a member of this workspace")


def _utc(value: datetime | None) -> datetime | None:
    """Dates on the command line are UTC unless they say otherwise."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _request(
    filters: BulkFilter, settings: dict[str, Any], fields: list[str] | None
) -> ExportRequest:
    try:
        return ExportRequest.model_validate({**settings, "fields": fields, "filter": filters})
    except ValidationError as error:
        raise ExportFailed(_problems(error)) from None


def _problems(error: ValidationError) -> str:
    """Pydantic's complaints, named as the command's options (`--format: Input should be ...`)."""
    options = {"q": "search", "verification_status": "verification", "headers": "labels"}
    return "; ".join(
        f"--{options.get(name, name).replace('_', '-')}: {item['msg']}"
        for item in error.errors()
        for name in [str(item["loc"][-1]) if item["loc"] else "options"]
    )


async def _write(path: str, database: Database, plan: export.ExportPlan, total: int) -> int:
    progress = Progress(
        TextColumn("exporting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
    )
    task = progress.add_task("leads", total=total)
    done = 0

    async def advance(rows: int) -> None:
        nonlocal done
        done += rows
        progress.update(task, completed=done)

    chunks = export.stream(database, plan, on_rows=advance)
    with progress:
        if path == "-":
            await _copy(chunks, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            return done
        target = Path(path)
        partial = target.with_name(target.name + ".part")
        try:
            with partial.open("wb") as out:
                await _copy(chunks, out)
            os.replace(partial, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                partial.unlink()
            raise
    return done


async def _copy(chunks: AsyncIterator[bytes], out: BinaryIO) -> None:
    async for chunk in chunks:
        out.write(chunk)
