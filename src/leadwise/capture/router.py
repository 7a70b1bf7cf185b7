"""`/forms` (workspace settings) and the public capture endpoints under `/public`."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import Body, Depends, Header, Request, Response, status
from fastapi.responses import RedirectResponse

from leadwise.auth.dependencies import require
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.capture import guards, service
from leadwise.capture.intake import FieldValue
from leadwise.capture.schemas import (
    FormCreate,
    FormRead,
    FormUpdate,
    PublicFormRead,
    PublicLeadRead,
    SubmitResult,
)
from leadwise.core.dependencies import FileStoreDep, SessionDep, SettingsDep
from leadwise.core.pagination import PageDep
from leadwise.core.ratelimit import client_ip, rate_limited
from leadwise.core.routing import make_router
from leadwise.core.schemas import Page

router = make_router(tags=["forms"])
public_router = make_router(tags=["public capture"], dependencies=[Depends(rate_limited("public"))])
ReadForms = Annotated[Principal, Depends(require(Permission.WORKSPACE_READ))]
ManageForms = Annotated[Principal, Depends(require(Permission.SETTINGS_MANAGE))]

SUBMIT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"type": "object", "additionalProperties": True},
                "example": {
                    "first_name": "Ada",
                    "last_name": "Lovelace",
                    "email": "ada@analytical-engines.co.uk",
                    "message": "We need 40 seats from January.",
                    "utm_source": "newsletter",
                    "_rt": "1795340000.4f1c0e6a9b2d7c3e8f5a1b0c2d3e4f5a",
                },
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "email": {"type": "string"},
                        "file": {"type": "string", "format": "binary"},
                    },
                    "additionalProperties": True,
                },
                "example": {"email": "ada@analytical-engines.co.uk", "file": "(cv.pdf)"},
            },
            "application/x-www-form-urlencoded": {
                "schema": {"type": "object", "additionalProperties": True},
                "example": {"email": "ada@analytical-engines.co.uk", "first_name": "Ada"},
            },
        },
    }
}


@router.get("/forms", response_model=Page[FormRead])
async def list_forms(principal: ReadForms, session: SessionDep, page: PageDep) -> object:
    return await service.list_forms(session, principal, page)


@router.post("/forms", response_model=FormRead, status_code=status.HTTP_201_CREATED)
async def create_form(body: FormCreate, principal: ManageForms, session: SessionDep) -> object:
    return await service.create_form(session, principal, body)


@router.get("/forms/{form_id}", response_model=FormRead)
async def read_form(form_id: uuid.UUID, principal: ReadForms, session: SessionDep) -> object:
    return await service.get_form(session, principal, form_id)


@router.patch("/forms/{form_id}", response_model=FormRead)
async def update_form(
    form_id: uuid.UUID, body: FormUpdate, principal: ManageForms, session: SessionDep
) -> object:
    return await service.update_form(session, principal, form_id, body)


@router.delete("/forms/{form_id}", response_model=FormRead, summary="Delete a form (leads stay)")
async def delete_form(form_id: uuid.UUID, principal: ManageForms, session: SessionDep) -> object:
    return await service.delete_form(session, principal, form_id)


@public_router.get(
    "/public/forms/{public_id}",
    response_model=PublicFormRead,
    summary="What a page needs to show the form, with a fresh render token",
)
async def public_form(public_id: str, session: SessionDep, settings: SettingsDep) -> object:
    return await service.public_form(session, settings, public_id)


@public_router.post(
    "/public/forms/{public_id}/submit",
    response_model=SubmitResult,
    status_code=status.HTTP_201_CREATED,
    summary="Submit a form: JSON, a plain HTML form post, or multipart with files",
    description=(
        "Creates one lead. A repeat with the same `Idempotency-Key` (within 24 hours) answers "
        "with the same lead (header `Idempotent-Replayed: true`) and a fresh edit token. "
        "A plain HTML form post to a form with a `redirect_url` is answered with 303."
    ),
    openapi_extra=SUBMIT_BODY,
    responses={303: {"description": "A browser's form post: on to the form's redirect URL"}},
)
async def submit_form(
    public_id: str,
    request: Request,
    response: Response,
    session: SessionDep,
    store: FileStoreDep,
    settings: SettingsDep,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
) -> object:
    facts = service.RequestFacts(
        content_type=request.headers.get("content-type"),
        origin=guards.origin_of(request.headers.get("origin"), request.headers.get("referer")),
        client_ip=client_ip(request),
        user_agent=request.headers.get("user-agent"),
        idempotency_key=idempotency_key,
    )
    submitted = await service.submit(
        session,
        public_id,
        request.stream(),
        facts,
        store=store,
        settings=settings,
        limiter=request.app.state.rate_limiter,
    )
    if submitted.from_html_form and submitted.redirect_url and _wants_html(request):
        return RedirectResponse(submitted.redirect_url, status_code=status.HTTP_303_SEE_OTHER)
    result = SubmitResult(
        lead_id=submitted.lead_id,
        edit_token=submitted.edit_token,
        edit_token_expires_at=submitted.edit_token_expires_at,
        redirect_url=submitted.redirect_url,
    )
    if submitted.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return result


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


@public_router.put(
    "/public/leads/{lead_id}",
    response_model=PublicLeadRead,
    summary="Correct a form submission (the edit token from the submit in `X-Edit-Token`)",
)
async def edit_submission(
    lead_id: uuid.UUID,
    session: SessionDep,
    settings: SettingsDep,
    values: Annotated[
        dict[str, FieldValue],
        Body(examples=[{"phone": "+44 20 7946 0958", "company_name": "Analytical Engines"}]),
    ],
    edit_token: Annotated[str | None, Header(alias="X-Edit-Token")] = None,
) -> object:
    return await service.edit_submission(session, lead_id, edit_token, values, settings=settings)
