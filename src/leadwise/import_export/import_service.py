"""Imports as the API and the CLI see them: upload, preview, start, follow, cancel, revert,
the error report, and presets."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.attachments.uploads import (
    MalformedBody,
    UploadLimits,
    discard,
    is_multipart,
    receive_multipart,
)
from leadwise.auth.principal import Principal
from leadwise.config import Settings
from leadwise.core.db import Database, on_rollback, release_connection
from leadwise.core.errors import AppError, Conflict, ValidationFailed, found
from leadwise.core.pagination import PageParams, paginate_by_id
from leadwise.core.schemas import Page
from leadwise.core.storage import FileStore
from leadwise.import_export import import_repository as repository
from leadwise.import_export import mapping as column_mapping
from leadwise.import_export.export_formats import neutralise
from leadwise.import_export.import_decide import Outcome
from leadwise.import_export.import_job import (
    REVERT_JOB,
    RUN_JOB,
    importer_for,
    local_copy,
)
from leadwise.import_export.import_schemas import (
    ImportOptions,
    ImportPreview,
    ImportStart,
    PresetWrite,
    PreviewCell,
    PreviewRead,
    PreviewRow,
)
from leadwise.import_export.readers import UnreadableFile, read_table
from leadwise.jobs import service as jobs
from leadwise.leads import custom_fields
from leadwise.leads import service as leads
from leadwise.models import ImportPreset, ImportRowError, ImportRun, ImportState, Job, JobStatus

SAMPLE_ROWS = 5
ERROR_REPORT_BATCH = 5000
ACCEPTED_TYPES = frozenset({"txt", "xlsx"})  # CSV, TSV, JSON and NDJSON are text


class UnreadableImport(AppError):
    status_code = 422
    code = "UNREADABLE_FILE"
    message = "The file cannot be read."


class ImportStateConflict(Conflict):
    code = "IMPORT_STATE"


@dataclass
class Uploaded:
    run: ImportRun
    suggestions: list[column_mapping.Suggestion]
    sample: list[dict[str, str]]


# --- upload ----------------------------------------------------------------------------------


async def upload(
    session: AsyncSession,
    principal: Principal,
    *,
    content_type: str | None,
    body: AsyncIterator[bytes],
    store: FileStore,
    settings: Settings,
) -> Uploaded:
    if not is_multipart(content_type):
        raise MalformedBody("Send the file as multipart/form-data (field `file`).")
    assert content_type is not None
    await release_connection(session)  # a big upload must not hold a database connection
    limits = UploadLimits(
        max_file_bytes=settings.imports.max_file_bytes, max_files=1, allowed_types=ACCEPTED_TYPES
    )
    received = await receive_multipart(content_type, body, store, principal.workspace, limits)
    if not received.files:
        raise ValidationFailed("The request carries no file.", details={"field": "file"})
    file = received.files[0]
    on_rollback(session, partial(discard, store, [file.storage_key]))
    return await register(
        session, principal, store, file.storage_key, file.original_name, file.size, file.sha256
    )


async def register(
    session: AsyncSession,
    principal: Principal,
    store: FileStore,
    storage_key: str,
    file_name: str,
    size: int,
    sha256: str,
) -> Uploaded:
    """An import of a stored file: its columns read, a mapping suggested, nothing started."""
    try:
        async with local_copy(store, storage_key) as path:
            table = read_table(path)
            sample = [row for row in islice(table.rows, SAMPLE_ROWS * 2) if isinstance(row, dict)]
            table_format = table.format.value
            columns = table.columns
    except UnreadableFile as error:
        raise UnreadableImport(str(error), details={"field": "file"}) from None
    definitions = await custom_fields.definitions_in(session, principal.workspace)
    suggestions = column_mapping.suggest(columns, {d.key: d.label for d in definitions})
    run = ImportRun(
        workspace_id=principal.workspace,
        created_by_id=principal.actor_id,
        file_name=file_name,
        file_format=_format_name(table_format, file_name),
        file_size=size,
        sha256=sha256,
        storage_key=storage_key,
        columns=columns,
        mapping={s.column: s.target for s in suggestions},
        options=ImportOptions().model_dump(mode="json"),
    )
    session.add(run)
    await session.flush()
    return Uploaded(run, suggestions, sample[:SAMPLE_ROWS])


def _format_name(kind: str, name: str) -> str:
    if kind == "csv" and name.lower().endswith((".tsv", ".tab")):
        return "tsv"
    return kind


# --- reading runs ----------------------------------------------------------------------------


async def get(session: AsyncSession, principal: Principal, import_id: uuid.UUID) -> ImportRun:
    return found(await repository.import_in(session, principal.workspace, import_id), "import")


async def describe(session: AsyncSession, runs: list[ImportRun]) -> list[dict[str, Any]]:
    """Runs as the API shows them: their own columns and their jobs' status and counts."""
    job_ids = [i for run in runs for i in (run.job_id, run.revert_job_id) if i is not None]
    by_id = await repository.jobs_by_id(session, job_ids)
    described = []
    for run in runs:
        job = by_id.get(run.job_id) if run.job_id else None
        revert = by_id.get(run.revert_job_id) if run.revert_job_id else None
        counts = dict(job.counts) if job else {}
        if revert is not None:
            counts |= {k: v for k, v in revert.counts.items() if k in ("removed", "restored")}
        described.append(
            {
                **{name: getattr(run, name) for name in _RUN_FIELDS},
                "status": status_of(run, job, revert),
                "progress": (revert.progress if revert else job.progress) if job else 0,
                "counts": counts,
                "error": (revert.error if revert and revert.error else job.error) if job else None,
            }
        )
    return described


