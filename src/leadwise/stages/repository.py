"""SQL for pipeline stages; every statement starts from the workspace."""

from __future__ import annotations

import uuid

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.models import Lead, Stage

# Built once: building a statement costs about half as much CPU as running it (every new lead).
_STAGES_OF = (
    select(Stage)
    .where(Stage.workspace_id == bindparam("workspace_id"))
    .order_by(Stage.position, Stage.id)
)


async def stages_of(session: AsyncSession, workspace_id: uuid.UUID) -> list[Stage]:
    return list(await session.scalars(_STAGES_OF, {"workspace_id": workspace_id}))


async def stage_in(
    session: AsyncSession, workspace_id: uuid.UUID, stage_id: uuid.UUID
) -> Stage | None:
    return await session.scalar(
        select(Stage).where(Stage.workspace_id == workspace_id, Stage.id == stage_id)
    )


async def name_taken(
    session: AsyncSession, workspace_id: uuid.UUID, name: str, except_id: uuid.UUID | None = None
) -> bool:
    query = select(Stage.id).where(
        Stage.workspace_id == workspace_id, func.lower(Stage.name) == name.lower()
    )
    if except_id is not None:
        query = query.where(Stage.id != except_id)
    return (await session.scalar(query.limit(1))) is not None


async def lead_count(session: AsyncSession, workspace_id: uuid.UUID, stage_id: uuid.UUID) -> int:
    return int(
        await session.scalar(
            select(func.count())
            .select_from(Lead)
            .where(Lead.workspace_id == workspace_id, Lead.stage_id == stage_id)
        )
        or 0
    )


async def move_leads(
    session: AsyncSession, workspace_id: uuid.UUID, from_id: uuid.UUID, to_id: uuid.UUID
) -> int:
    result = await session.execute(
        update(Lead)
        .where(Lead.workspace_id == workspace_id, Lead.stage_id == from_id)
        .values(stage_id=to_id)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
