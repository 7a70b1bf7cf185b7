"""`/imports` and `/import-presets`: upload a file, map its columns, preview, run as a job,
follow it, cancel, download the error report, revert."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request, status
from fastapi.responses import StreamingResponse

from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.dependencies import (
    DatabaseDep,
    FileStoreDep,
    SessionDep,
    SettingsDep,
    read_only,
)
from leadwise.core.pagination import PageDep
from leadwise.core.routing import binary_part, file_response, make_router, multipart_body
from leadwise.core.schemas import Page
from leadwise.import_export import import_service as service
from leadwise.import_export.import_schemas import (
    ImportErrorRead,
    ImportPreview,
    ImportRead,
    ImportStart,
    ImportUploaded,
    PresetRead,
    PresetWrite,
    PreviewRead,
)

router = make_router(tags=["imports"])
ImportLeads = Annotated[Principal, Depends(require(Permission.LEADS_IMPORT))]

FILE_UPLOAD = multipart_body(
    {"file": binary_part("CSV or TSV (any common encoding), XLSX, JSON or NDJSON")}, ["file"]
)


@router.post(
    "/imports",
    response_model=ImportUploaded,
    status_code=status.HTTP_201_CREATED,
    summary="Upload a file to import: answers its columns, suggested mapping and first rows",
    openapi_extra=FILE_UPLOAD,
)
async def upload_import(
    request: Request,
    principal: ImportLeads,
    session: SessionDep,
    store: FileStoreDep,
    settings: SettingsDep,
) -> object:
    uploaded = await service.upload(
        session,
        principal,
        content_type=request.headers.get("content-type"),
        body=request.stream(),
        store=store,
        settings=settings,
    )
    [described] = await service.describe(session, [uploaded.run])
    return {
        **described,
        "suggestions": [
            {"column": s.column, "target": s.target, "reason": s.reason}
            for s in uploaded.suggestions
        ],
        "sample": uploaded.sample,
    }


@router.get("/imports", response_model=Page[ImportRead], summary="Imports, newest first")
@read_only
async def list_imports(principal: ImportLeads, session: SessionDep, page: PageDep) -> object:
    runs = await service.list_imports(session, principal, page)
    return Page(
        items=await service.describe(session, list(runs.items)),
        next_cursor=runs.next_cursor,
        limit=runs.limit,
    )


@router.get("/imports/{import_id}", response_model=ImportRead, summary="An import and its progress")
@read_only
async def get_import(import_id: uuid.UUID, principal: ImportLeads, session: SessionDep) -> object:
    [described] = await service.describe(
        session, [await service.get(session, principal, import_id)]
    )
    return described


@router.post(
    "/imports/{import_id}/preview",
    response_model=PreviewRead,
    summary="The first rows as the import would treat them (nothing is written)",
)
@read_only
async def preview_import(
    import_id: uuid.UUID,
    body: ImportPreview,
    principal: ImportLeads,
    session: SessionDep,
    store: FileStoreDep,
) -> object:
    return await service.preview(session, principal, import_id, body, store)


@router.post(
    "/imports/{import_id}/start",
    response_model=ImportRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Run the import as a job (follow it with GET /imports/{id})",
)
async def start_import(
    import_id: uuid.UUID, body: ImportStart, principal: ImportLeads, session: SessionDep
) -> object:
    run = await service.start(session, principal, import_id, body)
    [described] = await service.describe(session, [run])
    return described


@router.post(
    "/imports/{import_id}/cancel", response_model=ImportRead, summary="Stop a running import"
)
async def cancel_import(
    import_id: uuid.UUID, principal: ImportLeads, session: SessionDep
) -> object:
    run = await service.cancel(session, principal, import_id)
    [described] = await service.describe(session, [run])
    return described


@router.post(
    "/imports/{import_id}/revert",
    response_model=ImportRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Remove the leads the import created and restore those it updated (a job)",
)
async def revert_import(
    import_id: uuid.UUID, principal: ImportLeads, session: SessionDep
) -> object:
    run = await service.revert(session, principal, import_id)
    [described] = await service.describe(session, [run])
    return described


@router.get(
    "/imports/{import_id}/errors",
    response_model=Page[ImportErrorRead],
    summary="Problems with rows and cells, in row order",
)
@read_only
async def import_errors(
    import_id: uuid.UUID, principal: ImportLeads, session: SessionDep, page: PageDep
) -> object:
    return await service.errors(session, principal, import_id, page)


@router.get(
    "/imports/{import_id}/errors.csv",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"text/csv": {"example": "row,column,value,reason,row_imported\r\n"}},
            "description": "The error report",
        }
    },
    summary="The error report as CSV (row, column, value, reason, row_imported)",
)
async def import_error_report(
    import_id: uuid.UUID, principal: ImportLeads, session: SessionDep, db: DatabaseDep
) -> StreamingResponse:
    run, lines = await service.error_report(session, db, principal, import_id)
    name = f"errors-{run.file_name.rsplit('.', 1)[0]}.csv"
    return file_response(lines, media_type="text/csv; charset=utf-8", file_name=name)


@router.get("/import-presets", response_model=list[PresetRead], summary="Saved mappings")
@read_only
async def list_presets(principal: ImportLeads, session: SessionDep) -> object:
    return await service.list_presets(session, principal)


@router.post("/import-presets", response_model=PresetRead, status_code=status.HTTP_201_CREATED)
async def create_preset(body: PresetWrite, principal: ImportLeads, session: SessionDep) -> object:
    return await service.save_preset(session, principal, body)


@router.put("/import-presets/{preset_id}", response_model=PresetRead)
async def update_preset(
    preset_id: uuid.UUID, body: PresetWrite, principal: ImportLeads, session: SessionDep
) -> object:
    return await service.save_preset(session, principal, body, preset_id)


@router.delete("/import-presets/{preset_id}", response_model=PresetRead)
async def delete_preset(
    preset_id: uuid.UUID, principal: ImportLeads, session: SessionDep
) -> object:
    return await service.delete_preset(session, principal, preset_id)
