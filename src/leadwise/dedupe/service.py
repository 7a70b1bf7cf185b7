"""Duplicates against the workspace: keys kept with the leads, the check of new records (capture,
import, API) and the review candidates it leaves; starting a scan.

For the import job and capture, all batch-friendly (one query per step for a whole chunk):

    await store_keys(session, workspace_id, [(lead_id, fields), ...])
    found = await find_probable(session, workspace_id, [fields, ...])   # per record, best first
    await flag(session, workspace_id, lead_id, other_id, probability=..., explanation=...,
               source=CandidateSource.IMPORT)
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.principal import Principal
from leadwise.core.clock import utcnow
from leadwise.core.errors import Conflict, ValidationFailed
from leadwise.core.ids import uuid7
from leadwise.dedupe import keys, repository, weights
from leadwise.dedupe.engine import DEFAULT_THRESHOLD
from leadwise.dedupe.model import Model
from leadwise.jobs import service as jobs
from leadwise.models import CandidateSource, CandidateStatus, Job, Lead

SCAN_JOB = "dedupe.scan"
# A pair at or above this probability is a probable duplicate, flagged for review.
PROBABLE = DEFAULT_THRESHOLD
# A scan's learned weights replace the priors once it saw enough candidate pairs to learn from.
MIN_PAIRS_TO_LEARN = 500


class ScanRunning(Conflict):
    code = "SCAN_RUNNING"
    message = "A duplicate scan of this workspace is already queued or running."


@dataclass(frozen=True, slots=True)
class ProbableDuplicate:
    lead_id: uuid.UUID
    probability: float
    explanation: dict[str, Any]  # {field: {"level": ..., "weight": ...}}
    match_weight: float = 0.0


def fields_of(lead: Lead) -> dict[str, Any]:
    """A lead's fields as the plain mapping the functions here take."""
    return {name: getattr(lead, name) for name in repository.FIELD_COLUMNS}


async def store_keys(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    leads: Sequence[tuple[uuid.UUID, Mapping[str, Any]]],
    *,
    fresh: bool = False,
    known_keys: Sequence[list[str]] | None = None,
) -> None:
    """Replace the match keys of these leads with the keys of their fields (`fresh`: new
    leads, nothing to replace; `known_keys`: already computed by `keys.keys_of`)."""
    if not leads:
        return
    found = known_keys if known_keys is not None else keys.keys_of([f for _, f in leads])
    rows = ((lead_id, key) for (lead_id, _), own in zip(leads, found, strict=True) for key in own)
    await repository.replace_keys(
        session, workspace_id, [lead_id for lead_id, _ in leads], rows, fresh=fresh
    )


async def refresh_keys(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    leads: Sequence[tuple[uuid.UUID, list[str]]],
) -> int:
    """Store the keys of the leads (id, the keys of its fields) whose stored keys differ (none
    yet, or the engine's keys changed); returns how many changed. Reading is cheaper than
    rewriting."""
    stored = await repository.stored_keys(session, workspace_id, [lead_id for lead_id, _ in leads])
    changed = [(lead_id, own) for lead_id, own in leads if set(own) != stored.get(lead_id, set())]
    rows = [(lead_id, key) for lead_id, own in changed for key in own]
    await repository.replace_keys(session, workspace_id, [lead_id for lead_id, _ in changed], rows)
    return len(changed)


async def workspace_model(session: AsyncSession, workspace_id: uuid.UUID) -> Model:
    stored = await repository.model_of(session, workspace_id)
    if stored is None or stored.candidate_pairs < MIN_PAIRS_TO_LEARN:
        return weights.prior_model()
    return weights.model_from(stored.parameters)


async def find_probable(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    records: Sequence[Mapping[str, Any]],
    *,
    threshold: float | None = None,
    known_keys: Sequence[list[str]] | None = None,
    uncommitted: Mapping[uuid.UUID, tuple[Mapping[str, Any], list[str]]] | None = None,
) -> list[list[ProbableDuplicate]]:
    """For each record, the live leads sharing a key with it that score at least `threshold`
    with the workspace's model, most probable first. A record with an `id` (a lead already
    stored) is not compared with itself. `uncommitted`: leads (id → fields, keys) that another
    transaction is writing, as they will be once it commits (an import writing one chunk
    while it checks the next)."""
    limit = PROBABLE if threshold is None else threshold
    record_keys = known_keys if known_keys is not None else keys.keys_of(records)
    wanted = [key for found in record_keys for key in found]
    holders, stored = await repository.leads_sharing(session, workspace_id, wanted)
    if uncommitted:
        holders, stored = _with_uncommitted(holders, stored, set(wanted), uncommitted)
    pairs: list[tuple[int, uuid.UUID]] = []
    for index, found in enumerate(record_keys):
        own = _uuid(records[index].get("id"))
        others = dict.fromkeys(lead for key in found for lead in holders.get(key, ()))
        pairs.extend((index, lead_id) for lead_id in others if lead_id != own)
    results: list[list[ProbableDuplicate]] = [[] for _ in records]
    if not pairs:
        return results
    leads = list(stored.values())
    position = {record["id"]: i for i, record in enumerate(leads)}
    scorable = [(i, position[lead]) for i, lead in pairs]
    model = await workspace_model(session, workspace_id)
    for row, scored in weights.score(model, records, leads, scorable, at_least=limit):
        index, other = scorable[row]
        results[index].append(
            ProbableDuplicate(
                leads[other]["id"], scored.probability, scored.explanation, scored.match_weight
            )
        )
    for found_for_record in results:
        found_for_record.sort(key=lambda duplicate: -duplicate.probability)
    return results


