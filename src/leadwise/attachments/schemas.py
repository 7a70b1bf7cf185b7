"""Attachment bodies."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field

from leadwise.core.schemas import ReadSchema


class AttachmentRead(ReadSchema):
    id: uuid.UUID
    lead_id: uuid.UUID
    original_name: str = Field(examples=["cv-ada-lovelace.pdf"])
    content_type: str = Field(
        description="Detected from the file's bytes", examples=["application/pdf"]
    )
    size: int = Field(description="Bytes", examples=[5242880])
    sha256: str
    uploaded_by_id: uuid.UUID | None
    created_at: datetime
