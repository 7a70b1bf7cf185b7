"""`/leads`: the leads of the workspace and their timeline."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query, status

from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.dependencies import FileStoreDep, SessionDep, read_only
from leadwise.core.pagination import PageDep
from leadwise.core.routing import make_router, page_response
from leadwise.core.schemas import Page
from leadwise.leads import assignment, custom_fields, service
from leadwise.leads.schemas import (
    ActivityCreate,
    ActivityRead,
    AssignmentRuleCreate,
    AssignmentRuleRead,
    AssignmentRuleUpdate,
    AssignOwner,
    BulkFilter,
    BulkRequest,
    BulkResult,
    CustomFieldCreate,
    CustomFieldRead,
    CustomFieldUpdate,
    LeadCreate,
    LeadDetailRead,
    LeadListQuery,
    LeadRead,
    LeadUpdate,
    StageMove,
    StageSummary,
)

router = make_router(tags=["leads"])
ReadLeads = Annotated[Principal, Depends(require(Permission.LEADS_READ))]
WriteLeads = Annotated[Principal, Depends(require(Permission.LEADS_WRITE))]
DeleteLeads = Annotated[Principal, Depends(require(Permission.LEADS_DELETE))]
AssignLeads = Annotated[Principal, Depends(require(Permission.LEADS_ASSIGN))]


Filters = Annotated[LeadListQuery, Query()]


@router.get("/leads", response_model=Page[LeadRead])
@read_only
async def list_leads(
    principal: ReadLeads, session: SessionDep, filters: Filters, page: PageDep
) -> object:
    return page_response(await service.list_leads(session, principal, filters, page))


@router.post("/leads", response_model=LeadRead, status_code=status.HTTP_201_CREATED)
async def create_lead(body: LeadCreate, principal: WriteLeads, session: SessionDep) -> object:
    return await service.create(session, principal, body)


@router.post(
    "/leads/bulk",
    response_model=BulkResult,
    summary="Change stage, owner or tags of many leads, or delete them (by ids or by filter)",
)
async def bulk_leads(body: BulkRequest, principal: WriteLeads, session: SessionDep) -> object:
    matched, changed = await service.bulk(
        session,
        principal,
        action=body.action,
        ids=body.ids,
        filters=body.filter,
        changes=body.changes,
    )
    return {"matched": matched, "changed": changed}


@router.get(
    "/leads/stage-summary",
    response_model=list[StageSummary],
    summary="Count and value of the leads in each stage (the list's filters apply)",
)
@read_only
async def stage_summary(
    principal: ReadLeads, session: SessionDep, filters: Annotated[BulkFilter, Query()]
) -> object:
    return await service.stage_summary(session, principal, filters)


@router.get("/leads/{lead_id}", response_model=LeadDetailRead)
@read_only
async def read_lead(lead_id: uuid.UUID, principal: ReadLeads, session: SessionDep) -> object:
    return await service.get(session, principal, lead_id)


@router.patch("/leads/{lead_id}", response_model=LeadRead)
async def update_lead(
    lead_id: uuid.UUID, body: LeadUpdate, principal: WriteLeads, session: SessionDep
) -> object:
    return await service.update(session, principal, lead_id, body)


@router.delete(
    "/leads/{lead_id}",
    response_model=LeadRead,
    summary="Delete a lead (restorable; `hard=true` deletes for good, admins only)",
)
async def delete_lead(
    lead_id: uuid.UUID,
    principal: DeleteLeads,
    session: SessionDep,
    store: FileStoreDep,
    hard: bool = False,
) -> object:
    return await service.delete(session, principal, lead_id, hard=hard, store=store)


@router.post("/leads/{lead_id}/restore", response_model=LeadRead)
async def restore_lead(lead_id: uuid.UUID, principal: DeleteLeads, session: SessionDep) -> object:
    return await service.restore(session, principal, lead_id)


@router.post("/leads/{lead_id}/stage", response_model=LeadRead, summary="Move to a stage")
async def move_lead(
    lead_id: uuid.UUID, body: StageMove, principal: WriteLeads, session: SessionDep
) -> object:
    return await service.move_to_stage(
        session, principal, lead_id, stage_id=body.stage_id, lost_reason=body.lost_reason
    )


@router.post("/leads/{lead_id}/assign", response_model=LeadRead, summary="Set the owner")
async def assign_lead(
    lead_id: uuid.UUID, body: AssignOwner, principal: AssignLeads, session: SessionDep
) -> object:
    return await service.assign(session, principal, lead_id, body.owner_id)


@router.get("/leads/{lead_id}/activities", response_model=Page[ActivityRead])
@read_only
async def list_activities(
    lead_id: uuid.UUID, principal: ReadLeads, session: SessionDep, page: PageDep
) -> object:
    return await service.list_activities(session, principal, lead_id, page)


@router.post(
    "/leads/{lead_id}/activities",
    response_model=ActivityRead,
    status_code=status.HTTP_201_CREATED,
    summary="Add a note, call, email or meeting to the timeline",
)
async def add_activity(
    lead_id: uuid.UUID, body: ActivityCreate, principal: WriteLeads, session: SessionDep
) -> object:
    return await service.add_activity(
        session, principal, lead_id, kind=body.kind, body=body.body, occurred_at=body.occurred_at
    )


ManageFields = Annotated[Principal, Depends(require(Permission.SETTINGS_MANAGE))]


@router.get("/custom-fields", response_model=list[CustomFieldRead], tags=["custom fields"])
async def list_custom_fields(principal: ReadLeads, session: SessionDep) -> object:
    return await custom_fields.list_definitions(session, principal)


@router.post(
    "/custom-fields",
    response_model=CustomFieldRead,
    status_code=status.HTTP_201_CREATED,
    tags=["custom fields"],
)
async def create_custom_field(
    body: CustomFieldCreate, principal: ManageFields, session: SessionDep
) -> object:
    return await custom_fields.create_definition(
        session,
        principal,
        key=body.key,
        label=body.label,
        kind=body.type,
        options=body.options,
        required=body.required,
        position=body.position,
    )


@router.get("/custom-fields/{field_id}", response_model=CustomFieldRead, tags=["custom fields"])
async def read_custom_field(
    field_id: uuid.UUID, principal: ReadLeads, session: SessionDep
) -> object:
    return await custom_fields.get_definition(session, principal, field_id)


@router.patch(
    "/custom-fields/{field_id}",
    response_model=CustomFieldRead,
    tags=["custom fields"],
    summary="Change label, options, required or position (key and type are fixed)",
)
async def update_custom_field(
    field_id: uuid.UUID, body: CustomFieldUpdate, principal: ManageFields, session: SessionDep
) -> object:
    return await custom_fields.update_definition(
        session, principal, field_id, body.model_dump(exclude_unset=True)
    )


@router.delete(
    "/custom-fields/{field_id}",
    response_model=CustomFieldRead,
    tags=["custom fields"],
    summary="Delete a definition (values already stored on leads are kept)",
)
async def delete_custom_field(
    field_id: uuid.UUID, principal: ManageFields, session: SessionDep
) -> object:
    return await custom_fields.delete_definition(session, principal, field_id)


@router.get("/assignment-rules", response_model=list[AssignmentRuleRead], tags=["assignment rules"])
async def list_assignment_rules(principal: ReadLeads, session: SessionDep) -> object:
    return await assignment.list_rules(session, principal)


@router.post(
    "/assignment-rules",
    response_model=AssignmentRuleRead,
    status_code=status.HTTP_201_CREATED,
    tags=["assignment rules"],
    summary="Who gets new leads: round-robin or least-loaded, optionally by source or country",
)
async def create_assignment_rule(
    body: AssignmentRuleCreate, principal: AssignLeads, session: SessionDep
) -> object:
    return await assignment.create_rule(session, principal, body.model_dump())


@router.patch(
    "/assignment-rules/{rule_id}", response_model=AssignmentRuleRead, tags=["assignment rules"]
)
async def update_assignment_rule(
    rule_id: uuid.UUID, body: AssignmentRuleUpdate, principal: AssignLeads, session: SessionDep
) -> object:
    return await assignment.update_rule(
        session, principal, rule_id, body.model_dump(exclude_unset=True)
    )


@router.delete(
    "/assignment-rules/{rule_id}", response_model=AssignmentRuleRead, tags=["assignment rules"]
)
async def delete_assignment_rule(
    rule_id: uuid.UUID, principal: AssignLeads, session: SessionDep
) -> object:
    return await assignment.delete_rule(session, principal, rule_id)