_RUN_FIELDS = (
    "id", "file_name", "file_format", "file_size", "columns", "mapping", "options", "dry_run",
    "job_id", "revert_job_id", "created_by_id", "created_at", "reverted_at",
)  # fmt: skip


def status_of(run: ImportRun, job: Job | None, revert: Job | None) -> str:
    if run.state is ImportState.UPLOADED:
        return "uploaded"
    if run.state is ImportState.REVERTED:
        return "reverted"
    if run.state is ImportState.REVERTING:
        failed = revert is not None and revert.status is JobStatus.FAILED
        return "revert_failed" if failed else "reverting"
    return job.status.value if job else JobStatus.FAILED.value


async def list_imports(
    session: AsyncSession, principal: Principal, page: PageParams
) -> Page[ImportRun]:
    query = repository.imports_of(principal.workspace)
    return await paginate_by_id(session, query, ImportRun.id, page, descending=True)


# --- mapping, options, preview ---------------------------------------------------------------


async def _resolve(
    session: AsyncSession, principal: Principal, run: ImportRun, request: ImportStart
) -> tuple[dict[str, str | None], ImportOptions, list[str]]:
    """The mapping and options a request asks for (a preset's, its own, or the suggested
    mapping), with the problems found in them."""
    mapping: dict[str, str | None] = dict(run.mapping)
    options = request.options
    if request.preset_id is not None:
        preset = found(
            await repository.preset_in(session, principal.workspace, request.preset_id), "preset"
        )
        mapping = {
            column: target for column, target in preset.mapping.items() if column in run.columns
        }
        if "options" not in request.model_fields_set:
            options = ImportOptions.model_validate(preset.options)
    if request.mapping is not None:
        mapping = dict(request.mapping)
    definitions = await custom_fields.definitions_in(session, principal.workspace)
    problems = column_mapping.check(mapping, run.columns, {d.key for d in definitions})
    targets = set(mapping.values())
    if options.match_on is None:
        automatic = next((n for n in ("email", "external_id", "phone") if n in targets), "email")
        options = options.model_copy(update={"match_on": [automatic]})
        return mapping, options, problems
    for name in options.match_on:
        wanted = {"email": "email", "phone": "phone"}.get(name, name)
        if wanted not in targets and not (
            name in ("first_name", "last_name") and "full_name" in targets
        ):
            problems.append(f"rows are matched on {name!r}, but no column is mapped to it")
    return mapping, options, problems


