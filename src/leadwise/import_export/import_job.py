"""The import and revert jobs: read the file in chunks, write each chunk's outcomes together
with the job's checkpoint, so a run killed at any point resumes after its last chunk without
writing a row twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.companies import service as companies
from leadwise.config import get_settings
from leadwise.core.bulk import fewer_collections
from leadwise.core.clock import utcnow
from leadwise.core.ids import uuid7
from leadwise.core.logging import get_logger
from leadwise.core.storage import FileStore
from leadwise.dedupe import service as dedupe
from leadwise.import_export import import_repository as repository
from leadwise.import_export.import_ahead import Submit, prepared_ahead
from leadwise.import_export.import_decide import (
    NEW_LEAD_DEFAULTS,
    Importer,
    Key,
    Outcome,
    PreparedRow,
    key_of,
    match_keys_of,
)
from leadwise.import_export.import_rows import CustomField, DateOrder, RowMapper
from leadwise.import_export.import_schemas import Decision, ImportOptions
from leadwise.import_export.readers import Numbered, Row, RowError, read_table
from leadwise.integrations.storage import create_file_store
from leadwise.jobs.handlers import JobContext, JobResult, job_handler
from leadwise.leads import custom_fields as custom_field_definitions
from leadwise.leads import search
from leadwise.leads.normalize import email_domain
from leadwise.models import (
    Activity,
    ActivityKind,
    CandidateSource,
    ImportChange,
    ImportRowError,
    ImportRun,
    ImportState,
    Lead,
    LeadSource,
    LeadTag,
)
from leadwise.stages import service as stages
from leadwise.verification import auto as verification

log = get_logger("leadwise.imports")

RUN_JOB = "imports.run"
REVERT_JOB = "imports.revert"
REVERT_BATCH = 1000
COUNTS = ("read", "created", "updated", "skipped", "review", "failed", "warnings")
COUNTED_AS = {
    Decision.CREATE: "created",
    Decision.REVIEW: "review",
    Decision.UPDATE: "updated",
    Decision.SKIP: "skipped",
    Decision.FAIL: "failed",
}

# --- the file ---------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def local_copy(store: FileStore, key: str) -> AsyncIterator[Path]:
    """The stored file as a local path: the file itself on local disk, else a temporary copy
    (streamed, so memory stays flat)."""
    local = getattr(store, "path_of", None)
    if local is not None:
        yield local(key)
        return
    with tempfile.NamedTemporaryFile(prefix="leadwise-import-", suffix=".part") as handle:
        async for chunk in store.read(key):
            handle.write(chunk)
        handle.flush()
        yield Path(handle.name)


def chunks(numbered: Numbered, size: int, after: int) -> Iterator[list[tuple[int, Row | RowError]]]:
    remaining = (item for item in numbered if item[0] > after)
    while batch := list(islice(remaining, size)):
        yield batch


# --- building the importer -------------------------------------------------------------------


async def importer_for(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    mapping: dict[str, str | None],
    options: ImportOptions,
    *,
    run_id: uuid.UUID | None = None,
) -> Importer:
    definitions = await custom_field_definitions.definitions_in(session, workspace_id)
    fields = [CustomField(d.key, d.type, tuple(d.options)) for d in definitions]
    mapper = RowMapper(
        mapping,
        fields,
        default_region=options.default_region,
        date_order=DateOrder(options.date_order),
    )
    required = [d.key for d in definitions if d.required]
    importer = Importer(workspace_id, mapper, options, required_custom=required, run_id=run_id)
    await importer.load_unindexed_keys(session)
    return importer


@dataclass
class RunContext:
    """What a run's writes need beyond the importer."""

    run: ImportRun
    stage_id: uuid.UUID
    dry_run: bool


# --- the run job -----------------------------------------------------------------------------


