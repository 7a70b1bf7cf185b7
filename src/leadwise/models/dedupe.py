"""Duplicates in the product: match keys of leads, the review queue, merge logs (for undo) and
each workspace's learned matching model."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from leadwise.core.clock import utcnow
from leadwise.models.base import Base, IdMixin, TimestampMixin
from leadwise.models.users import enum_column


class LeadMatchKey(Base):
    """One blocking key of a lead ("email:ada@x.io", "first+surname:AT|LFLS", ...): a new record
    is compared only with the leads that share one of its keys, found through the index."""

    __tablename__ = "lead_match_keys"
    # With lead_id in the index, the newest holders of a key come from the index alone.
    __table_args__ = (
        Index("ix_lead_match_keys_workspace_id_key_lead_id", "workspace_id", "key", "lead_id"),
    )

    # No foreign keys: PostgreSQL checks each one per inserted row (a lookup, and a row lock
    # for the lead), which cost as much again as storing the keys themselves (~6.5 per lead).
    # A trigger on leads (migration 0013) deletes the keys of deleted leads instead, and a key
    # is only ever a way to its lead, read back from `leads`: one whose lead is gone matches
    # nothing. The workspace is the lead's, copied for the index.
    lead_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    workspace_id: Mapped[uuid.UUID]


class CandidateStatus(StrEnum):
    OPEN = "open"
    MERGED = "merged"
    REJECTED = "rejected"


class CandidateSource(StrEnum):
    SCAN = "scan"
    CAPTURE = "capture"
    IMPORT = "import"
    API = "api"


class DuplicateCandidate(IdMixin, TimestampMixin, Base):
    """A pair of leads that may be one person, in the review queue. One row per pair (stored
    with `lead_a_id < lead_b_id`), so a pair a user rejected is never proposed again."""

    __tablename__ = "duplicate_candidates"
    __table_args__ = (
        UniqueConstraint("workspace_id", "lead_a_id", "lead_b_id"),
        # The queue's order: most probable first, within a status.
        Index(
            "ix_duplicate_candidates_workspace_id_status_probability",
            "workspace_id",
            "status",
            "probability",
        ),
        Index("ix_duplicate_candidates_workspace_id_lead_b_id", "workspace_id", "lead_b_id"),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    lead_a_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"))
    lead_b_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"))
    probability: Mapped[float]
    match_weight: Mapped[float]
    # {field: {"level": "typo (≤ 2 edits)", "weight": 7.2}}
    explanation: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[CandidateStatus] = mapped_column(
        enum_column(CandidateStatus, "candidate_status"), default=CandidateStatus.OPEN
    )
    source: Mapped[CandidateSource] = mapped_column(
        enum_column(CandidateSource, "candidate_source")
    )
    # The scan that proposed the pair, and the duplicate group it found the pair in.
    scan_job_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL"), default=None
    )
    group_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    decided_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
    merge_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("merge_logs.id", ondelete="SET NULL"), default=None
    )


class MergeLog(IdMixin, Base):
    """One merge, with everything needed to undo it exactly."""

    __tablename__ = "merge_logs"
    __table_args__ = (
        Index("ix_merge_logs_workspace_id_survivor_id", "workspace_id", "survivor_id"),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    survivor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"))
    merged_ids: Mapped[list[str]] = mapped_column(default=list)
    # Every lead involved as it was: {"leads": {id: {column: value, ..., "tags": [...]}}}.
    before: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The survivor right after the merge (same shape): a later change makes undo ask to force.
    after: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # What moved: {"activities": {id: from lead id}, "attachments": {...}, "tags": [...],
    # "candidates": {id: {"status", "decided_by_id", "decided_at", "merge_id"}}}.
    moved: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Per field: {"choice": "most_recent" | "<lead id>" | "manual" | ..., "lead_id", "value"}.
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(default=None)
    undone_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )


class DedupeModel(IdMixin, TimestampMixin, Base):
    """A workspace's matching weights, learned by its last scan; the check of each new record
    scores with them (with built-in priors until a scan has run)."""

    __tablename__ = "dedupe_models"
    __table_args__ = (UniqueConstraint("workspace_id"),)

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    # {"fields": [[name, scheme], ...], "m": [[...], ...], "u": [[...], ...], "prior": 0.01}
    parameters: Mapped[dict[str, Any]] = mapped_column(default=dict)
    trained_at: Mapped[datetime] = mapped_column(default=utcnow)
    records: Mapped[int] = mapped_column(default=0)
    candidate_pairs: Mapped[int] = mapped_column(default=0)
    job_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL"), default=None
    )
