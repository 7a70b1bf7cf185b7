"""Users, workspaces (tenants) and memberships."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from leadwise.models.base import Base, IdMixin, SoftDeleteMixin, TimestampMixin


class Role(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    MANAGER = "manager"
    SALES = "sales"
    VIEWER = "viewer"


def enum_column(enum: type[StrEnum], name: str) -> Enum:
    # Stored as plain strings (a CHECK on SQLite, a VARCHAR on PostgreSQL): adding a value is
    # a one-line migration instead of an ALTER TYPE.
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [member.value for member in members],
    )


class User(IdMixin, TimestampMixin, Base):
    __tablename__ = "users"

    email: Mapped[str] = mapped_column(String(320), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(default=None)

    memberships: Mapped[list[Membership]] = relationship(back_populates="user", lazy="raise")


# Emails to members, on unless a workspace turns them off: `lead_assigned` tells a lead's new
# owner; `new_lead` tells a form's recipients (or the lead's owner) about a submission.
NOTIFICATION_DEFAULTS: dict[str, bool] = {"lead_assigned": True, "new_lead": True}


class Workspace(IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "workspaces"

    name: Mapped[str] = mapped_column(String(200))
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)

    memberships: Mapped[list[Membership]] = relationship(back_populates="workspace", lazy="raise")

    @property
    def email_from(self) -> str | None:
        """The sender of this workspace's emails, if it has its own."""
        value = self.settings.get("email_from")
        return str(value) if value else None

    @property
    def notifications(self) -> dict[str, bool]:
        """Which emails this workspace sends its members (`NOTIFICATION_DEFAULTS` where unset)."""
        chosen = self.settings.get("notifications") or {}
        return {key: bool(chosen.get(key, on)) for key, on in NOTIFICATION_DEFAULTS.items()}


class Membership(IdMixin, TimestampMixin, Base):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("workspace_id", "user_id"),)

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))

    user: Mapped[User] = relationship(back_populates="memberships", lazy="raise")
    workspace: Mapped[Workspace] = relationship(back_populates="memberships", lazy="raise")


class LoginThrottle(Base):
    """Consecutive failed sign-ins per login name, known or not (so lockout leaks nothing)."""

    __tablename__ = "login_throttles"

    login: Mapped[str] = mapped_column(String(320), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    last_failure_at: Mapped[datetime | None] = mapped_column(default=None)
