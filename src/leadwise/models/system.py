"""Installation-wide flags (first-run setup done, ...)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from leadwise.core.clock import utcnow
from leadwise.models.base import Base


class SystemFlag(Base):
    __tablename__ = "system_flags"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


SETUP_COMPLETED = "setup_completed"
