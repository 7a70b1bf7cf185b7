"""Imports of lead files: the run, its row errors, what it changed (for revert), saved presets.

A run's progress lives on its job (`jobs` row); the run keeps what the user chose and what the
file is. Leads created by a run point back to it (`leads.import_id`), so a revert finds them
without a row per lead; leads it updated have their before-state in `import_changes`.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from leadwise.core.clock import utcnow
from leadwise.models.base import Base, IdMixin, TimestampMixin
from leadwise.models.users import enum_column


class ImportState(StrEnum):
    """Where a run stands outside its job: the job tells queued/running/succeeded/failed."""

    UPLOADED = "uploaded"  # waiting for a mapping and a start
    STARTED = "started"  # a job runs it (or ran it): see the job's status
    REVERTING = "reverting"
    REVERTED = "reverted"


class ImportRun(IdMixin, TimestampMixin, Base):
    __tablename__ = "imports"
    __table_args__ = (Index("ix_imports_workspace_id_id", "workspace_id", "id"),)

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    file_name: Mapped[str] = mapped_column(String(255))
    file_format: Mapped[str] = mapped_column(String(16))
    file_size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(200))
    columns: Mapped[list[str]] = mapped_column(default=list)  # the file's header
    # {column: lead field | "custom:<key>" | None}
    mapping: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # mode, match_on, duplicate_policy, default_region, tags, owner_id, check_probable
    options: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[ImportState] = mapped_column(
        enum_column(ImportState, "import_state"), default=ImportState.UPLOADED
    )
    job_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL"), default=None
    )
    revert_job_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL"), default=None
    )
    dry_run: Mapped[bool] = mapped_column(default=False)
    reverted_at: Mapped[datetime | None] = mapped_column(default=None)
    reverted_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )


class ImportRowError(IdMixin, Base):
    """One problem with one cell (or a whole row) of an imported file: the error report."""

    __tablename__ = "import_errors"
    __table_args__ = (Index("ix_import_errors_import_id_row_number", "import_id", "row_number"),)

    import_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("imports.id", ondelete="CASCADE"))
    row_number: Mapped[int]  # 1 = the first data row below the header
    column: Mapped[str | None] = mapped_column(String(255), default=None)
    value: Mapped[str | None] = mapped_column(String(500), default=None)
    reason: Mapped[str] = mapped_column(Text)
    fatal: Mapped[bool] = mapped_column(default=True)  # the row was not imported


class ImportChange(IdMixin, Base):
    """A lead an import updated, with the values it had before (restored by a revert)."""

    __tablename__ = "import_changes"
    __table_args__ = (Index("ix_import_changes_import_id_id", "import_id", "id"),)

    import_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("imports.id", ondelete="CASCADE"))
    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"))
    row_number: Mapped[int]
    # {"fields": {column: old value}, "tags_added": [...]}
    before: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ImportPreset(IdMixin, TimestampMixin, Base):
    """A saved mapping and options, for files that come in the same shape every month."""

    __tablename__ = "import_presets"
    __table_args__ = (UniqueConstraint("workspace_id", "name"),)

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    mapping: Mapped[dict[str, Any]] = mapped_column(default=dict)
    options: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
