"""The `dedupe.scan` job: the whole workspace through the engine, probable pairs into the review
queue, the learned weights kept for the checks of new records.

Steps: read the live leads in batches, prepare them for the engine once, store the match keys
that changed (batch by batch, from that preparation), run the engine (in a thread, so the
job's heartbeat keeps beating) with the user's verdicts as known pairs, store the model, write
the pairs above the threshold in chunks. The writes are upserts keyed by the pair (pairs
already decided are left alone), so a run that dies and starts again recomputes and rewrites
without duplicating anything; the checkpoint only reports how far the last run got.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from typing import Any

from leadwise.core.bulk import fewer_collections
from leadwise.core.clock import utcnow
from leadwise.core.ids import uuid7
from leadwise.core.logging import get_logger
from leadwise.dedupe import blocking, repository, weights
from leadwise.dedupe.engine import Result, find_duplicates
from leadwise.dedupe.fields import FieldType
from leadwise.dedupe.keys import LEAD_TYPES, engine_record, keys_in
from leadwise.dedupe.prepare import Gathered, Prepared, prepare
from leadwise.dedupe.service import PROBABLE, SCAN_JOB, canonical, refresh_keys
from leadwise.jobs.handlers import JobContext, JobResult, job_handler
from leadwise.models import CandidateSource, CandidateStatus, DedupeModel

log = get_logger(__name__)

READ_BATCH = 5000
WRITE_CHUNK = 1000
ID = "id"
SCAN_TYPES: dict[str, FieldType] = {ID: FieldType.ID, **LEAD_TYPES}


@job_handler(SCAN_JOB)
async def scan(ctx: JobContext) -> JobResult:
    with fewer_collections():  # reads, keys and compares every lead: ~30% faster
        return await _scan(ctx)


async def _scan(ctx: JobContext) -> JobResult:
    assert ctx.workspace_id is not None
    workspace = ctx.workspace_id
    threshold = float(ctx.params.get("threshold") or PROBABLE)
    records = await _read(ctx, workspace)
    # Prepared once: the keys to store and the engine's run both come from it.
    prepared = await asyncio.to_thread(prepare, records, SCAN_TYPES, id_column=ID)
    rekeyed = await _refresh_keys(ctx, workspace, prepared)
    async with ctx.db.sessionmaker() as session:
        statuses = await repository.pair_statuses(session, workspace)
    # The user's verdicts on pairs of live leads teach the model and are kept as given.
    known = {
        (str(a), str(b)): status is CandidateStatus.MERGED
        for (a, b), status in statuses.items()
        if status is not CandidateStatus.OPEN
    }
    counts: dict[str, Any] = {"leads": len(prepared), "keys_refreshed": rekeyed}
    if len(prepared) < 2:
        return await _done(ctx, {**counts, "candidate_pairs": 0, "proposed": 0, "groups": 0})
    result = await asyncio.to_thread(
        find_duplicates, prepared, SCAN_TYPES, id_column=ID, threshold=threshold, known=known
    )
    counts["candidate_pairs"] = len(result.left)
    counts["groups"] = len(result.groups)
    async with ctx.db.unit_of_work() as session:
        await _store_model(session, workspace, result, counts["leads"], ctx.job_id)
        await ctx.save(session, progress=60, counts=counts)
    proposals, skipped = _proposals(ctx, result, statuses)
    counts |= {"proposed": len(proposals), "skipped_known": skipped, "written": 0}
    for start in range(0, len(proposals), WRITE_CHUNK):
        chunk = _candidate_rows(ctx, workspace, result, proposals[start : start + WRITE_CHUNK])
        async with ctx.db.unit_of_work() as session:
            await repository.upsert_open_candidates(session, chunk)
            counts["written"] = start + len(chunk)
            await ctx.save(
                session,
                checkpoint={"written": counts["written"]},
                progress=60 + 40 * counts["written"] / len(proposals),
                counts=counts,
            )
    return await _done(ctx, counts)


async def _read(ctx: JobContext, workspace: uuid.UUID) -> Gathered:
    records = Gathered(SCAN_TYPES, id_column=ID)  # columns, not a dict per lead: memory
    after: uuid.UUID | None = None
    while True:
        async with ctx.db.sessionmaker() as session:
            batch = await repository.live_lead_page(session, workspace, after, READ_BATCH)
        records.extend([{**engine_record(row), ID: str(row["id"])} for row in batch])
        async with ctx.db.unit_of_work() as session:
            await ctx.save(
                session, progress=min(20, len(records) // 3000), counts={"leads_read": len(records)}
            )
        if len(batch) < READ_BATCH:
            return records
        after = batch[-1]["id"]


async def _refresh_keys(ctx: JobContext, workspace: uuid.UUID, prepared: Prepared) -> int:
    """Stores the keys that differ from what the engine makes of each lead now: leads from
    before keys existed get theirs, and keys follow the engine when it changes."""
    rules = await asyncio.to_thread(blocking.keys, prepared)
    rekeyed = 0
    for start in range(0, len(prepared), READ_BATCH):
        rows = slice(start, min(start + READ_BATCH, len(prepared)))
        found = keys_in(rules, rows)
        ids = [uuid.UUID(lead_id) for lead_id in prepared.ids[rows].tolist()]
        async with ctx.db.unit_of_work() as session:
            rekeyed += await refresh_keys(session, workspace, list(zip(ids, found, strict=True)))
            await ctx.save(
                session,
                progress=20 + 10 * rows.stop // len(prepared),
                counts={"leads_read": len(prepared), "keys_refreshed": rekeyed},
            )
    return rekeyed


async def _store_model(
    session: Any, workspace: uuid.UUID, result: Result, records: int, job_id: uuid.UUID
) -> None:
    stored = await repository.model_of(session, workspace)
    if stored is None:
        stored = DedupeModel(workspace_id=workspace)
        session.add(stored)
    stored.parameters = weights.parameters_of(result.model, result.comparisons)
    stored.trained_at = utcnow()
    stored.records = records
    stored.candidate_pairs = len(result.left)
    stored.job_id = job_id


@dataclass
class _Proposal:
    """A pair above the threshold that no user has decided on yet."""

    row: int  # of the result's candidate pairs
    lead_a: uuid.UUID
    lead_b: uuid.UUID
    match_weight: float  # as the probability has it
    group_id: uuid.UUID | None  # when both leads are in one duplicate group


def _proposals(
    ctx: JobContext,
    result: Result,
    statuses: dict[tuple[uuid.UUID, uuid.UUID], CandidateStatus],
) -> tuple[list[_Proposal], int]:
    """The pairs to queue, most probable first, and how many were left as users decided.
    Only the leads of these pairs get a UUID object (a million would take ~100 MiB)."""
    ids = result.prepared.ids
    group_of: dict[int, uuid.UUID] = {}
    for members in result.groups:
        first = uuid.UUID(ids[min(members)])
        group_of.update(dict.fromkeys(members, uuid.uuid5(ctx.job_id, first.hex)))  # re-run: same
    matches = result.matches()
    proposals, skipped = [], 0
    for row, weight in zip(matches.tolist(), result.match_weights(matches).tolist(), strict=True):
        left, right = int(result.left[row]), int(result.right[row])
        lead_a, lead_b = canonical(uuid.UUID(ids[left]), uuid.UUID(ids[right]))
        status = statuses.get((lead_a, lead_b))
        if status is not None and status is not CandidateStatus.OPEN:
            skipped += 1
            continue
        group = group_of.get(left)
        same_group = group if group is not None and group == group_of.get(right) else None
        proposals.append(_Proposal(row, lead_a, lead_b, weight, same_group))
    return proposals, skipped


def _candidate_rows(
    ctx: JobContext, workspace: uuid.UUID, result: Result, proposals: list[_Proposal]
) -> list[dict[str, Any]]:
    """The rows of some proposals, built a chunk at a time: each explanation is ~3 KB."""
    now = utcnow()
    explanations = result.explain_many([proposal.row for proposal in proposals])
    return [
        {
            "id": uuid7(),
            "workspace_id": workspace,
            "lead_a_id": proposal.lead_a,
            "lead_b_id": proposal.lead_b,
            "probability": float(result.probability[proposal.row]),
            "match_weight": proposal.match_weight,
            "explanation": {
                name: {"level": level, "weight": round(weight, 3)}
                for name, (level, weight) in explanation.items()
            },
            "status": CandidateStatus.OPEN,
            "source": CandidateSource.SCAN,
            "scan_job_id": ctx.job_id,
            "group_id": proposal.group_id,
            "created_at": now,
            "updated_at": now,
        }
        for proposal, explanation in zip(proposals, explanations, strict=True)
    ]


async def _done(ctx: JobContext, counts: dict[str, Any]) -> JobResult:
    async with ctx.db.unit_of_work() as session:
        await ctx.save(session, progress=100, counts=counts)
    log.info("duplicate scan finished", job_id=str(ctx.job_id), **counts)
    return counts
