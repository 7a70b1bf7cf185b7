"""Bulk verification as a job: a list of addresses, leads by id, the leads matching a filter, or
an uploaded file (CSV/TSV, XLSX, JSON, NDJSON). Results are written in parts (JSON lines) into
the file store and downloaded as NDJSON or CSV when the job has succeeded; leads get their
verdict and a timeline entry.

Each chunk's part and, for leads, its verdicts commit with the checkpoint, so a job taken over
after a crash resumes after the last committed chunk without verifying anything twice.
"""

from __future__ import annotations

import contextlib
import csv
import io
import tempfile
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.attachments.uploads import UploadLimits, is_multipart, receive_multipart
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.config import Settings, get_settings
from leadwise.core.db import on_rollback, release_connection
from leadwise.core.errors import Conflict, Forbidden, NotFound, ValidationFailed
from leadwise.core.storage import FileMissing, FileStore, new_key
from leadwise.import_export.export_formats import neutralise
from leadwise.import_export.readers import RowError, UnreadableFile, read_table
from leadwise.integrations.storage import create_file_store
from leadwise.jobs import service as jobs
from leadwise.jobs.handlers import JobCancelled, JobContext, JobResult, job_handler
from leadwise.leads import service as leads
from leadwise.leads.schemas import BulkFilter
from leadwise.models import Job, JobStatus
from leadwise.verification.cli import EMAIL_COLUMNS
from leadwise.verification.engine import Verifier
from leadwise.verification.schemas import BulkVerifyRequest
from leadwise.verification.service import store_on_lead

