"""Lead exports: check the options, read the matching leads in keyset batches through the
leads service, and stream them through a format writer: as a download, into the file store
from a job (`exports.leads`), or into a file from the CLI.

Memory stays flat whatever the number of leads: one batch of rows at a time, and the names
behind stage and owner ids are read once per export.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import anyio.to_thread
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.config import get_settings
from leadwise.core.clock import utcnow
from leadwise.core.db import Database
from leadwise.core.errors import Conflict, NotFound, ValidationFailed
from leadwise.core.pagination import PageParams
from leadwise.core.storage import FileMissing, FileStore, new_key
from leadwise.import_export.export_fields import (
    CUSTOM_PREFIX,
    FIELDS_BY_KEY,
    LEAD_COLUMNS_OF_PRESETS,
    PRESETS,
    FieldSpec,
    Getter,
    Lookups,
    StageInfo,
    catalogue,
    custom_field,
)
from leadwise.import_export.export_formats import (
    MEDIA_TYPES,
    Column,
    ExportFormat,
    ExportWriter,
    writer_for,
)
from leadwise.import_export.export_schemas import ExportRequest
from leadwise.integrations.storage import create_file_store
from leadwise.jobs import service as jobs
from leadwise.jobs.handlers import JobContext, JobResult, job_handler
from leadwise.leads import custom_fields
from leadwise.leads import service as leads
from leadwise.models import Job, JobStatus, StageKind
from leadwise.stages import service as stages
from leadwise.users import service as users

EXPORT_JOB = "exports.leads"
BATCH_SIZE = 1000
TABULAR: tuple[ExportFormat, ...] = ("csv", "xlsx")
PROGRESS_EVERY_SECONDS = 1.0


def export_principal(workspace_id: uuid.UUID) -> Principal:
    """Who reads the leads of a job or of the CLI: the workspace's export, nothing more (a
    job's creator was authorised when it was created; the CLI is the operator)."""
    return Principal.system(workspace_id, Permission.LEADS_READ, Permission.LEADS_EXPORT)


@dataclass(frozen=True, slots=True)
class ExportPlan:
    """Everything an export needs once its options passed: columns, getters, lookups."""

    principal: Principal
    options: ExportRequest
    columns: list[Column]
    getters: list[Getter]
    lead_columns: list[str]
    lookups: Lookups
    file_name: str

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.options.format]

    def render(self, row: dict[str, Any]) -> list[Any]:
        return [get(row, self.lookups) for get in self.getters]

    def writer(self) -> ExportWriter:
        return writer_for(
            self.options.format,
            delimiter=self.options.delimiter_character,
            bom=self.options.bom,
        )


async def read_lookups(session: AsyncSession, principal: Principal) -> Lookups:
    pipeline = await stages.list_stages(session, principal)
    first_open = next((s.id for s in pipeline if s.kind is StageKind.OPEN), None)
    stage_info = {s.id: StageInfo(s.name, s.kind, s.position, s.id == first_open) for s in pipeline}
    owners: dict[uuid.UUID, str] = {}
    cursor: str | None = None
    while True:
        page = await users.list_members(session, principal, PageParams(limit=500, cursor=cursor))
        owners.update((member.user_id, member.user.email) for member in page.items)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    definitions = await custom_fields.list_definitions(session, principal)
    labels = {definition.key: definition.label for definition in definitions}
    return Lookups(stages=stage_info, owner_emails=owners, custom_labels=labels)


def _field(key: str, lookups: Lookups) -> FieldSpec:
    if key.startswith(CUSTOM_PREFIX):
        custom_key = key.removeprefix(CUSTOM_PREFIX)
        if custom_key not in lookups.custom_labels:
            raise ValidationFailed(
                f"fields: there is no custom field {custom_key!r} in this workspace.",
                details={"field": "fields", "value": key},
            )
        return custom_field(custom_key, lookups.custom_labels[custom_key])
    spec = FIELDS_BY_KEY.get(key)
    if spec is None:
        raise ValidationFailed(
            f"fields: {key!r} is not a field; fields are {', '.join(FIELDS_BY_KEY)} "
            "and custom:<key> (GET /api/v1/exports/fields lists them).",
            details={"field": "fields", "value": key},
        )
    return spec


