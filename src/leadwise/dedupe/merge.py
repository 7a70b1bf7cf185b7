"""Merging duplicate leads into one survivor, and undoing a merge exactly.

A merge picks each field's value from one of the leads (by a strategy, a chosen lead, or a
value typed by the user), gives the survivor the union of the tags, the notes and activities,
the attachments, and a score, a verification and enrichment where it has none; the others are
soft-deleted with `merged_into_id` set. The merge log keeps every involved lead as it was
(every column and its tags) and where each activity and attachment was, so undo puts all of it
back. Undo refuses (409) when it would lose later work: the survivor was merged again, another
merge into it is still in place, or it was changed since (unless forced).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import attributes

from leadwise.auth.principal import Principal
from leadwise.core.clock import utcnow
from leadwise.core.errors import Conflict, NotFound, ValidationFailed, found
from leadwise.core.pagination import PageParams, paginate_by_id
from leadwise.core.schemas import Page
from leadwise.dedupe import repository, service
from leadwise.dedupe.merge_values import (
    MAX_MERGED,
    STRATEGIES,
    Choice,
    choose,
    columns,
    from_json,
    snapshot,
    to_json,
)
from leadwise.leads import custom_fields
from leadwise.leads import service as leads
from leadwise.models import ActivityKind, CandidateStatus, DuplicateCandidate, Lead, MergeLog


class MergeIntoItself(ValidationFailed):
    code = "MERGE_INTO_ITSELF"
    message = "A lead cannot be merged into itself."


class LeadAlreadyMerged(Conflict):
    code = "LEAD_ALREADY_MERGED"
    message = "A lead of this merge has already been merged into another lead."


class LeadDeleted(Conflict):
    code = "LEAD_DELETED"
    message = "A lead of this merge is deleted; restore it first."


class MergeAlreadyUndone(Conflict):
    code = "MERGE_ALREADY_UNDONE"
    message = "This merge has already been undone."


class SurvivorMerged(Conflict):
    code = "SURVIVOR_MERGED"
    message = "The surviving lead was merged into another lead since; undo that merge first."


class LaterMergeExists(Conflict):
    code = "LATER_MERGE_EXISTS"
    message = "Another merge into the surviving lead came later; undo that one first."


class SurvivorChanged(Conflict):
    code = "SURVIVOR_CHANGED"
    message = (
        "The surviving lead was changed after the merge; undo with force=true to restore the "
        "state before the merge anyway (the later changes are lost)."
    )


class MergedLeadGone(Conflict):
    code = "MERGED_LEAD_GONE"
    message = "A merged lead was deleted for good; this merge cannot be undone."


async def _restore(session: AsyncSession, lead: Lead, data: Mapping[str, Any]) -> None:
    for attr in columns():
        if attr.key in data:  # a column added after the merge keeps its value
            setattr(lead, attr.key, from_json(attr.columns[0], data[attr.key]))
    # The timestamp is restored too: without this, an unchanged value would let the column's
    # onupdate stamp the time of the undo.
    attributes.flag_modified(lead, "updated_at")
    await repository.replace_tags(session, lead.workspace_id, lead, data.get("tags", []))


# --- merge ------------------------------------------------------------------------------------


def _check_mergeable(lead: Lead) -> None:
    if lead.merged_into_id is not None:
        raise LeadAlreadyMerged(
            details={"lead_id": str(lead.id), "merged_into_id": str(lead.merged_into_id)}
        )
    if lead.deleted_at is not None:
        raise LeadDeleted(details={"lead_id": str(lead.id)})


async def merge(
    session: AsyncSession,
    principal: Principal,
    *,
    survivor_id: uuid.UUID,
    merged_ids: Sequence[uuid.UUID],
    fields: Mapping[str, Choice] | None = None,
    default: str = "survivor_first",
) -> MergeLog:
    if survivor_id in merged_ids:
        raise MergeIntoItself(details={"lead_id": str(survivor_id)})
    if not merged_ids or len(set(merged_ids)) != len(merged_ids) or len(merged_ids) > MAX_MERGED:
        raise ValidationFailed(
            f"merged_ids: 1 to {MAX_MERGED} different leads.", details={"field": "merged_ids"}
        )
    if default not in STRATEGIES:
        raise ValidationFailed(
            f"default must be one of {', '.join(STRATEGIES)}.", details={"field": "default"}
        )
    workspace = principal.workspace
    everyone = await repository.leads_for_update(session, workspace, [survivor_id, *merged_ids])
    by_id = {lead.id: lead for lead in everyone}
    for lead_id in [survivor_id, *merged_ids]:
        if lead_id not in by_id:  # another workspace's ids are as unknown as missing ones
            raise NotFound(details={"resource": "lead", "lead_id": str(lead_id)})
    for lead in everyone:
        _check_mergeable(lead)
    survivor, merged = by_id[survivor_id], [by_id[lead_id] for lead_id in merged_ids]
    values, manual_custom, applied = choose(survivor, merged, fields or {}, default)
    if manual_custom:
        values["custom_fields"] = custom_fields.check_values(
            await custom_fields.list_definitions(session, principal),
            manual_custom,
            current=values["custom_fields"],
        )
    before = {str(lead.id): snapshot(lead) for lead in everyone}
    moved_activities = await repository.placements(
        session, workspace, repository.MOVABLE["activities"], merged_ids
    )
    moved_attachments = await repository.placements(
        session, workspace, repository.MOVABLE["attachments"], merged_ids
    )
    for name, rows in (("activities", moved_activities), ("attachments", moved_attachments)):
        await repository.move(session, workspace, repository.MOVABLE[name], list(rows), survivor.id)
    now = utcnow()
    changes = {
        column: {"old": to_json(getattr(survivor, column)), "new": to_json(value)}
        for column, value in values.items()
        if getattr(survivor, column) != value
    }
    for column, value in values.items():
        setattr(survivor, column, value)
    survivor.updated_at = now
    tags = sorted({tag for lead in everyone for tag in lead.tags})
    added_tags = sorted(set(tags) - set(survivor.tags))
    await repository.replace_tags(session, workspace, survivor, tags)
    for lead in merged:
        lead.deleted_at, lead.merged_into_id = now, survivor.id
    candidates = await repository.candidates_among(
        session, workspace, [lead.id for lead in everyone]
    )
    log = MergeLog(
        workspace_id=workspace,
        survivor_id=survivor.id,
        merged_ids=[str(lead_id) for lead_id in merged_ids],
        before={"leads": before},
        moved={
            "activities": moved_activities,
            "attachments": moved_attachments,
            "tags": added_tags,
            "candidates": {str(c.id): _candidate_state(c) for c in candidates},
        },
        fields=applied,
        actor_id=principal.actor_id,
        created_at=now,
    )
    session.add(log)
    await session.flush()
    for candidate in candidates:
        candidate.status, candidate.merge_id = CandidateStatus.MERGED, log.id
        candidate.decided_by_id, candidate.decided_at = principal.actor_id, now
    leads.record_activity(
        session,
        survivor,
        principal,
        ActivityKind.SYSTEM,
        body=f"Merged {len(merged)} duplicate lead{'s' if len(merged) > 1 else ''} into this one",
        data={
            "event": "merged",
            "merge_id": str(log.id),
            "merged_ids": log.merged_ids,
            "changes": changes,
            "moved": {
                "activities": len(moved_activities),
                "attachments": len(moved_attachments),
                "tags": added_tags,
            },
        },
    )
    for lead in merged:
        leads.record_activity(
            session,
            lead,
            principal,
            ActivityKind.SYSTEM,
            body=f"Merged into {_name(survivor)}",
            data={"event": "merged_into", "merge_id": str(log.id), "survivor_id": str(survivor.id)},
        )
    await session.flush()
    log.after = snapshot(survivor)
    await service.store_keys(session, workspace, [(survivor.id, service.fields_of(survivor))])
    return log


def _candidate_state(candidate: DuplicateCandidate) -> dict[str, Any]:
    return {
        "status": candidate.status.value,
        "decided_by_id": to_json(candidate.decided_by_id),
        "decided_at": to_json(candidate.decided_at),
        "merge_id": to_json(candidate.merge_id),
    }


def _name(lead: Lead) -> str:
    name = f"{lead.first_name} {lead.last_name}".strip()
    return name or lead.email or lead.company_name or str(lead.id)


# --- undo -------------------------------------------------------------------------------------


def changed_fields(after: Mapping[str, Any], now: Mapping[str, Any]) -> list[str]:
    """Columns (and tags) of the survivor that differ from right after the merge."""
    return sorted(
        key for key in after if key != "updated_at" and key in now and now[key] != after[key]
    )


async def undo(
    session: AsyncSession, principal: Principal, merge_id: uuid.UUID, *, force: bool = False
) -> MergeLog:
    workspace = principal.workspace
    log = found(await repository.merge_log(session, workspace, merge_id, lock=True), "merge")
    if log.undone_at is not None:
        raise MergeAlreadyUndone(details={"undone_at": log.undone_at.isoformat()})
    merged_ids = [uuid.UUID(lead_id) for lead_id in log.merged_ids]
    everyone = await repository.leads_for_update(session, workspace, [log.survivor_id, *merged_ids])
    by_id = {lead.id: lead for lead in everyone}
    survivor = by_id[log.survivor_id]  # the log goes with the survivor (ON DELETE CASCADE)
    if survivor.merged_into_id is not None:
        raise SurvivorMerged(details={"merged_into_id": str(survivor.merged_into_id)})
    later = await repository.later_merge_into(session, workspace, log)
    if later is not None:
        raise LaterMergeExists(details={"merge_id": str(later.id)})
    if survivor.deleted_at is not None:
        raise LeadDeleted(details={"lead_id": str(survivor.id)})
    gone = [str(lead_id) for lead_id in merged_ids if lead_id not in by_id]
    if gone:
        raise MergedLeadGone(details={"lead_ids": gone})
    changed = changed_fields(log.after, snapshot(survivor))
    if changed and not force:
        raise SurvivorChanged(details={"fields": changed})
    for lead in everyone:
        await _restore(session, lead, log.before["leads"][str(lead.id)])
    for name in ("activities", "attachments"):
        by_lead: dict[str, list[str]] = {}
        for row_id, lead_id in log.moved.get(name, {}).items():
            by_lead.setdefault(lead_id, []).append(row_id)
        for lead_id, row_ids in by_lead.items():
            await repository.move(
                session, workspace, repository.MOVABLE[name], row_ids, uuid.UUID(lead_id)
            )
    await _reopen_candidates(session, workspace, log)
    now = utcnow()
    log.undone_at, log.undone_by_id = now, principal.actor_id
    for lead in everyone:
        leads.record_activity(
            session,
            lead,
            principal,
            ActivityKind.SYSTEM,
            body="Merge undone"
            + ("" if lead is survivor else f": no longer part of {_name(survivor)}"),
            data={"event": "merge_undone", "merge_id": str(log.id), "forced": bool(changed)},
        )
    await session.flush()
    await service.store_keys(
        session, workspace, [(lead.id, service.fields_of(lead)) for lead in everyone]
    )
    return log


async def _reopen_candidates(session: AsyncSession, workspace: uuid.UUID, log: MergeLog) -> None:
    """The pairs this merge closed return to what they were before it (open or rejected)."""
    states = log.moved.get("candidates", {})
    if not states:
        return
    rows = await repository.candidates_by_ids(session, workspace, [uuid.UUID(i) for i in states])
    for candidate in rows:
        if candidate.merge_id != log.id:
            continue  # decided again since: that later decision stands
        state = states[str(candidate.id)]
        candidate.status = CandidateStatus(state["status"])
        candidate.decided_by_id = (
            uuid.UUID(state["decided_by_id"]) if state["decided_by_id"] else None
        )
        candidate.decided_at = (
            datetime.fromisoformat(state["decided_at"]) if state["decided_at"] else None
        )
        candidate.merge_id = uuid.UUID(state["merge_id"]) if state["merge_id"] else None


# --- reading ----------------------------------------------------------------------------------


async def list_merges(
    session: AsyncSession, principal: Principal, page: PageParams, *, lead_id: uuid.UUID | None
) -> Page[MergeLog]:
    query = repository.merges_of(principal.workspace)
    if lead_id is not None:
        query = query.where(MergeLog.survivor_id == lead_id)
    return await paginate_by_id(session, query, MergeLog.id, page, descending=True)


async def get_merge(session: AsyncSession, principal: Principal, merge_id: uuid.UUID) -> MergeLog:
    return found(await repository.merge_log(session, principal.workspace, merge_id), "merge")


def default_survivor(pair: Sequence[Lead | Mapping[str, Any]]) -> Any:
    """The lead kept when a pair is accepted without a choice: the older one (the original,
    with the longer history)."""
    return min(pair, key=lambda lead: (_get(lead, "created_at"), str(_get(lead, "id"))))


def _get(lead: Lead | Mapping[str, Any], name: str) -> Any:
    return lead[name] if isinstance(lead, Mapping) else getattr(lead, name)