async def preview(
    session: AsyncSession,
    principal: Principal,
    import_id: uuid.UUID,
    request: ImportPreview,
    store: FileStore,
) -> PreviewRead:
    """The first rows as the import would treat them; nothing is written."""
    run = await get(session, principal, import_id)
    mapping, options, problems = await _resolve(session, principal, run, request)
    if problems:
        return PreviewRead(mapping=mapping, problems=problems, rows=[], counts={})
    importer = await importer_for(session, principal.workspace, mapping, options)
    async with local_copy(store, run.storage_key) as path:
        try:
            table = read_table(path)
            chunk = list(islice(table.numbered, request.rows))
        except UnreadableFile as error:
            raise UnreadableImport(str(error)) from None
    outcomes = await importer.decide(session, chunk)
    rows = [_preview_row(outcome) for outcome in outcomes]
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.decision.value] = counts.get(row.decision.value, 0) + 1
    return PreviewRead(mapping=mapping, problems=[], rows=rows, counts=counts)


def _preview_row(outcome: Outcome) -> PreviewRow:
    row = outcome.row
    fields = dict(row.fields) if row else {}
    if outcome.changes:
        fields = {"changes": outcome.changes, **fields}
    return PreviewRow(
        row=outcome.number,
        decision=outcome.decision,
        lead_id=outcome.lead_id,
        probability=outcome.probability,
        fields={k: str(v) if isinstance(v, uuid.UUID) else v for k, v in fields.items()},
        custom_fields=row.custom_fields if row else {},
        tags=row.tags if row else [],
        problems=[
            PreviewCell(column=p.column, value=p.value, reason=p.reason, fatal=p.fatal)
            for p in outcome.problems
        ]
        + (
            [PreviewCell(column=None, value=None, reason=outcome.reason, fatal=False)]
            if outcome.reason
            else []
        ),
    )


# --- start, cancel, revert -------------------------------------------------------------------


async def start(
    session: AsyncSession, principal: Principal, import_id: uuid.UUID, request: ImportStart
) -> ImportRun:
    run = await get(session, principal, import_id)
    if run.state is not ImportState.UPLOADED:
        raise ImportStateConflict(
            "This import has already been started; upload the file again to run it again.",
            details={"state": run.state.value},
        )
    mapping, options, problems = await _resolve(session, principal, run, request)
    if problems:
        raise ValidationFailed(
            "The mapping or options have problems: " + "; ".join(problems),
            details={"field": "mapping", "problems": problems},
        )
    if options.owner_id is not None:
        await leads.check_owner(session, principal, options.owner_id)
    if options.stage_id is not None:
        await leads.check_new_lead_stage(session, principal, options.stage_id)
    job = await jobs.create(session, principal, kind=RUN_JOB, params={"import_id": str(run.id)})
    run.mapping = mapping
    run.options = options.model_dump(mode="json")
    run.dry_run = request.dry_run
    run.state = ImportState.STARTED
    run.job_id = job.id
    return run


async def cancel(session: AsyncSession, principal: Principal, import_id: uuid.UUID) -> ImportRun:
    run = await get(session, principal, import_id)
    if run.job_id is None:
        raise ImportStateConflict("This import has not been started.")
    await jobs.cancel(session, principal, run.job_id)
    return run


