"""Pipeline stages: the default pipeline, CRUD and ordering.

Rules: names are unique per workspace (case-insensitive); a workspace always keeps at least one
open stage (new leads go to the first one); a stage with leads can only be deleted by moving
its leads to another stage.
"""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.principal import Principal
from leadwise.core.errors import Conflict, ValidationFailed, found
from leadwise.models import DEFAULT_STAGES, Stage, StageKind
from leadwise.stages import repository


async def ensure_pipeline(session: AsyncSession, workspace_id: uuid.UUID) -> list[Stage]:
    """The workspace's stages, creating the default pipeline on first use."""
    stages = await repository.stages_of(session, workspace_id)
    if stages:
        return stages
    try:
        async with session.begin_nested():
            session.add_all(
                Stage(workspace_id=workspace_id, name=name, kind=kind, position=index)
                for index, (name, kind) in enumerate(DEFAULT_STAGES)
            )
    except IntegrityError:
        pass  # a concurrent request created them first
    return await repository.stages_of(session, workspace_id)


async def list_stages(session: AsyncSession, principal: Principal) -> list[Stage]:
    return await ensure_pipeline(session, principal.workspace)


async def first_open_stage(session: AsyncSession, workspace_id: uuid.UUID) -> Stage:
    stages = await ensure_pipeline(session, workspace_id)
    return next(stage for stage in stages if stage.kind is StageKind.OPEN)


async def get_stage(session: AsyncSession, principal: Principal, stage_id: uuid.UUID) -> Stage:
    return found(await repository.stage_in(session, principal.workspace, stage_id), "stage")


async def create_stage(
    session: AsyncSession, principal: Principal, *, name: str, kind: StageKind, color: str | None
) -> Stage:
    stages = await ensure_pipeline(session, principal.workspace)
    await _check_name(session, principal.workspace, name)
    stage = Stage(
        workspace_id=principal.workspace,
        name=name,
        kind=kind,
        color=color,
        position=max((s.position for s in stages), default=-1) + 1,
    )
    session.add(stage)
    await session.flush()
    return stage


async def update_stage(
    session: AsyncSession,
    principal: Principal,
    stage_id: uuid.UUID,
    *,
    name: str | None,
    kind: StageKind | None,
    color: str | None,
) -> Stage:
    stage = await get_stage(session, principal, stage_id)
    if name is not None and name != stage.name:
        await _check_name(session, principal.workspace, name, except_id=stage.id)
        stage.name = name
    if kind is not None and kind is not stage.kind:
        if stage.kind is StageKind.OPEN:
            await _keep_an_open_stage(session, principal.workspace, stage)
        stage.kind = kind
    if color is not None:
        stage.color = color
    return stage


async def delete_stage(
    session: AsyncSession, principal: Principal, stage_id: uuid.UUID, *, move_to: uuid.UUID | None
) -> Stage:
    stage = await get_stage(session, principal, stage_id)
    if stage.kind is StageKind.OPEN:
        await _keep_an_open_stage(session, principal.workspace, stage)
    leads = await repository.lead_count(session, principal.workspace, stage.id)
    if leads:
        if move_to is None:
            raise Conflict(
                f"{leads} leads are in this stage; choose a stage to move them to (move_to).",
                details={"leads": leads, "field": "move_to"},
            )
        if move_to == stage.id:
            raise ValidationFailed("move_to must be another stage.", details={"field": "move_to"})
        target = await get_stage(session, principal, move_to)
        await repository.move_leads(session, principal.workspace, stage.id, target.id)
    await session.delete(stage)
    await session.flush()
    return stage


async def reorder(
    session: AsyncSession, principal: Principal, stage_ids: list[uuid.UUID]
) -> list[Stage]:
    stages = await ensure_pipeline(session, principal.workspace)
    by_id = {stage.id: stage for stage in stages}
    if len(stage_ids) != len(set(stage_ids)) or set(stage_ids) != set(by_id):
        raise ValidationFailed(
            "stage_ids must list every stage of the workspace exactly once.",
            details={"field": "stage_ids", "expected": len(by_id)},
        )
    for position, stage_id in enumerate(stage_ids):
        by_id[stage_id].position = position
    await session.flush()
    return [by_id[stage_id] for stage_id in stage_ids]


async def _check_name(
    session: AsyncSession, workspace_id: uuid.UUID, name: str, except_id: uuid.UUID | None = None
) -> None:
    if await repository.name_taken(session, workspace_id, name, except_id):
        raise Conflict("A stage with this name exists.", details={"field": "name"})


async def _keep_an_open_stage(session: AsyncSession, workspace_id: uuid.UUID, stage: Stage) -> None:
    others = [
        s
        for s in await repository.stages_of(session, workspace_id)
        if s.kind is StageKind.OPEN and s.id != stage.id
    ]
    if not others:
        raise Conflict(
            "A pipeline needs at least one open stage.", details={"reason": "last_open_stage"}
        )
