"""`/stages`: the workspace's pipeline."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query, status

from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.dependencies import SessionDep
from leadwise.core.routing import make_router
from leadwise.stages import service
from leadwise.stages.schemas import StageCreate, StageOrder, StageRead, StageUpdate

router = make_router(tags=["pipeline"])
ReadStages = Annotated[Principal, Depends(require(Permission.LEADS_READ))]
ManageStages = Annotated[Principal, Depends(require(Permission.SETTINGS_MANAGE))]


@router.get("/stages", response_model=list[StageRead], summary="The pipeline, in order")
async def list_stages(principal: ReadStages, session: SessionDep) -> object:
    return await service.list_stages(session, principal)


@router.post("/stages", response_model=StageRead, status_code=status.HTTP_201_CREATED)
async def create_stage(body: StageCreate, principal: ManageStages, session: SessionDep) -> object:
    return await service.create_stage(
        session, principal, name=body.name, kind=body.kind, color=body.color
    )


@router.post("/stages/reorder", response_model=list[StageRead])
async def reorder_stages(body: StageOrder, principal: ManageStages, session: SessionDep) -> object:
    return await service.reorder(session, principal, body.stage_ids)


@router.get("/stages/{stage_id}", response_model=StageRead)
async def read_stage(stage_id: uuid.UUID, principal: ReadStages, session: SessionDep) -> object:
    return await service.get_stage(session, principal, stage_id)


@router.patch("/stages/{stage_id}", response_model=StageRead)
async def update_stage(
    stage_id: uuid.UUID, body: StageUpdate, principal: ManageStages, session: SessionDep
) -> object:
    return await service.update_stage(
        session, principal, stage_id, name=body.name, kind=body.kind, color=body.color
    )


@router.delete(
    "/stages/{stage_id}",
    response_model=StageRead,
    summary="Delete a stage (its leads move to `move_to`)",
)
async def delete_stage(
    stage_id: uuid.UUID,
    principal: ManageStages,
    session: SessionDep,
    move_to: Annotated[uuid.UUID | None, Query(description="Stage for its leads")] = None,
) -> object:
    return await service.delete_stage(session, principal, stage_id, move_to=move_to)
