"""`/exports`: leads as CSV, XLSX, JSON, NDJSON or XML: streamed downloads, and jobs for
large sets whose file is downloaded when ready."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import Depends, Query, Request, status
from fastapi.responses import StreamingResponse

from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.db import Database
from leadwise.core.dependencies import FileStoreDep, SessionDep
from leadwise.core.routing import file_response, make_router
from leadwise.import_export import export
from leadwise.import_export.export_schemas import ExportCatalogue, ExportQuery, ExportRequest
from leadwise.jobs.schemas import JobRead

router = make_router(tags=["exports"])
ExportLeads = Annotated[Principal, Depends(require(Permission.LEADS_EXPORT))]


async def get_database(request: Request) -> Database:
    database: Database = request.app.state.db
    return database


DatabaseDep = Annotated[Database, Depends(get_database)]

FILE_EXAMPLES: dict[str, Any] = {
    "text/csv": {"example": "first_name,email,tags\r\nAda,ada@example.com,vip;webinar\r\n"},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
        "schema": {"type": "string", "format": "binary"}
    },
    "application/json": {
        "schema": {
            "type": "array",
            "items": {"type": "object"},
            "example": [{"first_name": "Ada", "email": "ada@example.com", "tags": ["vip"]}],
        }
    },
    "application/x-ndjson": {
        "example": '{"first_name":"Ada","email":"ada@example.com","tags":["vip"]}\n'
    },
    "application/xml": {
        "example": '<?xml version="1.0" encoding="UTF-8"?>\n<leads>\n  <lead><first_name>Ada'
        "</first_name><tags><tag>vip</tag></tags></lead>\n</leads>\n"
    },
}


@router.get(
    "/exports/leads",
    response_class=StreamingResponse,
    responses={200: {"content": FILE_EXAMPLES, "description": "The file, streamed"}},
    summary="Download leads as CSV, XLSX, JSON, NDJSON or XML (any filter of the leads list)",
)
async def export_leads(
    principal: ExportLeads,
    session: SessionDep,
    database: DatabaseDep,
    query: Annotated[ExportQuery, Query()],
) -> StreamingResponse:
    plan, body = await export.download(database, session, principal, query.to_request())
    return file_response(body, media_type=plan.media_type, file_name=plan.file_name)


@router.post(
    "/exports",
    response_model=JobRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Export leads in the background (large sets); download the file when it succeeded",
)
async def create_export(body: ExportRequest, principal: ExportLeads, session: SessionDep) -> object:
    return await export.start_job(session, principal, body)


@router.get(
    "/exports/fields",
    response_model=ExportCatalogue,
    summary="The fields an export can hold (custom fields included), the presets, the formats",
)
async def export_fields(principal: ExportLeads, session: SessionDep) -> object:
    return await export.describe(session, principal)


@router.get(
    "/exports/{job_id}/download",
    response_class=StreamingResponse,
    responses={200: {"content": FILE_EXAMPLES, "description": "The export job's file"}},
    summary="Download the file of a finished export job",
)
async def download_export(
    job_id: uuid.UUID, principal: ExportLeads, session: SessionDep, store: FileStoreDep
) -> StreamingResponse:
    file = await export.export_file(session, principal, job_id)
    return file_response(
        await export.stored_file(store, file),
        media_type=file.media_type,
        file_name=file.file_name,
        size=file.size,
    )