@job_handler(RUN_JOB)
async def run_import(ctx: JobContext) -> JobResult:
    settings = get_settings()
    import_id = uuid.UUID(ctx.params["import_id"])
    assert ctx.workspace_id is not None
    async with ctx.db.unit_of_work() as session:  # may create the default pipeline
        run = await repository.import_in(session, ctx.workspace_id, import_id)
        if run is None:
            return {"error": "the import no longer exists"}
        options = ImportOptions.model_validate(run.options)
        importer = await importer_for(
            session, run.workspace_id, dict(run.mapping), options, run_id=run.id
        )
        # A chosen stage was checked when the import started.
        stage_id = options.stage_id or (await stages.first_open_stage(session, run.workspace_id)).id
        context = RunContext(run, stage_id, run.dry_run)
    after = int(ctx.checkpoint.get("row", 0))
    counts = {name: int(ctx.counts.get(name, 0)) for name in COUNTS}
    store = create_file_store(settings.storage)
    try:
        async with local_copy(store, run.storage_key) as path:
            table = read_table(path)
            total = table.estimated_rows or 0
            if after:
                async with ctx.db.unit_of_work() as session:
                    await repository.clear_errors_from(session, run.id, after)
            writer = _ChunkWriter(ctx, importer, context, counts, total)
            ahead = total >= settings.imports.read_ahead_from_rows
            with fewer_collections(), prepared_ahead(importer.preparer, ahead=ahead) as prepare:
                upcoming = chunks(table.numbered, settings.imports.chunk_rows, after)
                pending = _started(prepare, upcoming)
                try:
                    while pending is not None:
                        # The next chunk is read and prepared (maybe in the helper process)
                        # while this one is decided; on PostgreSQL this one is decided while
                        # the one before it is written.
                        chunk, preparing = pending
                        pending = _started(prepare, upcoming)
                        prepared = await asyncio.wrap_future(preparing)
                        async with ctx.db.unit_of_work() as session:
                            await writer.before_deciding(session)
                            outcomes = await importer.decide_prepared(session, prepared)
                            company_ids = await writer.companies_for(session, outcomes)
                        await writer.write(chunk[-1][0], outcomes, company_ids)
                finally:
                    # The chunk before a failure here is whole: it is written, then the run
                    # fails (or is cancelled).
                    await writer.written()
    finally:
        await store.close()
    log.info("import finished", import_id=str(run.id), **counts)
    return {"import_id": str(run.id), **counts}


class _ChunkWriter:
    """Writes decided chunks one at a time, each in its own transaction with the run's
    checkpoint, in the background: on PostgreSQL the caller decides the next chunk meanwhile
    (the decisions see what this chunk writes through `Importer.unwritten`)."""

    def __init__(
        self,
        ctx: JobContext,
        importer: Importer,
        context: RunContext,
        counts: dict[str, int],
        total: int,
    ) -> None:
        self.ctx, self.importer, self.context = ctx, importer, context
        self.counts, self.total = counts, total
        # PostgreSQL works on two transactions at once: the next chunk is decided while one
        # is written, and the deciding transaction refreshes the statistics and makes the
        # chunk's companies, so the writing one has less to do. SQLite has one writer at a
        # time: there each chunk is decided after the one before it is committed (deciding
        # ahead gained nothing measurable and cost a second connection's cache and a second
        # chunk in memory), and the writing transaction does it all.
        concurrent = ctx.db.engine.dialect.name == "postgresql"
        self.ahead = concurrent and get_settings().imports.decide_ahead
        self.beside = concurrent and not context.dry_run
        self.analysed_at = 0
        self._writing: asyncio.Task[None] | None = None

    async def before_deciding(self, session: AsyncSession) -> None:
        if self.beside:
            await self._refresh_statistics(session)

    async def companies_for(
        self, session: AsyncSession, outcomes: list[Outcome]
    ) -> dict[str, uuid.UUID] | None:
        """The decided chunk's companies, made beside the writes (committed first: the
        chunk's leads refer to them); None: the writing transaction makes them."""
        if not self.beside:
            return None
        return await _companies(session, self.context.run.workspace_id, outcomes)

    async def write(
        self, last_row: int, outcomes: list[Outcome], company_ids: dict[str, uuid.UUID] | None
    ) -> None:
        """Starts writing a chunk once the one before it is committed; unless deciding
        ahead, waits for it to be written."""
        await self.written()
        self._writing = asyncio.create_task(self._write(last_row, outcomes, company_ids))
        if not self.ahead:
            await self.written()

    async def written(self) -> None:
        """Waits for the chunk being written; its error, if it failed."""
        writing, self._writing = self._writing, None
        if writing is not None:
            await writing

    async def _write(
        self, last_row: int, outcomes: list[Outcome], company_ids: dict[str, uuid.UUID] | None
    ) -> None:
        async with self.ctx.db.unit_of_work() as session:
            if not self.beside:
                await self._refresh_statistics(session)
            async with search.indexed_in_bulk(session):
                await write_chunk(
                    session, self.importer, self.context, outcomes, self.counts, company_ids
                )
            await self.ctx.save(
                session,
                checkpoint={"row": last_row},
                progress=min(99, 100 * last_row / self.total) if self.total else None,
                counts=self.counts,
            )

    async def _refresh_statistics(self, session: AsyncSession) -> None:
        created = self.counts["created"]
        if created >= max(2 * self.analysed_at, get_settings().imports.chunk_rows):
            await repository.refresh_statistics(session)  # grown: plan afresh
            self.analysed_at = created


