"""What happens to leads, for the domains that react (notifications, webhooks, scoring)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LeadAssigned:
    workspace_id: uuid.UUID
    lead_id: uuid.UUID
    owner_id: uuid.UUID
    # Who assigned it: None for assignment rules and public forms.
    actor_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class LeadCreated:
    workspace_id: uuid.UUID
    lead_id: uuid.UUID
    source: str  # a LeadSource value: who created it (forms and imports check duplicates)


@dataclass(frozen=True, slots=True)
class LeadChanged:
    workspace_id: uuid.UUID
    lead_id: uuid.UUID
    fields: tuple[str, ...]  # the fields that changed
