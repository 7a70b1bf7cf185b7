"""Settings' outgoing email: its status, and a test email sent at once."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from leadwise.auth.dependencies import require_in_path
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.core.dependencies import SessionDep, SettingsDep
from leadwise.core.routing import make_router
from leadwise.integrations.smtp import SmtpMailer
from leadwise.notifications import service
from leadwise.notifications.mailer import Mailer
from leadwise.notifications.schemas import SmtpStatusRead, TestEmailRead, TestEmailRequest

router = make_router(tags=["email"])
ManageSettings = Annotated[Principal, Depends(require_in_path(Permission.SETTINGS_MANAGE))]


def get_mailer(settings: SettingsDep) -> Mailer | None:
    """The mailer of the notification jobs; None without an SMTP server."""
    return SmtpMailer(settings.smtp) if settings.smtp.host else None


MailerDep = Annotated[Mailer | None, Depends(get_mailer)]


@router.get(
    "/workspaces/{workspace_id}/email",
    response_model=SmtpStatusRead,
    summary="Whether outgoing email is set up: server, security and the workspace's sender",
)
async def email_status(
    principal: ManageSettings, session: SessionDep, settings: SettingsDep
) -> object:
    return await service.smtp_status(session, principal, settings)


@router.post(
    "/workspaces/{workspace_id}/email/test",
    response_model=TestEmailRead,
    summary="Send a test email now (502/504 with the server's answer when it fails)",
    responses={
        409: {"description": "SMTP_NOT_CONFIGURED: no SMTP server is set"},
        429: {"description": "RATE_LIMITED: too many test emails from this workspace"},
        502: {"description": "SMTP_REFUSED, SMTP_UNREACHABLE or SMTP_ERROR"},
        504: {"description": "SMTP_TIMEOUT: the server did not answer in time"},
    },
)
async def send_test_email(
    body: TestEmailRequest,
    request: Request,
    principal: ManageSettings,
    session: SessionDep,
    settings: SettingsDep,
    mailer: MailerDep,
) -> object:
    return await service.send_test_email(
        session,
        principal,
        settings,
        mailer,
        request.app.state.rate_limiter,
        to=str(body.to),
    )
