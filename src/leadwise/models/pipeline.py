"""Pipeline stages (per workspace, ordered) that leads move through."""

from __future__ import annotations

import uuid
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from leadwise.models.base import Base, IdMixin, TimestampMixin
from leadwise.models.users import enum_column


class StageKind(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


class Stage(IdMixin, TimestampMixin, Base):
    __tablename__ = "stages"
    __table_args__ = (
        UniqueConstraint("workspace_id", "name"),
        Index("ix_stages_workspace_id_position", "workspace_id", "position"),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int]
    kind: Mapped[StageKind] = mapped_column(enum_column(StageKind, "stage_kind"))
    color: Mapped[str | None] = mapped_column(String(16), default=None)


# The default pipeline of a new workspace. Seed 004's PENDING and REACHED_OUT are New and
# Contacted.
DEFAULT_STAGES: tuple[tuple[str, StageKind], ...] = (
    ("New", StageKind.OPEN),
    ("Contacted", StageKind.OPEN),
    ("Qualified", StageKind.OPEN),
    ("Proposal", StageKind.OPEN),
    ("Won", StageKind.WON),
    ("Lost", StageKind.LOST),
)
