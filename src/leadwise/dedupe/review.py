"""The review queue: duplicate candidates, most probable first, with both leads and the reasons;
accepting (a merge) and rejecting (remembered: the pair is never proposed again), one by one or
many at once."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import or_
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.principal import Principal
from leadwise.core.clock import utcnow
from leadwise.core.errors import Conflict, NotFound, ValidationFailed, found
from leadwise.core.pagination import PageParams, paginate
from leadwise.core.schemas import Page
from leadwise.dedupe import merge, repository
from leadwise.dedupe.schemas import AcceptRequest, CandidateQuery
from leadwise.models import CandidateStatus, DuplicateCandidate, MergeLog

CANDIDATE_COLUMNS = (
    "id", "status", "source", "probability", "match_weight", "group_id", "scan_job_id",
    "decided_by_id", "decided_at", "merge_id", "created_at", "updated_at",
)  # fmt: skip


class CandidateDecided(Conflict):
    code = "CANDIDATE_DECIDED"
    message = "This pair has already been merged."


async def list_candidates(
    session: AsyncSession,
    principal: Principal,
    query: CandidateQuery,
    page: PageParams,
    *,
    lead_id: uuid.UUID | None = None,
) -> Page[dict[str, Any]]:
    """Pairs of one status, most probable first. Open pairs show only while both leads are
    live: merging or deleting one hides the pair (an undo or a restore brings it back)."""
    workspace = principal.workspace
    lead_id = lead_id or query.lead_id
    if lead_id is not None and not await repository.lead_fields(session, workspace, [lead_id]):
        raise NotFound(details={"resource": "lead"})
    statement = repository.candidates_of(workspace).where(
        DuplicateCandidate.status == query.status,
        DuplicateCandidate.probability >= query.min_probability,
    )
    if query.status is CandidateStatus.OPEN:
        statement = repository.live_pairs_only(statement)
    if lead_id is not None:
        statement = statement.where(
            or_(DuplicateCandidate.lead_a_id == lead_id, DuplicateCandidate.lead_b_id == lead_id)
        )
    rows = await paginate(
        session,
        statement,
        page,
        DuplicateCandidate.probability,
        DuplicateCandidate.id,
        descending=True,
    )
    return Page(
        items=await _items(session, workspace, rows.items),
        next_cursor=rows.next_cursor,
        limit=rows.limit,
    )


async def _items(
    session: AsyncSession, workspace: uuid.UUID, candidates: Sequence[DuplicateCandidate]
) -> list[dict[str, Any]]:
    """CandidateRead-shaped items, both leads of every pair read in one query."""
    ids = [lead_id for c in candidates for lead_id in (c.lead_a_id, c.lead_b_id)]
    leads = {row["id"]: row for row in await repository.lead_fields(session, workspace, ids)}
    items = []
    for candidate in candidates:
        explanation = [
            {"field": name, "level": reason["level"], "weight": reason["weight"]}
            for name, reason in candidate.explanation.items()
        ]
        explanation.sort(key=lambda reason: -abs(reason["weight"]))
        items.append(
            {
                **{name: getattr(candidate, name) for name in CANDIDATE_COLUMNS},
                "explanation": explanation,
                "leads": [leads[candidate.lead_a_id], leads[candidate.lead_b_id]],
            }
        )
    return items


async def _candidate(
    session: AsyncSession, principal: Principal, candidate_id: uuid.UUID
) -> DuplicateCandidate:
    candidate = await repository.candidate(session, principal.workspace, candidate_id)
    return found(candidate, "duplicate_candidate")


async def reject(
    session: AsyncSession, principal: Principal, candidate_id: uuid.UUID
) -> dict[str, Any]:
    """Not one person: remembered, so no scan or check proposes the pair again."""
    candidate = await _candidate(session, principal, candidate_id)
    _reject(candidate, principal)
    await session.flush()
    return (await _items(session, principal.workspace, [candidate]))[0]


def _reject(candidate: DuplicateCandidate, principal: Principal) -> bool:
    if candidate.status is CandidateStatus.MERGED:
        raise CandidateDecided(
            "This pair was merged; undo the merge before rejecting it.",
            details={"merge_id": str(candidate.merge_id)},
        )
    if candidate.status is CandidateStatus.REJECTED:
        return False
    candidate.status = CandidateStatus.REJECTED
    candidate.decided_by_id, candidate.decided_at = principal.actor_id, utcnow()
    return True


async def accept(
    session: AsyncSession, principal: Principal, candidate_id: uuid.UUID, body: AcceptRequest
) -> MergeLog:
    """One person: merge the pair (into the older lead unless told otherwise)."""
    candidate = await _candidate(session, principal, candidate_id)
    if candidate.status is CandidateStatus.MERGED:
        raise CandidateDecided(details={"merge_id": str(candidate.merge_id)})
    pair = (candidate.lead_a_id, candidate.lead_b_id)
    if body.survivor_id is not None and body.survivor_id not in pair:
        raise ValidationFailed(
            "survivor_id must be one of the pair.", details={"field": "survivor_id"}
        )
    survivor = body.survivor_id or await _older(session, principal.workspace, pair)
    return await merge.merge(
        session,
        principal,
        survivor_id=survivor,
        merged_ids=[lead for lead in pair if lead != survivor],
        fields=body.plain_fields(),
        default=body.default,
    )


async def _older(
    session: AsyncSession, workspace: uuid.UUID, lead_ids: Sequence[uuid.UUID]
) -> uuid.UUID:
    records = await repository.lead_fields(session, workspace, lead_ids)
    survivor: uuid.UUID = merge.default_survivor(records)["id"]
    return survivor


async def bulk(
    session: AsyncSession, principal: Principal, *, action: str, ids: Sequence[uuid.UUID]
) -> dict[str, Any]:
    """All or nothing. Accepted pairs that share leads are merged as one group (A~B and B~C
    make one lead of three), into the group's oldest lead."""
    wanted = list(dict.fromkeys(ids))
    candidates = await repository.candidates_by_ids(session, principal.workspace, wanted)
    missing = sorted(set(wanted) - {c.id for c in candidates}, key=str)
    if missing:
        raise NotFound(
            details={"resource": "duplicate_candidate", "ids": [str(i) for i in missing]}
        )
    result: dict[str, Any] = {"accepted": 0, "rejected": 0, "merge_ids": [], "skipped": []}
    if action == "reject":
        for candidate in candidates:
            if candidate.status is CandidateStatus.MERGED:
                result["skipped"].append(candidate.id)
            elif _reject(candidate, principal):
                result["rejected"] += 1
        return result
    pending = [c for c in candidates if c.status is not CandidateStatus.MERGED]
    result["skipped"] = [c.id for c in candidates if c.status is CandidateStatus.MERGED]
    records = await repository.lead_fields(
        session, principal.workspace, [i for c in pending for i in (c.lead_a_id, c.lead_b_id)]
    )
    live = {r["id"]: r for r in records if r["deleted_at"] is None}
    usable = [c for c in pending if c.lead_a_id in live and c.lead_b_id in live]
    result["skipped"] += [c.id for c in pending if c not in usable]
    for group in _groups(usable):
        survivor = merge.default_survivor([live[lead_id] for lead_id in group])["id"]
        log = await merge.merge(
            session,
            principal,
            survivor_id=survivor,
            merged_ids=[lead_id for lead_id in group if lead_id != survivor],
        )
        result["merge_ids"].append(log.id)
    result["accepted"] = len(usable)
    return result


def _groups(candidates: Sequence[DuplicateCandidate]) -> list[list[uuid.UUID]]:
    """Connected leads of the pairs (union-find), each group in a stable order."""
    parent: dict[uuid.UUID, uuid.UUID] = {}

    def root(lead: uuid.UUID) -> uuid.UUID:
        parent.setdefault(lead, lead)
        while parent[lead] != lead:
            parent[lead] = parent[parent[lead]]
            lead = parent[lead]
        return lead

    for candidate in candidates:
        parent[root(candidate.lead_a_id)] = root(candidate.lead_b_id)
    groups: dict[uuid.UUID, list[uuid.UUID]] = {}
    for lead in sorted(parent, key=str):
        groups.setdefault(root(lead), []).append(lead)
    return list(groups.values())