def _with_uncommitted(
    holders: dict[str, list[uuid.UUID]],
    stored: dict[uuid.UUID, dict[str, Any]],
    wanted: set[str],
    uncommitted: Mapping[uuid.UUID, tuple[Mapping[str, Any], list[str]]],
) -> tuple[dict[str, list[uuid.UUID]], dict[uuid.UUID, dict[str, Any]]]:
    """`leads_sharing`'s answer as it will be once the uncommitted leads are: they hold their
    new keys (not those stored before) and have their new fields; each key keeps its newest
    holders."""
    found = {key: [i for i in ids if i not in uncommitted] for key, ids in holders.items()}
    for lead_id, (fields, own) in uncommitted.items():
        shared = [key for key in own if key in wanted]
        for key in shared:
            found.setdefault(key, []).append(lead_id)
        if shared:
            stored[lead_id] = {name: fields.get(name) for name in repository.FIELD_COLUMNS}
            stored[lead_id]["id"] = lead_id
    limit = repository.LEADS_PER_KEY
    newest = {key: sorted(ids, reverse=True)[:limit] for key, ids in found.items()}
    return {key: ids for key, ids in newest.items() if ids}, stored


def _uuid(value: Any) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(str(value))


async def same_email(
    session: AsyncSession, workspace_id: uuid.UUID, email: str | None
) -> list[uuid.UUID]:
    """Live leads with this email (case-insensitive), the most recently updated first."""
    key = keys.email_key(email)
    return await repository.live_leads_with_key(session, workspace_id, key) if key else []


def canonical(a: uuid.UUID, b: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    return (a, b) if a < b else (b, a)


async def flag(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    lead_id: uuid.UUID,
    other_id: uuid.UUID,
    *,
    probability: float,
    explanation: Mapping[str, Any],
    source: CandidateSource,
    match_weight: float = 0.0,
) -> None:
    """An open review candidate for the pair, unless the pair is already known (open, merged or
    rejected: a rejected pair is never proposed again)."""
    await flag_many(
        session,
        workspace_id,
        lead_id,
        [ProbableDuplicate(other_id, probability, dict(explanation), match_weight)],
        source=source,
    )


async def flag_many(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    lead_id: uuid.UUID,
    duplicates: Sequence[ProbableDuplicate],
    *,
    source: CandidateSource,
) -> None:
    """`flag` for several duplicates of one lead, in one statement."""
    await flag_pairs(session, workspace_id, [(lead_id, d) for d in duplicates], source=source)


async def flag_pairs(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    pairs: Sequence[tuple[uuid.UUID, ProbableDuplicate]],
    *,
    source: CandidateSource,
) -> None:
    """`flag` for many leads and their duplicates (an import's chunk), in one statement."""
    now = utcnow()
    rows = []
    seen: set[tuple[uuid.UUID, uuid.UUID]] = set()
    for lead_id, duplicate in pairs:
        lead_a, lead_b = canonical(lead_id, duplicate.lead_id)
        if lead_a == lead_b or (lead_a, lead_b) in seen:
            continue  # one row per pair, even within one statement
        seen.add((lead_a, lead_b))
        rows.append(
            {
                "id": uuid7(),
                "workspace_id": workspace_id,
                "lead_a_id": lead_a,
                "lead_b_id": lead_b,
                "probability": float(duplicate.probability),
                "match_weight": float(duplicate.match_weight),
                "explanation": dict(duplicate.explanation),
                "status": CandidateStatus.OPEN,
                "source": source,
                "created_at": now,
                "updated_at": now,
            }
        )
    await repository.add_candidates_unless_known(session, rows)


async def check_new_lead(
    session: AsyncSession, lead: Lead, source: CandidateSource
) -> list[ProbableDuplicate]:
    """Flag the probable duplicates of a lead just created (its keys already stored)."""
    found = (await find_probable(session, lead.workspace_id, [fields_of(lead)]))[0]
    await flag_many(session, lead.workspace_id, lead.id, found, source=source)
    return found


async def start_scan(
    session: AsyncSession, principal: Principal, *, threshold: float | None
) -> Job:
    if threshold is not None and not 0.5 <= threshold < 1:
        raise ValidationFailed(
            "threshold must be at least 0.5 and below 1.", details={"field": "threshold"}
        )
    running = await repository.running_scan(session, principal.workspace, SCAN_JOB)
    if running is not None:
        raise ScanRunning(details={"job_id": str(running.id)})
    params = {"threshold": threshold} if threshold is not None else {}
    return await jobs.create(session, principal, kind=SCAN_JOB, params=params)
