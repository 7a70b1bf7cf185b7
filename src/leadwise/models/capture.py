"""Public capture: web forms, their idempotency records, and assignment rules."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from leadwise.core.clock import utcnow
from leadwise.models.base import Base, IdMixin, TimestampMixin
from leadwise.models.users import enum_column


class Form(IdMixin, TimestampMixin, Base):
    __tablename__ = "forms"

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    # What the embed snippet carries; not guessable, not the primary key.
    public_id: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(default=True)
    allowed_fields: Mapped[list[str]] = mapped_column(default=list)
    required_fields: Mapped[list[str]] = mapped_column(default=list)
    allowed_origins: Mapped[list[str]] = mapped_column(default=list)
    redirect_url: Mapped[str | None] = mapped_column(String(2048), default=None)
    notify_emails: Mapped[list[str]] = mapped_column(default=list)
    send_confirmation: Mapped[bool] = mapped_column(default=False)
    accept_files: Mapped[bool] = mapped_column(default=False)
    honeypot_field: Mapped[str | None] = mapped_column(String(64), default="website_url")
    min_fill_seconds: Mapped[int] = mapped_column(default=0)
    # {"tags": [...], "confirmation_subject": ..., "confirmation_message": ...,
    #  "duplicate_policy": "flag" | "merge" | "create"}
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)

    @property
    def tags(self) -> list[str]:
        return list(self.settings.get("tags", []))

    @property
    def confirmation_subject(self) -> str | None:
        return self.settings.get("confirmation_subject")

    @property
    def confirmation_message(self) -> str | None:
        return self.settings.get("confirmation_message")

    @property
    def duplicate_policy(self) -> str:
        """What a submission with the email of an existing lead does (see capture/duplicates)."""
        return str(self.settings.get("duplicate_policy") or "flag")

    @property
    def submit_url(self) -> str:
        return f"/api/v1/public/forms/{self.public_id}/submit"


class IdempotencyRecord(IdMixin, Base):
    """A submit with an `Idempotency-Key` is answered once; a repeat gets the same answer."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("form_id", "key"),)

    form_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("forms.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    lead_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("leads.id", ondelete="SET NULL"), default=None
    )
    response: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AssignmentStrategy(StrEnum):
    ROUND_ROBIN = "round_robin"
    LEAST_LOADED = "least_loaded"


class AssignmentRule(IdMixin, TimestampMixin, Base):
    __tablename__ = "assignment_rules"

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)
    is_active: Mapped[bool] = mapped_column(default=True)
    strategy: Mapped[AssignmentStrategy] = mapped_column(
        enum_column(AssignmentStrategy, "assignment_strategy")
    )
    user_ids: Mapped[list[str]] = mapped_column(default=list)
    # Optional conditions: only leads from these sources / countries.
    sources: Mapped[list[str]] = mapped_column(default=list)
    countries: Mapped[list[str]] = mapped_column(default=list)
    # Round-robin position: the index of the user who got the last lead.
    last_index: Mapped[int] = mapped_column(default=-1)
