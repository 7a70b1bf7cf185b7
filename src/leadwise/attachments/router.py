"""Attachments: upload to a lead (streamed), list, download (authorised stream), remove."""

from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Query, Request, status
from fastapi.responses import StreamingResponse

from leadwise.attachments import service
from leadwise.attachments.schemas import AttachmentRead
from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.dependencies import FileStoreDep, SessionDep, SettingsDep, read_only
from leadwise.core.pagination import PageDep
from leadwise.core.routing import binary_part, make_router, multipart_body
from leadwise.core.schemas import Page

router = make_router(tags=["attachments"])
ReadLeads = Annotated[Principal, Depends(require(Permission.LEADS_READ))]
WriteLeads = Annotated[Principal, Depends(require(Permission.LEADS_WRITE))]

# Types a browser may show inline (the web app's preview); everything else is a download.
PREVIEWABLE = {"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"}
MULTIPART_UPLOAD = multipart_body(
    {"file": binary_part("One or more files (repeat the field)", repeated=True)}, ["file"]
)


@router.get("/leads/{lead_id}/attachments", response_model=Page[AttachmentRead])
@read_only
async def list_attachments(
    lead_id: uuid.UUID, principal: ReadLeads, session: SessionDep, page: PageDep
) -> object:
    return await service.list_for_lead(session, principal, lead_id, page)


@router.post(
    "/leads/{lead_id}/attachments",
    response_model=list[AttachmentRead],
    status_code=status.HTTP_201_CREATED,
    summary="Upload files to a lead (multipart, streamed; type checked by content)",
    openapi_extra=MULTIPART_UPLOAD,
)
async def upload_attachments(
    lead_id: uuid.UUID,
    request: Request,
    principal: WriteLeads,
    session: SessionDep,
    store: FileStoreDep,
    settings: SettingsDep,
) -> object:
    return await service.upload(
        session,
        principal,
        lead_id,
        content_type=request.headers.get("content-type"),
        body=request.stream(),
        store=store,
        settings=settings,
    )


@router.get(
    "/attachments/{attachment_id}/download",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/octet-stream": {}}, "description": "The file"}},
    summary="Download an attachment (`inline=true` shows PDFs and images in the browser)",
)
async def download_attachment(
    attachment_id: uuid.UUID,
    principal: ReadLeads,
    session: SessionDep,
    store: FileStoreDep,
    inline: Annotated[bool, Query(description="Display instead of download")] = False,
) -> StreamingResponse:
    attachment = await service.get(session, principal, attachment_id)
    disposition = "inline" if inline and attachment.content_type in PREVIEWABLE else "attachment"
    return StreamingResponse(
        store.read(attachment.storage_key),
        media_type=attachment.content_type,
        headers={
            "Content-Length": str(attachment.size),
            "Content-Disposition": f"{disposition}; filename*=UTF-8''"
            + quote(attachment.original_name, safe=""),
            "ETag": f'"{attachment.sha256}"',
            "Cache-Control": "private, no-cache",
            "X-Content-Type-Options": "nosniff",
            # Even a file shown inline runs no script and reaches nothing.
            "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'",
        },
    )


@router.delete("/attachments/{attachment_id}", response_model=AttachmentRead)
async def delete_attachment(
    attachment_id: uuid.UUID, principal: WriteLeads, session: SessionDep, store: FileStoreDep
) -> object:
    return await service.remove(session, principal, attachment_id, store=store)