def _choose_fields(options: ExportRequest, lookups: Lookups) -> list[FieldSpec]:
    if options.fields is None:
        return [] if options.preset else catalogue(lookups)
    keys = [key.strip() for key in options.fields]
    if not keys or not all(keys):
        raise ValidationFailed(
            "fields: name at least one field, without empty entries.", details={"field": "fields"}
        )
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise ValidationFailed(
                f"fields: {key!r} is given twice.", details={"field": "fields", "value": key}
            )
        seen.add(key)
    return [_field(key, lookups) for key in keys]


async def prepare(
    session: AsyncSession, principal: Principal, options: ExportRequest
) -> ExportPlan:
    """Check the options against this workspace (fields, custom fields, preset and format);
    a problem answers 422 naming the option, before a byte is written."""
    if options.preset and options.format not in TABULAR:
        raise ValidationFailed(
            f"preset: CRM presets produce csv or xlsx files, not {options.format}.",
            details={"field": "preset"},
        )
    lookups = await read_lookups(session, principal)
    chosen = _choose_fields(options, lookups)
    use_labels = options.headers == "labels" and options.format in TABULAR
    columns = [Column(spec.key, spec.label if use_labels else spec.key) for spec in chosen]
    getters = [spec.get for spec in chosen]
    needed: list[str] = [name for spec in chosen for name in spec.columns]
    if options.preset:
        preset = PRESETS[options.preset]
        headers = [header for header, _ in preset]
        # CRMs match headers whatever their case: "First name" beside "First Name" is a clash.
        taken = {header.casefold() for header in headers}
        clash = next((c.header for c in columns if c.header.casefold() in taken), None)
        if clash is not None:
            raise ValidationFailed(
                f"fields: {clash!r} is already a column of the {options.preset} preset.",
                details={"field": "fields", "value": clash},
            )
        columns = [Column(header, header) for header in headers] + columns
        getters = [get for _, get in preset] + getters
        needed += LEAD_COLUMNS_OF_PRESETS
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    name = f"leads-{options.preset}" if options.preset else "leads"
    return ExportPlan(
        principal=principal,
        options=options,
        columns=columns,
        getters=getters,
        lead_columns=list(dict.fromkeys(needed)),
        lookups=lookups,
        file_name=f"{name}-{stamp}.{options.format}",
    )


RowsDone = Callable[[int], Awaitable[None]]


async def stream(
    database: Database, plan: ExportPlan, *, on_rows: RowsDone | None = None
) -> AsyncIterator[bytes]:
    """The file's bytes, batch by batch. Each batch is read in its own short session, so a
    slow reader of a download does not hold a database connection; rendering and writing run
    in a worker thread, so a large export does not stall the event loop."""
    writer = plan.writer()
    options = plan.options
    try:
        pending = writer.begin(plan.columns)
        after: leads.ExportKey | None = None
        while True:
            async with database.read_sessionmaker() as session:
                rows = await leads.export_rows(
                    session,
                    plan.principal,
                    options.filter,
                    plan.lead_columns,
                    after=after,
                    limit=BATCH_SIZE,
                    deleted=options.deleted,
                    ids=options.ids,
                )
            if rows:
                pending += await anyio.to_thread.run_sync(_write_batch, writer, plan, rows)
            if pending:
                yield pending
                pending = b""
            if on_rows is not None:
                await on_rows(len(rows))
            if len(rows) < BATCH_SIZE:
                break
            after = (rows[-1]["created_at"], rows[-1]["id"])
        ending: Iterator[bytes] = await anyio.to_thread.run_sync(writer.end)
        while chunk := await anyio.to_thread.run_sync(next, ending, b""):
            yield chunk
    finally:
        writer.close()  # not awaited: a cancelled download would skip an await here


def _write_batch(writer: ExportWriter, plan: ExportPlan, rows: Sequence[dict[str, Any]]) -> bytes:
    return writer.write([plan.render(row) for row in rows])


