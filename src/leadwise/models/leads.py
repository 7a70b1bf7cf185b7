"""Leads, their tags, timeline (activities), attachments and custom field definitions.

Columns for the results of later engines (verification, enrichment, scoring, dedupe) live on
the lead from the start, so those features fill them instead of reshaping the table.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from leadwise.core.clock import utcnow
from leadwise.models.base import Base, IdMixin, SoftDeleteMixin, TimestampMixin
from leadwise.models.users import enum_column


class LeadSource(StrEnum):
    FORM = "form"
    EMAIL = "email"
    IMPORT = "import"
    API = "api"
    CRAWL = "crawl"
    MANUAL = "manual"


class Lifecycle(StrEnum):
    SUBSCRIBER = "subscriber"
    LEAD = "lead"
    MQL = "mql"
    SQL = "sql"
    OPPORTUNITY = "opportunity"
    CUSTOMER = "customer"
    DISQUALIFIED = "disqualified"


class Lead(IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "leads"
    __table_args__ = (
        # The list's default order and cursor: newest first, within a workspace.
        Index("ix_leads_workspace_id_created_at_id", "workspace_id", "created_at", "id"),
        # A stage's or owner's leads newest first, and the list sorted by name or by last change,
        # each read in order from an index: no sort of the whole workspace (bench/leads_list.py).
        Index(
            "ix_leads_workspace_id_stage_id_created_at_id",
            "workspace_id",
            "stage_id",
            "created_at",
            "id",
        ),
        Index(
            "ix_leads_workspace_id_owner_id_created_at_id",
            "workspace_id",
            "owner_id",
            "created_at",
            "id",
        ),
        Index("ix_leads_workspace_id_first_name_id", "workspace_id", "first_name", "id"),
        Index("ix_leads_workspace_id_last_name_id", "workspace_id", "last_name", "id"),
        Index("ix_leads_workspace_id_updated_at_id", "workspace_id", "updated_at", "id"),
        Index("ix_leads_workspace_id_phone_e164", "workspace_id", "phone_e164"),
        Index("ix_leads_company_id", "company_id"),
        Index("ix_leads_workspace_id_external_id", "workspace_id", "external_id"),
        # Imports match emails without regard to case (Jane.Doe@ and jane.doe@ are one person);
        # every other email lookup goes through the match keys, so no plain email index.
        Index(
            "ix_leads_workspace_id_email_lower",
            "workspace_id",
            func.lower(text("email_normalized")),
        ),
        Index("ix_leads_import_id", "import_id"),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    first_name: Mapped[str] = mapped_column(String(128), default="")
    last_name: Mapped[str] = mapped_column(String(128), default="")
    email: Mapped[str | None] = mapped_column(String(320), default=None)  # as entered
    email_normalized: Mapped[str | None] = mapped_column(String(320), default=None)
    phone_raw: Mapped[str | None] = mapped_column(String(64), default=None)  # as entered
    phone_e164: Mapped[str | None] = mapped_column(String(20), default=None)
    job_title: Mapped[str | None] = mapped_column(String(200), default=None)
    company_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), default=None
    )
    company_name: Mapped[str | None] = mapped_column(String(300), default=None)
    website: Mapped[str | None] = mapped_column(String(2048), default=None)
    # The record's id in the system it came from (a CRM export, a spreadsheet's own key).
    external_id: Mapped[str | None] = mapped_column(String(200), default=None)
    country: Mapped[str | None] = mapped_column(String(2), default=None)
    city: Mapped[str | None] = mapped_column(String(200), default=None)
    source: Mapped[LeadSource] = mapped_column(
        enum_column(LeadSource, "lead_source"), default=LeadSource.MANUAL
    )
    source_details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    utm_source: Mapped[str | None] = mapped_column(String(200), default=None)
    utm_medium: Mapped[str | None] = mapped_column(String(200), default=None)
    utm_campaign: Mapped[str | None] = mapped_column(String(200), default=None)
    utm_term: Mapped[str | None] = mapped_column(String(200), default=None)
    utm_content: Mapped[str | None] = mapped_column(String(200), default=None)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    stage_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("stages.id", ondelete="RESTRICT"), default=None
    )
    stage_changed_at: Mapped[datetime | None] = mapped_column(default=None)
    lost_reason: Mapped[str | None] = mapped_column(String(500), default=None)
    lifecycle: Mapped[Lifecycle] = mapped_column(
        enum_column(Lifecycle, "lifecycle"), default=Lifecycle.LEAD
    )
    value: Mapped[int | None] = mapped_column(BigInteger, default=None)  # deal value, cents
    custom_fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # {"marketing_email": {"granted": true, "at": "...", "source": "form:abc"}, ...}
    consents: Mapped[dict[str, Any]] = mapped_column(default=dict)
    do_not_contact: Mapped[bool] = mapped_column(default=False)
    form_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("forms.id", ondelete="SET NULL"), default=None
    )
    # The import that created this lead (a revert removes what it created).
    import_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("imports.id", ondelete="SET NULL"), default=None
    )
    # The public edit token of a form submission (SHA-256), see PUT /public/leads/{id}.
    edit_token_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    edit_token_expires_at: Mapped[datetime | None] = mapped_column(default=None)

    # Email verification (issue: verification engine).
    verification_status: Mapped[str | None] = mapped_column(String(20), default=None)
    verification: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    verified_at: Mapped[datetime | None] = mapped_column(default=None)
    # Enrichment provenance: {field: {"value", "source", "method", "at"}}.
    enrichment: Mapped[dict[str, Any]] = mapped_column(default=dict)
    enriched_at: Mapped[datetime | None] = mapped_column(default=None)
    # Scoring (rules, model, AI qualification).
    score: Mapped[int | None] = mapped_column(default=None)
    score_breakdown: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    scored_at: Mapped[datetime | None] = mapped_column(default=None)
    # Deduplication: the survivor this lead was merged into.
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("leads.id", ondelete="SET NULL"), default=None
    )

    tag_rows: Mapped[list[LeadTag]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="LeadTag.tag"
    )

    @property
    def tags(self) -> list[str]:
        return [row.tag for row in self.tag_rows]


class LeadTag(Base):
    __tablename__ = "lead_tags"
    __table_args__ = (Index("ix_lead_tags_workspace_id_tag", "workspace_id", "tag"),)

    lead_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("leads.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The lead's workspace, copied; no foreign key of its own, as in LeadMatchKey.
    workspace_id: Mapped[uuid.UUID]


class ActivityKind(StrEnum):
    NOTE = "note"
    CALL = "call"
    EMAIL_SENT = "email_sent"
    EMAIL_RECEIVED = "email_received"
    MEETING = "meeting"
    STAGE_CHANGE = "stage_change"
    FIELD_CHANGE = "field_change"
    ASSIGNMENT = "assignment"
    SYSTEM = "system"


class Activity(IdMixin, Base):
    """One entry of a lead's timeline."""

    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_lead_id_id", "lead_id", "id"),)

    # The lead's workspace, copied; no foreign key of its own, as in LeadMatchKey.
    workspace_id: Mapped[uuid.UUID]
    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"))
    kind: Mapped[ActivityKind] = mapped_column(enum_column(ActivityKind, "activity_kind"))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    body: Mapped[str | None] = mapped_column(Text, default=None)
    # Structured detail: {"from_stage", "to_stage"}, {"field", "old", "new"}, {"event": ...}.
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Attachment(IdMixin, SoftDeleteMixin, Base):
    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_lead_id", "lead_id"),)

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"))
    original_name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))  # detected from the bytes
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(200), unique=True)
    uploaded_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CustomFieldType(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    SELECT = "select"
    BOOLEAN = "boolean"


class CustomFieldDefinition(IdMixin, TimestampMixin, Base):
    __tablename__ = "custom_field_definitions"
    __table_args__ = (UniqueConstraint("workspace_id", "key"),)

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200))
    type: Mapped[CustomFieldType] = mapped_column(enum_column(CustomFieldType, "custom_field_type"))
    options: Mapped[list[str]] = mapped_column(default=list)  # for select
    required: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)
