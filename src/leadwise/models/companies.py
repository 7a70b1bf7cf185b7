"""Companies: the organisations leads work for (one per domain per workspace)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from leadwise.models.base import Base, IdMixin, SoftDeleteMixin, TimestampMixin


class Company(IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "companies"
    __table_args__ = (
        UniqueConstraint("workspace_id", "domain"),
        Index("ix_companies_workspace_id_name", "workspace_id", "name"),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    # Registrable domain, lower-case, no "www." (the link between leads' emails and companies).
    domain: Mapped[str | None] = mapped_column(String(253), default=None)
    website: Mapped[str | None] = mapped_column(String(2048), default=None)
    industry: Mapped[str | None] = mapped_column(String(200), default=None)
    size_band: Mapped[str | None] = mapped_column(String(20), default=None)
    country: Mapped[str | None] = mapped_column(String(2), default=None)
    city: Mapped[str | None] = mapped_column(String(200), default=None)
    address: Mapped[dict[str, Any]] = mapped_column(default=dict)
    description: Mapped[str | None] = mapped_column(Text, default=None)
    logo_url: Mapped[str | None] = mapped_column(String(2048), default=None)
    phone: Mapped[str | None] = mapped_column(String(32), default=None)
    social_profiles: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Filled by enrichment: {field: {"value", "source_url", "method", "first_seen", "last_seen"}}.
    enrichment: Mapped[dict[str, Any]] = mapped_column(default=dict)
    enriched_at: Mapped[datetime | None] = mapped_column(default=None)
