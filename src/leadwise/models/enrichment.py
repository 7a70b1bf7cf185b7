"""Scraped data: each enrichment provider's raw answer for a domain (a site's crawl report, its
DNS records), kept so that enrichment reads it again instead of asking again until it is
older than `LEADWISE_ENRICH__CACHE_DAYS`."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from leadwise.models.base import Base, IdMixin, TimestampMixin


class ScrapedData(IdMixin, TimestampMixin, Base):
    __tablename__ = "scraped_data"
    __table_args__ = (UniqueConstraint("workspace_id", "domain", "provider"),)

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    domain: Mapped[str] = mapped_column(String(253))
    provider: Mapped[str] = mapped_column(String(40))  # "website", "dns"
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    fetched_at: Mapped[datetime] = mapped_column()
