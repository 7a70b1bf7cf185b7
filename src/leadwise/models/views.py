"""Saved views of the leads list: a named query string, personal or shared with the workspace."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from leadwise.models.base import Base, IdMixin, TimestampMixin


class SavedView(IdMixin, TimestampMixin, Base):
    __tablename__ = "saved_views"
    __table_args__ = (
        UniqueConstraint("workspace_id", "user_id", "name"),
        Index("ix_saved_views_workspace_id_shared", "workspace_id", "shared"),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    # The member who saved it; only they change it. Their views leave with their account.
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    # The leads page's URL query (`stage=…&sort=-created_at`), validated and normalised.
    query: Mapped[str] = mapped_column(String(2000), default="")
    # Visible columns in order; None keeps whatever the viewer has chosen.
    columns: Mapped[list[str] | None] = mapped_column(default=None)
    shared: Mapped[bool] = mapped_column(default=False)