BULK_JOB = "verification.bulk"
FILE_TYPES = frozenset({"txt", "xlsx"})  # CSV, TSV, JSON and NDJSON are text
CSV_COLUMNS = [
    "row", "lead_id", "email", "status", "sub_status", "score", "reason", "suggestion",
    "normalized", "is_disposable", "is_role", "is_free", "is_catch_all", "mx", "smtp_host",
    "smtp_code", "smtp_enhanced", "smtp_message", "checked_at", "duration_ms", "error",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Item:
    key: dict[str, Any]  # {"row": n} or {"lead_id": "..."}
    email: str | None  # None: nothing to verify (an unreadable row, a lead without email)
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Batch:
    items: list[Item]
    after: Any  # where the next batch starts (the checkpoint)


def job_principal(workspace_id: uuid.UUID) -> Principal:
    """What a bulk job may do: read leads and store verdicts on them (its creator was
    authorised when it was created)."""
    return Principal.system(workspace_id, Permission.LEADS_READ, Permission.LEADS_WRITE)


# --- starting ----------------------------------------------------------------------------------


async def start(session: AsyncSession, principal: Principal, request: BulkVerifyRequest) -> Job:
    params: dict[str, Any] = {"smtp": request.smtp}
    if request.emails is not None:
        if not request.emails:
            raise ValidationFailed("The list of addresses is empty.", details={"field": "emails"})
        params.update(source="emails", emails=request.emails, total=len(request.emails))
    else:
        if not principal.can(Permission.LEADS_WRITE):
            raise Forbidden("Verifying leads stores the results on them: it needs leads:write.")
        if request.lead_ids is not None:
            ids = list(dict.fromkeys(str(lead_id) for lead_id in request.lead_ids))
            params.update(source="lead_ids", lead_ids=ids, total=len(ids))
        else:
            assert request.filter is not None
            total = await leads.count_matching(session, principal, request.filter)
            params.update(
                source="filter", filter=request.filter.model_dump(mode="json"), total=total
            )
    return await jobs.create(session, principal, kind=BULK_JOB, params=params)


async def start_from_upload(
    session: AsyncSession,
    principal: Principal,
    *,
    content_type: str | None,
    body: AsyncIterator[bytes],
    store: FileStore,
    settings: Settings,
) -> Job:
    """A multipart upload (field `file`, optional `column` and `smtp`), checked before the job
    is queued: a file that cannot be read or has no address column is a 422 now."""
    if not is_multipart(content_type):
        raise ValidationFailed(
            "Send JSON (emails, lead_ids or filter) or a file as multipart/form-data (field "
            "`file`).",
            details={"field": "file"},
        )
    assert content_type is not None
    await release_connection(session)
    limits = UploadLimits(
        max_file_bytes=settings.imports.max_file_bytes, max_files=1, allowed_types=FILE_TYPES
    )
    form = await receive_multipart(content_type, body, store, principal.workspace, limits)
    if not form.files:
        raise ValidationFailed("The request carries no file.", details={"field": "file"})
    key = form.files[0].storage_key
    on_rollback(session, partial(store.delete, key))
    smtp = (form.value("smtp") or "true").strip().lower() not in ("false", "0", "no")
    async with _local_copy(store, key) as path:
        try:
            table = read_table(path)
        except UnreadableFile as error:
            raise ValidationFailed(str(error), details={"field": "file"}) from None
        column = _address_column(table.columns, form.value("column"))
        total = table.estimated_rows
    params = {
        "smtp": smtp,
        "source": "file",
        "storage_key": key,
        "column": column,
        "file_name": form.files[0].original_name,
        "total": total,
    }
    return await jobs.create(session, principal, kind=BULK_JOB, params=params)


def _address_column(columns: list[str], wanted: str | None) -> str:
    listed = ", ".join(repr(c) for c in columns) or "none"
    if wanted:
        matches = [c for c in columns if c == wanted] or [
            c for c in columns if c.casefold() == wanted.strip().casefold()
        ]
        if len(matches) == 1:
            return matches[0]
        raise ValidationFailed(
            f"No column {wanted!r}; columns: {listed}.", details={"field": "column"}
        )
    for column in columns:
        if column.strip().casefold() in EMAIL_COLUMNS:
            return column
    raise ValidationFailed(
        f"Which column holds the addresses? Send `column`; columns: {listed}.",
        details={"field": "column"},
    )


# --- the job -----------------------------------------------------------------------------------


@job_handler(BULK_JOB)
async def run_bulk(ctx: JobContext) -> JobResult:
    assert ctx.workspace_id is not None
    settings = get_settings()
    principal = job_principal(ctx.workspace_id)
    params = ctx.params
    store = create_file_store(settings.storage)
    parts: list[str] = list(ctx.checkpoint.get("parts", []))
    counts: dict[str, int] = dict(ctx.counts.get("statuses", {}))
    done = int(ctx.counts.get("done", 0))
    try:
        async with Verifier.from_settings(settings) as verifier:
            async for batch in _batches(ctx, principal, store, settings.verify.bulk_chunk):
                emails = [item.email for item in batch.items if item.email is not None]
                results = iter(await verifier.verify_many(emails, smtp=bool(params["smtp"])))
                lines, verdicts = [], []
                for item in batch.items:
                    if item.email is None:
                        lines.append(orjson.dumps({**item.key, "error": item.error}))
                        counts["skipped"] = counts.get("skipped", 0) + 1
                        continue
                    result = next(results)
                    verdicts.append((item, result))
                    lines.append(orjson.dumps({**item.key, **result.to_dict()}))
                    counts[result.status.value] = counts.get(result.status.value, 0) + 1
                key = new_key(ctx.workspace_id)
                await _write_part(store, key, lines)
                async with ctx.db.unit_of_work() as session:
                    on_rollback(session, partial(store.delete, key))
                    if params["source"] in ("lead_ids", "filter"):
                        await _store_on_leads(session, principal, verdicts)
                    parts.append(key)
                    done += len(batch.items)
                    total = max(int(params.get("total") or 0), done, 1)
                    await ctx.save(
                        session,
                        checkpoint={"parts": parts, "after": batch.after},
                        progress=99 * done / total,
                        counts={"done": done, "total": total, "statuses": counts},
                    )
        if params["source"] == "file":
            await store.delete(params["storage_key"])  # the upload's personal data, now unused
    except JobCancelled:
        for key in parts:
            await store.delete(key)
        raise
    finally:
        await store.close()
    return {"parts": parts, "rows": done, "statuses": counts}


async def _store_on_leads(
    session: AsyncSession, principal: Principal, verdicts: list[tuple[Item, Any]]
) -> None:
    for item, result in verdicts:
        try:
            lead = await leads.get(session, principal, uuid.UUID(item.key["lead_id"]))
        except NotFound:
            continue  # deleted meanwhile
        if lead.email == item.email:
            store_on_lead(session, None, lead, result)


async def _batches(
    ctx: JobContext, principal: Principal, store: FileStore, size: int
) -> AsyncIterator[Batch]:
    params, after = ctx.params, ctx.checkpoint.get("after")
    source = params["source"]
    if source == "emails":
        start = int(after or 0)
        emails: list[str] = params["emails"]
        for offset in range(start, len(emails), size):
            chunk = emails[offset : offset + size]
            items = [Item({"row": offset + i + 1}, email) for i, email in enumerate(chunk)]
            yield Batch(items, offset + len(chunk))
    elif source == "lead_ids":
        start = int(after or 0)
        ids: list[str] = params["lead_ids"]
        for offset in range(start, len(ids), size):
            chunk = ids[offset : offset + size]
            async with ctx.db.unit_of_work() as session:
                items = [await _lead_item(session, principal, lead_id) for lead_id in chunk]
            yield Batch(items, offset + len(chunk))
    elif source == "filter":
        filters = BulkFilter.model_validate(params["filter"])
        key = None if after is None else (datetime.fromisoformat(after[0]), uuid.UUID(after[1]))
        while True:
            async with ctx.db.unit_of_work() as session:
                rows = await leads.export_rows(
                    session, principal, filters, ["email"], after=key, limit=size
                )
            if not rows:
                return
            key = (rows[-1]["created_at"], rows[-1]["id"])
            items = [
                Item({"lead_id": str(row["id"])}, row["email"] or None, _no_email(row["email"]))
                for row in rows
            ]
            yield Batch(items, [key[0].isoformat(), str(key[1])])
    else:
        async with _local_copy(store, params["storage_key"]) as path:
            table = read_table(path)
            start = int(after or 0)
            numbered = ((n, row) for n, row in table.numbered if n > start)
            while rows_chunk := list(islice(numbered, size)):
                items = [_row_item(n, row, params["column"]) for n, row in rows_chunk]
                yield Batch(items, rows_chunk[-1][0])


async def _lead_item(session: AsyncSession, principal: Principal, lead_id: str) -> Item:
    try:
        lead = await leads.get(session, principal, uuid.UUID(lead_id))
    except NotFound:
        return Item({"lead_id": lead_id}, None, "no such lead in this workspace")
    return Item({"lead_id": lead_id}, lead.email or None, _no_email(lead.email))


def _row_item(number: int, row: dict[str, str] | RowError, column: str) -> Item:
    if isinstance(row, RowError):
        return Item({"row": number}, None, row.reason)
    return Item({"row": number}, row.get(column, ""))


def _no_email(email: str | None) -> str | None:
    return None if email else "the lead has no email address"


async def _write_part(store: FileStore, key: str, lines: list[bytes]) -> None:
    writer = await store.open_writer(key)
    try:
        await writer.write(b"\n".join(lines) + b"\n")
        await writer.commit()
    except BaseException:
        await writer.abort()
        raise


@contextlib.asynccontextmanager
async def _local_copy(store: FileStore, key: str) -> AsyncIterator[Path]:
    """The stored file as a local path (the file itself on local disk, else a temporary copy)."""
    local = getattr(store, "path_of", None)
    if local is not None:
        yield local(key)
        return
    with tempfile.NamedTemporaryFile(prefix="leadwise-verify-", suffix=".part") as handle:
        async for chunk in store.read(key):
            handle.write(chunk)
        handle.flush()
        yield Path(handle.name)


# --- the results -------------------------------------------------------------------------------


async def finished_parts(
    session: AsyncSession, principal: Principal, job_id: uuid.UUID
) -> list[str]:
    job = await jobs.get(session, principal, job_id)
    if job.kind != BULK_JOB:
        raise NotFound(details={"resource": "verification"})
    if job.status is not JobStatus.SUCCEEDED or not job.result:
        raise Conflict(
            f"The verification is {job.status.value}; its results can be downloaded once it "
            "has succeeded.",
            details={"status": job.status.value},
        )
    return [str(key) for key in job.result["parts"]]


async def results(store: FileStore, parts: list[str], file_format: str) -> AsyncIterator[bytes]:
    """The results as JSON lines (the parts one after the other) or as CSV; a part whose file
    is gone is a 404 before anything is sent."""
    try:
        first = await _read_part(store, parts[0]) if parts else b""
    except FileMissing:
        raise NotFound(
            "The results are no longer stored; run the verification again.",
            details={"resource": "verification_results"},
        ) from None

    async def body() -> AsyncIterator[bytes]:
        if file_format == "csv":
            yield _csv_line(CSV_COLUMNS)
        for index, key in enumerate(parts):
            data = first if index == 0 else await _read_part(store, key)
            if file_format == "csv":
                yield b"".join(_csv_record(line) for line in data.splitlines() if line.strip())
            else:
                yield data

    return body()


async def _read_part(store: FileStore, key: str) -> bytes:
    """A part is one chunk's lines (small): read whole, so CSV sees complete lines."""
    return b"".join([chunk async for chunk in store.read(key)])


def _csv_record(line: bytes) -> bytes:
    data = orjson.loads(line)
    smtp = data.get("smtp") or {}
    values = {
        **{k: data.get(k) for k in CSV_COLUMNS},
        "mx": " ".join(f"{mx['preference']}:{mx['host']}" for mx in data.get("mx") or []),
        "smtp_host": smtp.get("host"),
        "smtp_code": smtp.get("code"),
        "smtp_enhanced": smtp.get("enhanced"),
        "smtp_message": smtp.get("message"),
    }
    return _csv_line([_cell(values[column]) for column in CSV_COLUMNS])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise(str(value))


def _csv_line(values: list[str]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue().encode("utf-8")