def _started(
    prepare: Submit, upcoming: Iterator[list[tuple[int, Row | RowError]]]
) -> tuple[list[tuple[int, Row | RowError]], Future[list[PreparedRow]]] | None:
    """The next chunk, read and handed to `prepare`; None at the end of the file. A file that
    cannot be read further fails the run only after the chunks before it are written."""
    try:
        chunk = next(upcoming, None)
    except Exception as error:
        unreadable: Future[list[PreparedRow]] = Future()
        unreadable.set_exception(error)
        return [], unreadable
    return None if chunk is None else (chunk, prepare(chunk))


async def write_chunk(
    session: AsyncSession,
    importer: Importer,
    context: RunContext,
    outcomes: Sequence[Outcome],
    counts: dict[str, int],
    company_ids: dict[str, uuid.UUID] | None = None,
) -> None:
    """The chunk's effects: new leads, updates (with their before-state), tags, timeline
    entries, review flags, match keys and the error report. `company_ids`: the companies of
    the chunk's email domains, if already made (else made here)."""
    run = context.run
    now = utcnow()
    for outcome in outcomes:
        counts["read"] += 1
        counts["warnings"] += sum(not p.fatal for p in outcome.problems)
        counts[COUNTED_AS[outcome.decision]] += 1
    creating = _creating(outcomes)
    updating = _updating(outcomes)
    if context.dry_run:  # later rows of this run find these as "existing"
        _remember(importer.run_keys, importer.match_on, creating)
    else:
        if company_ids is None:
            company_ids = await _companies(session, run.workspace_id, outcomes)
        await _create(session, importer, context, creating, company_ids, now)
        await verification.verify_imported_leads(
            session,
            run.workspace_id,
            [o.new_lead_id for o in creating if o.new_lead_id and _has_email(o)],
        )
        await _update(session, importer, context, updating, company_ids, now)
        await _flag(session, run.workspace_id, outcomes)
    await repository.insert_rows(  # a dry run's report too: finding these is its point
        session,
        ImportRowError,
        [
            {
                "id": uuid7(),
                "import_id": run.id,
                "row_number": outcome.number,
                "column": problem.column,
                "value": problem.value,
                "reason": problem.reason,
                "fatal": problem.fatal,
            }
            for outcome in outcomes
            for problem in outcome.problems
        ],
    )
    if importer.unindexed is not None:
        _remember(importer.unindexed, importer.match_on, creating)


