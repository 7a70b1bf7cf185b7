"""`/verify`: one address now, a lead's address (stored on the lead), and bulk jobs over a
list, leads or an uploaded file, whose results are downloaded when the job has succeeded."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import Depends, Query, Request, status
from fastapi.responses import StreamingResponse

from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.dependencies import FileStoreDep, SessionDep, SettingsDep
from leadwise.core.routing import binary_part, file_response, make_router, multipart_body
from leadwise.jobs.schemas import JobRead
from leadwise.verification import bulk, service
from leadwise.verification.schemas import (
    BulkVerifyRequest,
    LeadVerifyRequest,
    VerificationRead,
    VerifyRequest,
)

router = make_router(tags=["verification"])
RunVerification = Annotated[Principal, Depends(require(Permission.PROSPECT_RUN))]

FILE_UPLOAD = multipart_body(
    {
        "file": binary_part("CSV or TSV (any common encoding), XLSX, JSON or NDJSON"),
        "column": {"type": "string", "description": "The address column [default: found by name]"},
        "smtp": {"type": "boolean", "default": True},
    },
    ["file"],
)
RESULT_TYPES = {"ndjson": "application/x-ndjson", "csv": "text/csv"}


@router.post(
    "/verify",
    response_model=VerificationRead,
    summary="Verify one address now (syntax, lists, DNS, the mail servers; bounded in time)",
)
async def verify(
    body: VerifyRequest, principal: RunVerification, session: SessionDep, settings: SettingsDep
) -> object:
    return await service.verify_address(session, settings, body.email, smtp=body.smtp)


@router.post(
    "/leads/{lead_id}/verify",
    response_model=VerificationRead,
    summary="Verify a lead's address; the result is stored on the lead and in its timeline",
)
async def verify_lead(
    lead_id: uuid.UUID,
    principal: Annotated[Principal, Depends(require(Permission.LEADS_WRITE))],
    session: SessionDep,
    settings: SettingsDep,
    body: LeadVerifyRequest | None = None,
) -> object:
    smtp = True if body is None else body.smtp
    return await service.verify_lead(session, principal, settings, lead_id, smtp=smtp)


@router.post(
    "/verify/bulk",
    response_model=JobRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Verify many addresses or leads in the background (a job)",
)
async def verify_bulk(
    body: BulkVerifyRequest, principal: RunVerification, session: SessionDep
) -> object:
    return await bulk.start(session, principal, body)


@router.post(
    "/verify/bulk/file",
    response_model=JobRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Verify the addresses of an uploaded file in the background (a job)",
    openapi_extra=FILE_UPLOAD,
)
async def verify_bulk_file(
    request: Request,
    principal: RunVerification,
    session: SessionDep,
    store: FileStoreDep,
    settings: SettingsDep,
) -> object:
    return await bulk.start_from_upload(
        session,
        principal,
        content_type=request.headers.get("content-type"),
        body=request.stream(),
        store=store,
        settings=settings,
    )


@router.get(
    "/verify/bulk/{job_id}/results",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {media: {"schema": {"type": "string"}} for media in RESULT_TYPES.values()},
            "description": "One result per address (with its `row` or `lead_id`)",
        }
    },
    summary="Download the results of a finished bulk verification as NDJSON or CSV",
)
async def bulk_results(
    job_id: uuid.UUID,
    principal: RunVerification,
    session: SessionDep,
    store: FileStoreDep,
    file_format: Annotated[Literal["ndjson", "csv"], Query(alias="format")] = "ndjson",
) -> StreamingResponse:
    parts = await bulk.finished_parts(session, principal, job_id)
    return file_response(
        await bulk.results(store, parts, file_format),
        media_type=RESULT_TYPES[file_format],
        file_name=f"verification-{job_id}.{file_format}",
    )
