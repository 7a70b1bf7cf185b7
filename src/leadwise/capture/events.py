"""What public capture reports to the domains that react (notifications, webhooks)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FormSubmitted:
    workspace_id: uuid.UUID
    form_id: uuid.UUID
    lead_id: uuid.UUID
    message: str | None = None
