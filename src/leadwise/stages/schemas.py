"""Stage bodies."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field

from leadwise.core.schemas import ReadSchema, Schema
from leadwise.models import StageKind

COLOR = r"^#[0-9a-fA-F]{6}$"


class StageRead(ReadSchema):
    id: uuid.UUID
    name: str = Field(examples=["Qualified"])
    position: int = Field(examples=[2])
    kind: StageKind = Field(examples=["open"])
    color: str | None = Field(examples=["#3b82f6"])
    created_at: datetime


class StageCreate(Schema):
    name: str = Field(min_length=1, max_length=100, examples=["Demo booked"])
    kind: StageKind = StageKind.OPEN
    color: str | None = Field(None, pattern=COLOR, examples=["#3b82f6"])


class StageUpdate(Schema):
    name: str | None = Field(None, min_length=1, max_length=100, examples=["Discovery call"])
    kind: StageKind | None = None
    color: str | None = Field(None, pattern=COLOR)


class StageOrder(Schema):
    stage_ids: list[uuid.UUID] = Field(
        description="Every stage of the workspace, in the new order",
        examples=[["01a2015f-097d-7179-8c16-e7e291dcb4c4", "01a2015f-097d-7179-8c16-e7e291dcb4c5"]],
    )