async def revert(session: AsyncSession, principal: Principal, import_id: uuid.UUID) -> ImportRun:
    run = await get(session, principal, import_id)
    job = await session.get(Job, run.job_id) if run.job_id else None
    if run.state is ImportState.REVERTED or (
        run.state is ImportState.REVERTING and run.revert_job_id is not None
    ):
        revert_job = await session.get(Job, run.revert_job_id) if run.revert_job_id else None
        if revert_job is None or revert_job.status is not JobStatus.FAILED:
            raise ImportStateConflict("This import is already reverted or being reverted.")
    elif run.state is ImportState.UPLOADED or job is None:
        raise ImportStateConflict("This import has not been started: there is nothing to revert.")
    elif not job.status.is_final:
        raise ImportStateConflict(
            "This import is still running; cancel it first, then revert.",
            details={"status": job.status.value},
        )
    if run.dry_run:
        raise ImportStateConflict("A dry run wrote nothing: there is nothing to revert.")
    revert_job = await jobs.create(
        session, principal, kind=REVERT_JOB, params={"import_id": str(run.id)}
    )
    run.state = ImportState.REVERTING
    run.revert_job_id = revert_job.id
    run.reverted_by_id = principal.actor_id
    return run


# --- the error report ------------------------------------------------------------------------


async def errors(
    session: AsyncSession, principal: Principal, import_id: uuid.UUID, page: PageParams
) -> Page[ImportRowError]:
    run = await get(session, principal, import_id)
    return await paginate_by_id(session, repository.errors_of(run.id), ImportRowError.id, page)


async def error_report(
    session: AsyncSession, db: Database, principal: Principal, import_id: uuid.UUID
) -> tuple[ImportRun, AsyncIterator[bytes]]:
    """CSV: row, column, value, reason, row_imported (was the row imported without the value?).
    Streamed after the request's transaction, in batches with a session of its own."""
    run = await get(session, principal, import_id)

    async def lines() -> AsyncIterator[bytes]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["row", "column", "value", "reason", "row_imported"])
        yield ("\ufeff" + buffer.getvalue()).encode()  # the BOM: Excel reads it as UTF-8
        after: uuid.UUID | None = None
        while True:
            async with db.read_sessionmaker() as reader:
                batch = await repository.errors_after(reader, run.id, after, ERROR_REPORT_BATCH)
            if not batch:
                return
            buffer.seek(0)
            buffer.truncate()
            for error in batch:
                writer.writerow(
                    [
                        error.row_number,
                        error.column or "",
                        neutralise(error.value or ""),
                        error.reason,
                        "no" if error.fatal else "yes",
                    ]
                )
            after = batch[-1].id
            yield buffer.getvalue().encode()

    return run, lines()


# --- presets ---------------------------------------------------------------------------------


async def list_presets(session: AsyncSession, principal: Principal) -> list[ImportPreset]:
    query = repository.presets_of(principal.workspace).order_by(ImportPreset.name)
    return list(await session.scalars(query))


async def save_preset(
    session: AsyncSession,
    principal: Principal,
    data: PresetWrite,
    preset_id: uuid.UUID | None = None,
) -> ImportPreset:
    same_name = await repository.preset_named(session, principal.workspace, data.name)
    if same_name is not None and same_name.id != preset_id:
        raise Conflict(f"A preset named {data.name!r} exists.", details={"field": "name"})
    definitions = await custom_fields.definitions_in(session, principal.workspace)
    problems = column_mapping.check(data.mapping, list(data.mapping), {d.key for d in definitions})
    if problems:
        raise ValidationFailed("; ".join(problems), details={"field": "mapping"})
    if preset_id is None:
        preset = ImportPreset(workspace_id=principal.workspace, created_by_id=principal.actor_id)
        session.add(preset)
    else:
        preset = found(
            await repository.preset_in(session, principal.workspace, preset_id), "preset"
        )
    preset.name = data.name
    preset.mapping = dict(data.mapping)
    preset.options = data.options.model_dump(mode="json")
    await session.flush()
    return preset


async def delete_preset(
    session: AsyncSession, principal: Principal, preset_id: uuid.UUID
) -> ImportPreset:
    preset = found(await repository.preset_in(session, principal.workspace, preset_id), "preset")
    await session.delete(preset)
    await session.flush()
    return preset