def _creating(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """Rows that become new leads (created, or created and flagged for review)."""
    return [o for o in outcomes if o.new_lead_id is not None]


def _updating(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """Rows that update a stored lead (not one joined with an earlier row's new lead)."""
    return [o for o in outcomes if o.decision is Decision.UPDATE and o.earlier_row is None]


def _has_email(outcome: Outcome) -> bool:
    return bool(outcome.row and outcome.row.fields.get("email"))


def _remember(known: dict[Key, uuid.UUID], match_on: list[str], creating: list[Outcome]) -> None:
    for outcome in creating:
        key = key_of(outcome.row.fields, match_on) if outcome.row else None
        if key is not None and outcome.new_lead_id is not None:
            known.setdefault(key, outcome.new_lead_id)


async def _companies(
    session: AsyncSession, workspace_id: uuid.UUID, outcomes: Sequence[Outcome]
) -> dict[str, uuid.UUID]:
    """Business email domains of the chunk's new and updated leads → their companies (made on
    first sight)."""
    names: dict[str, str | None] = {}
    for outcome in [*_creating(outcomes), *_updating(outcomes)]:
        fields = outcome.row.fields if outcome.row else {}
        email = outcome.changes.get("email_normalized") or fields.get("email_normalized")
        if email:
            names.setdefault(email_domain(email).lower(), fields.get("company_name"))
    return await companies.ids_for_email_domains(session, workspace_id, names)


async def _create(
    session: AsyncSession,
    importer: Importer,
    context: RunContext,
    creating: list[Outcome],
    company_ids: dict[str, uuid.UUID],
    now: Any,
) -> None:
    run = context.run
    options = importer.options
    tags: list[dict[str, Any]] = []
    activities: list[dict[str, Any]] = []
    keyed: list[tuple[uuid.UUID, dict[str, Any]]] = []
    # One object for the chunk: encoded once for all its timeline entries (core/bulk.py).
    created_event = {"event": "created", "source": "import", "import_id": str(run.id)}

    def new_leads() -> Iterator[dict[str, Any]]:
        """The leads, made as they are written (on PostgreSQL the database stores the first
        while the rest are made), with their tags and timeline entries on the side."""
        for outcome in creating:
            row, lead_id = outcome.row, outcome.new_lead_id
            assert row is not None
            assert lead_id is not None
            fields = NEW_LEAD_DEFAULTS | row.fields
            email = fields["email_normalized"]
            if email and fields["company_id"] is None:
                fields["company_id"] = company_ids.get(email_domain(email).lower())
            lead = fields | {
                "id": lead_id,
                "workspace_id": run.workspace_id,
                "source": LeadSource.IMPORT.value,
                "source_details": {
                    "import_id": str(run.id),
                    "file": run.file_name,
                    "row": row.number,
                },
                "import_id": run.id,
                "stage_id": context.stage_id,
                "stage_changed_at": now,
                "owner_id": options.owner_id,
                "custom_fields": row.custom_fields,
                "created_at": now,
                "updated_at": now,
            }
            keyed.append((lead_id, lead))
            for tag in dict.fromkeys([*row.tags, *options.tags]):
                tags.append({"lead_id": lead_id, "tag": tag, "workspace_id": run.workspace_id})
            activities.append(
                _activity(
                    run,
                    lead_id,
                    ActivityKind.SYSTEM,
                    f"Imported from {run.file_name} (row {row.number})",
                    created_event,
                    now,
                )
            )
            if row.note:
                activities.append(_activity(run, lead_id, ActivityKind.NOTE, row.note, {}, now))
            yield lead

    await repository.insert_rows(session, Lead, new_leads())
    await repository.insert_rows(session, LeadTag, tags)
    await repository.insert_rows(session, Activity, activities)
    known = match_keys_of(creating)
    await dedupe.store_keys(session, run.workspace_id, keyed, fresh=True, known_keys=known)


async def _update(
    session: AsyncSession,
    importer: Importer,
    context: RunContext,
    updating: list[Outcome],
    company_ids: dict[str, uuid.UUID],
    now: Any,
) -> None:
    run = context.run
    if not updating:
        return
    lead_ids = [o.lead_id for o in updating if o.lead_id is not None]
    current_tags = await repository.tags_of(session, lead_ids)
    updates, tags, activities, changes, keyed = [], [], [], [], []
    for outcome in updating:
        assert outcome.lead_id is not None
        assert outcome.row is not None
        values = dict(outcome.changes)
        email = values.get("email_normalized")
        if email and "company_id" in outcome.before:  # a new email: its company, if any
            values["company_id"] = company_ids.get(email_domain(email).lower())
        has = current_tags.setdefault(outcome.lead_id, set())
        added = [t for t in outcome.new_tags if t not in has]
        has.update(added)  # a later row of the chunk for the same lead adds them no more
        if not values and not added and not outcome.row.note:
            continue
        if values:
            updates.append({"id": outcome.lead_id, **values, "updated_at": now})
            keyed.append((outcome.lead_id, outcome.row.fields | values))
        tags += [
            {"lead_id": outcome.lead_id, "tag": t, "workspace_id": run.workspace_id} for t in added
        ]
        if not outcome.own_lead:  # a lead this import created goes entirely on revert
            before = {"fields": _jsonable(outcome.before), "tags_added": added}
            changes.append(
                {
                    "id": uuid7(),
                    "import_id": run.id,
                    "lead_id": outcome.lead_id,
                    "row_number": outcome.number,
                    "before": before,
                    "created_at": now,
                }
            )
        activities.append(
            _activity(
                run,
                outcome.lead_id,
                ActivityKind.FIELD_CHANGE if values else ActivityKind.SYSTEM,
                f"Updated from {run.file_name} (row {outcome.number})",
                {
                    "event": "imported_update",
                    "import_id": str(run.id),
                    "fields": sorted(values),
                    "tags_added": added,
                },
                now,
            )
        )
        if outcome.row.note:
            activities.append(
                _activity(run, outcome.lead_id, ActivityKind.NOTE, outcome.row.note, {}, now)
            )
    await repository.update_leads(session, updates)
    await repository.insert_rows(session, LeadTag, tags)
    await repository.insert_rows(session, ImportChange, changes)
    await repository.insert_rows(session, Activity, activities)
    if keyed:
        stored = await repository.leads_by_ids(session, run.workspace_id, [k for k, _ in keyed])
        await dedupe.store_keys(session, run.workspace_id, [(lead["id"], lead) for lead in stored])


async def _flag(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    outcomes: Sequence[Outcome],
) -> None:
    new_ids = {o.number: o.new_lead_id for o in _creating(outcomes)}  # row → its new lead
    pairs = []
    for outcome in outcomes:
        if outcome.decision is not Decision.REVIEW or outcome.new_lead_id is None:
            continue
        other = outcome.lead_id
        if other is None and outcome.earlier_row is not None:
            other = new_ids.get(outcome.earlier_row)
        if other is not None:
            duplicate = dedupe.ProbableDuplicate(
                other, outcome.probability or 1.0, outcome.explanation
            )
            pairs.append((outcome.new_lead_id, duplicate))
    await dedupe.flag_pairs(session, workspace_id, pairs, source=CandidateSource.IMPORT)


def _activity(
    run: ImportRun,
    lead_id: uuid.UUID,
    kind: ActivityKind,
    body: str,
    data: dict[str, Any],
    now: Any,
) -> dict[str, Any]:
    return {
        "id": uuid7(),
        "workspace_id": run.workspace_id,
        "lead_id": lead_id,
        "kind": kind.value,
        "actor_id": run.created_by_id,
        "body": body,
        "data": data,
        "occurred_at": now,
        "created_at": now,
    }


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: str(v) if isinstance(v, uuid.UUID) else v for k, v in values.items()}


# --- the revert job --------------------------------------------------------------------------


@job_handler(REVERT_JOB)
async def revert_import(ctx: JobContext) -> JobResult:
    """Removes the leads the import created and restores the fields of those it updated."""
    settings = get_settings()
    import_id = uuid.UUID(ctx.params["import_id"])
    assert ctx.workspace_id is not None
    removed = int(ctx.counts.get("removed", 0))
    restored = int(ctx.counts.get("restored", 0))
    store = create_file_store(settings.storage)
    try:
        while True:
            async with ctx.db.unit_of_work() as session:
                lead_ids = await repository.created_lead_ids(
                    session, ctx.workspace_id, import_id, REVERT_BATCH
                )
                if not lead_ids:
                    break
                files = await repository.attachment_keys(session, lead_ids)
                await repository.delete_leads(session, lead_ids)
                removed += len(lead_ids)
                await ctx.save(session, counts={"removed": removed, "restored": restored})
            for key in files:  # after the commit: a rolled-back delete keeps its files
                await store.delete(key)
    finally:
        await store.close()
    # Newest first: a field two rows changed ends with the before-state of the first. (A
    # checkpoint under another name, from before this order, starts the restore again: setting
    # the same before-states twice in this order gives the same result.)
    before = ctx.checkpoint.get("restored_before")
    while True:
        async with ctx.db.unit_of_work() as session:
            batch = await repository.changes_before(
                session, import_id, uuid.UUID(before) if before else None, REVERT_BATCH
            )
            if not batch:
                run = await repository.import_in(session, ctx.workspace_id, import_id)
                if run is not None:
                    run.state = ImportState.REVERTED
                    run.reverted_at = utcnow()
                break
            await _restore(session, ctx.workspace_id, batch)
            restored += len(batch)
            before = str(batch[-1].id)
            await ctx.save(
                session,
                checkpoint={"restored_before": before},
                counts={"removed": removed, "restored": restored},
            )
    return {"removed": removed, "restored": restored}


async def _restore(
    session: AsyncSession, workspace_id: uuid.UUID, changes: list[ImportChange]
) -> None:
    live = {
        lead["id"]
        for lead in await repository.leads_by_ids(
            session, workspace_id, [change.lead_id for change in changes]
        )
    }
    updates = []
    now = utcnow()
    for change in changes:
        if change.lead_id not in live:
            continue  # deleted since: nothing to restore
        fields = dict(change.before.get("fields", {}))
        if fields.get("company_id"):
            fields["company_id"] = uuid.UUID(fields["company_id"])
        if fields:
            updates.append({"id": change.lead_id, **fields, "updated_at": now})
        added = change.before.get("tags_added") or []
        if added:
            await repository.remove_tags(session, change.lead_id, added)
    await repository.update_leads(session, updates)
