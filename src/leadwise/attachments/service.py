"""Attachments of leads: streamed upload, listing, authorised download, removal."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.attachments import repository
from leadwise.attachments.uploads import (
    MalformedBody,
    ReceivedFile,
    UploadLimits,
    discard,
    is_multipart,
    receive_multipart,
)
from leadwise.auth.principal import Principal
from leadwise.config import Settings
from leadwise.core.db import after_commit, on_rollback, release_connection
from leadwise.core.errors import ValidationFailed, found
from leadwise.core.pagination import PageParams, paginate_by_id
from leadwise.core.schemas import Page
from leadwise.core.storage import FileStore
from leadwise.leads import service as leads
from leadwise.models import ActivityKind, Attachment, Lead


def upload_limits(settings: Settings, *, max_files: int | None = None) -> UploadLimits:
    storage = settings.storage
    return UploadLimits(
        max_file_bytes=storage.max_file_bytes,
        max_files=storage.max_files if max_files is None else max_files,
        allowed_types=frozenset(storage.allowed_types),
        max_fields=settings.capture.max_fields,
        max_field_bytes=settings.capture.max_field_chars * 4,  # UTF-8: up to 4 bytes a character
    )


async def upload(
    session: AsyncSession,
    principal: Principal,
    lead_id: uuid.UUID,
    *,
    content_type: str | None,
    body: AsyncIterator[bytes],
    store: FileStore,
    settings: Settings,
) -> list[Attachment]:
    lead = await leads.get(session, principal, lead_id)
    if not is_multipart(content_type):
        raise MalformedBody("Send the files as multipart/form-data.")
    assert content_type is not None
    await release_connection(session)
    received = await receive_multipart(
        content_type, body, store, principal.workspace, upload_limits(settings)
    )
    if not received.files:
        raise ValidationFailed("The request carries no file.", details={"field": "file"})
    return await attach(session, lead, received.files, store=store, principal=principal)


async def attach(
    session: AsyncSession,
    lead: Lead,
    files: list[ReceivedFile],
    *,
    store: FileStore,
    principal: Principal | None,
) -> list[Attachment]:
    """Rows for files already in the store; if the transaction rolls back, the files go too."""
    on_rollback(session, partial(discard, store, [file.storage_key for file in files]))
    attachments = [
        Attachment(
            workspace_id=lead.workspace_id,
            lead_id=lead.id,
            original_name=file.original_name,
            content_type=file.file_type.mime,
            size=file.size,
            sha256=file.sha256,
            storage_key=file.storage_key,
            uploaded_by_id=principal.actor_id if principal else None,
        )
        for file in files
    ]
    session.add_all(attachments)
    await session.flush()
    for attachment in attachments:
        leads.record_activity(
            session,
            lead,
            principal,
            ActivityKind.SYSTEM,
            body=f"Attached {attachment.original_name}",
            data={
                "event": "attachment_added",
                "attachment_id": str(attachment.id),
                "name": attachment.original_name,
                "size": attachment.size,
            },
        )
    return attachments


async def list_for_lead(
    session: AsyncSession, principal: Principal, lead_id: uuid.UUID, page: PageParams
) -> Page[Attachment]:
    lead = await leads.get(session, principal, lead_id)
    query = repository.attachments_of(principal.workspace).where(Attachment.lead_id == lead.id)
    return await paginate_by_id(session, query, Attachment.id, page, descending=True)


async def get(session: AsyncSession, principal: Principal, attachment_id: uuid.UUID) -> Attachment:
    attachment = await session.scalar(
        repository.attachments_of(principal.workspace).where(Attachment.id == attachment_id)
    )
    return found(attachment, "attachment")


async def remove(
    session: AsyncSession, principal: Principal, attachment_id: uuid.UUID, *, store: FileStore
) -> Attachment:
    attachment = await get(session, principal, attachment_id)
    lead = await leads.get(session, principal, attachment.lead_id)
    await session.delete(attachment)
    leads.record_activity(
        session,
        lead,
        principal,
        ActivityKind.SYSTEM,
        body=f"Removed {attachment.original_name}",
        data={"event": "attachment_removed", "name": attachment.original_name},
    )
    after_commit(session, partial(store.delete, attachment.storage_key))
    return attachment
