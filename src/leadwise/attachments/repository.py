"""SQL for attachments; every statement starts from the workspace."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select

from leadwise.models import Attachment, Lead


def attachments_of(workspace_id: uuid.UUID) -> Select[Attachment]:
    """The workspace's attachments of live leads: a deleted lead's files are as hidden as it."""
    return (
        select(Attachment)
        .join(Lead, Lead.id == Attachment.lead_id)
        .where(Attachment.workspace_id == workspace_id, Lead.deleted_at.is_(None))
    )