async def started(chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """`chunks` with its first piece already produced: a failure before any byte (the first
    query, a missing file) still becomes an error response instead of a broken download.
    A failure later aborts the transfer, so no client takes a cut file for a whole one."""
    first = await anext(chunks, b"")

    async def rest() -> AsyncIterator[bytes]:
        try:
            if first:
                yield first
            async for chunk in chunks:
                yield chunk
        finally:  # also when the client went away half-way: temporary files go now
            with anyio.CancelScope(shield=True):
                await chunks.aclose()  # type: ignore[attr-defined]

    return rest()


async def download(
    database: Database, session: AsyncSession, principal: Principal, options: ExportRequest
) -> tuple[ExportPlan, AsyncIterator[bytes]]:
    plan = await prepare(session, principal, options)
    return plan, await started(stream(database, plan))


# --- the job ---------------------------------------------------------------------------------


async def start_job(session: AsyncSession, principal: Principal, options: ExportRequest) -> Job:
    """Check the options now (422 at once, not a failed job later), then queue the job."""
    await prepare(session, principal, options)
    return await jobs.create(
        session, principal, kind=EXPORT_JOB, params=options.model_dump(mode="json")
    )


@job_handler(EXPORT_JOB)
async def run_export_job(ctx: JobContext) -> JobResult:
    """Write the file into the workspace's file store: under a temporary name until complete,
    removed if the job fails or is cancelled, so a stored export is always whole. A rerun
    (after a crash) starts again under a new key."""
    assert ctx.workspace_id is not None
    principal = export_principal(ctx.workspace_id)
    options = ExportRequest.model_validate(ctx.params)
    async with ctx.db.unit_of_work() as session:
        plan = await prepare(session, principal, options)
        total = await leads.count_matching(
            session, principal, options.filter, deleted=options.deleted, ids=options.ids
        )
    store = create_file_store(get_settings().storage)
    try:
        return await _write_to_store(ctx, plan, store, total)
    finally:
        await store.close()


async def _write_to_store(
    ctx: JobContext, plan: ExportPlan, store: FileStore, total: int
) -> dict[str, Any]:
    key = new_key(plan.principal.workspace)
    written = {"rows": 0, "bytes": 0}
    last_report = time.monotonic()

    async def report(rows: int) -> None:
        nonlocal last_report
        written["rows"] += rows
        if time.monotonic() - last_report >= PROGRESS_EVERY_SECONDS:
            last_report = time.monotonic()
            async with ctx.db.unit_of_work() as session:  # also notices a cancel request
                await ctx.save(
                    session,
                    progress=99 * written["rows"] / max(total, 1),
                    counts={"rows": written["rows"], "total": total},
                )

    file = await store.open_writer(key)
    try:
        async for chunk in stream(ctx.db, plan, on_rows=report):
            await file.write(chunk)
            written["bytes"] += len(chunk)
        await file.commit()
    except BaseException:
        await file.abort()
        raise
    return {
        "storage_key": key,
        "rows": written["rows"],
        "bytes": written["bytes"],
        "format": plan.options.format,
        "file_name": plan.file_name,
        "media_type": plan.media_type,
    }


@dataclass(frozen=True, slots=True)
class ExportFile:
    storage_key: str
    file_name: str
    media_type: str
    size: int


async def export_file(session: AsyncSession, principal: Principal, job_id: uuid.UUID) -> ExportFile:
    """The file of a finished export job of this workspace; 409 while it is not ready."""
    job = await jobs.get(session, principal, job_id)
    if job.kind != EXPORT_JOB:
        raise NotFound(details={"resource": "export"})
    if job.status is not JobStatus.SUCCEEDED or not job.result:
        raise Conflict(
            f"The export is {job.status.value}; its file can be downloaded once it has succeeded.",
            details={"status": job.status.value},
        )
    result = job.result
    return ExportFile(
        storage_key=str(result["storage_key"]),
        file_name=str(result["file_name"]),
        media_type=str(result["media_type"]),
        size=int(result["bytes"]),
    )


async def stored_file(store: FileStore, file: ExportFile) -> AsyncIterator[bytes]:
    try:
        return await started(store.read(file.storage_key))
    except FileMissing:
        raise NotFound(
            "The export's file is no longer stored; run the export again.",
            details={"resource": "export_file"},
        ) from None


def field_catalogue(lookups: Lookups) -> dict[str, Any]:
    return {
        "fields": [{"key": spec.key, "label": spec.label} for spec in catalogue(lookups)],
        "presets": {name: [header for header, _ in columns] for name, columns in PRESETS.items()},
        "formats": list(MEDIA_TYPES),
    }


async def describe(session: AsyncSession, principal: Principal) -> dict[str, Any]:
    return field_catalogue(await read_lookups(session, principal))
