"""`/duplicates` (the review queue and scans) and `/merges` (merge, read, undo)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import Body, Depends, Query, status

from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.dependencies import SessionDep, read_only
from leadwise.core.pagination import PageDep
from leadwise.core.routing import make_router
from leadwise.core.schemas import Page
from leadwise.dedupe import merge, review, service
from leadwise.dedupe.schemas import (
    AcceptRequest,
    BulkDecision,
    BulkDecisionResult,
    CandidateQuery,
    CandidateRead,
    MergeCreate,
    MergeRead,
    ScanRequest,
    UndoRequest,
)
from leadwise.jobs.schemas import JobRead

router = make_router(tags=["duplicates"])
ReadLeads = Annotated[Principal, Depends(require(Permission.LEADS_READ))]
MergeLeads = Annotated[Principal, Depends(require(Permission.LEADS_MERGE))]
Filters = Annotated[CandidateQuery, Query()]
Responses = dict[int | str, dict[str, Any]]
NOT_FOUND: Responses = {404: {"description": "No such pair, merge or lead in this workspace"}}
CONFLICT: Responses = {
    409: {"description": "The pair, a lead or the merge is not in a state to allow it"}
}


@router.get(
    "/duplicates",
    response_model=Page[CandidateRead],
    summary="The review queue: pairs that may be one person, most probable first",
)
@read_only
async def list_duplicates(
    principal: ReadLeads, session: SessionDep, filters: Filters, page: PageDep
) -> object:
    return await review.list_candidates(session, principal, filters, page)


@router.get(
    "/leads/{lead_id}/duplicates",
    response_model=Page[CandidateRead],
    summary="The pairs a lead is part of (open ones by default)",
    responses=NOT_FOUND,
)
@read_only
async def lead_duplicates(
    lead_id: uuid.UUID, principal: ReadLeads, session: SessionDep, filters: Filters, page: PageDep
) -> object:
    return await review.list_candidates(session, principal, filters, page, lead_id=lead_id)


@router.post(
    "/duplicates/scan",
    response_model=JobRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Scan the whole workspace for duplicates (a job); found pairs join the queue",
    responses={409: {"description": "A scan is already queued or running"}},
)
async def scan(
    principal: MergeLeads, session: SessionDep, body: Annotated[ScanRequest | None, Body()] = None
) -> object:
    threshold = body.threshold if body is not None else None
    return await service.start_scan(session, principal, threshold=threshold)


@router.post(
    "/duplicates/bulk",
    response_model=BulkDecisionResult,
    summary="Accept (merge) or reject many pairs at once, all or nothing",
    responses=NOT_FOUND,
)
async def bulk_decide(body: BulkDecision, principal: MergeLeads, session: SessionDep) -> object:
    return await review.bulk(session, principal, action=body.action, ids=body.ids)


@router.post(
    "/duplicates/{candidate_id}/reject",
    response_model=CandidateRead,
    summary="Not one person: the pair is never proposed again",
    responses={**NOT_FOUND, **CONFLICT},
)
async def reject(candidate_id: uuid.UUID, principal: MergeLeads, session: SessionDep) -> object:
    return await review.reject(session, principal, candidate_id)


@router.post(
    "/duplicates/{candidate_id}/accept",
    response_model=MergeRead,
    status_code=status.HTTP_201_CREATED,
    summary="One person: merge the pair (into the older lead unless told otherwise)",
    responses={**NOT_FOUND, **CONFLICT},
)
async def accept(
    candidate_id: uuid.UUID,
    principal: MergeLeads,
    session: SessionDep,
    body: Annotated[AcceptRequest | None, Body()] = None,
) -> object:
    return await review.accept(session, principal, candidate_id, body or AcceptRequest())


@router.post(
    "/merges",
    response_model=MergeRead,
    status_code=status.HTTP_201_CREATED,
    summary="Merge leads into a survivor, choosing each field's value",
    responses={**NOT_FOUND, **CONFLICT},
)
async def create_merge(body: MergeCreate, principal: MergeLeads, session: SessionDep) -> object:
    return await merge.merge(
        session,
        principal,
        survivor_id=body.survivor_id,
        merged_ids=body.merged_ids,
        fields=body.plain_fields(),
        default=body.default,
    )


@router.get("/merges", response_model=Page[MergeRead], summary="Merges, newest first")
@read_only
async def list_merges(
    principal: ReadLeads,
    session: SessionDep,
    page: PageDep,
    lead_id: Annotated[uuid.UUID | None, Query(description="Merges into this lead")] = None,
) -> object:
    return await merge.list_merges(session, principal, page, lead_id=lead_id)


@router.get("/merges/{merge_id}", response_model=MergeRead, responses=NOT_FOUND)
@read_only
async def read_merge(merge_id: uuid.UUID, principal: ReadLeads, session: SessionDep) -> object:
    return await merge.get_merge(session, principal, merge_id)


@router.post(
    "/merges/{merge_id}/undo",
    response_model=MergeRead,
    summary="Undo a merge: every lead, tag, activity and attachment back as it was",
    responses={**NOT_FOUND, **CONFLICT},
)
async def undo_merge(
    merge_id: uuid.UUID,
    principal: MergeLeads,
    session: SessionDep,
    body: Annotated[UndoRequest | None, Body()] = None,
) -> object:
    return await merge.undo(session, principal, merge_id, force=bool(body and body.force))
