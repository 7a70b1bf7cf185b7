"""Job bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import Field

from leadwise.core.schemas import ReadSchema
from leadwise.models import JobStatus


class JobRead(ReadSchema):
    id: uuid.UUID
    kind: str = Field(examples=["notifications.email"])
    status: JobStatus = Field(examples=["running"])
    progress: int = Field(description="Percent done", examples=[40])
    counts: dict[str, Any]
    result: dict[str, Any] | None
    error: str | None
    attempts: int
    cancel_requested: bool
    created_by_id: uuid.UUID | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    heartbeat_at: datetime | None
