"""Cookie mode of the sign-in endpoints, for the web app.

A browser asks for it with the header `X-Session-Mode: cookie`: the refresh token then travels
only in an httpOnly, SameSite=Strict cookie scoped to `/api/v1/auth`, out of reach of scripts,
and the JSON answer carries `refresh_token: null`. Refreshing in cookie mode needs the same
header, which a cross-site form cannot send, on top of SameSite. Without the header everything
works as before (the refresh token in JSON).
"""

from __future__ import annotations

from datetime import datetime

from fastapi import Request, Response

from leadwise.config import Environment, Settings
from leadwise.core.clock import utcnow

MODE_HEADER = "X-Session-Mode"
COOKIE_MODE = "cookie"
REFRESH_COOKIE = "leadwise_refresh"
COOKIE_PATH = "/api/v1/auth"


def wants_cookie(request: Request) -> bool:
    return request.headers.get(MODE_HEADER, "").strip().lower() == COOKIE_MODE


def _secure(request: Request, settings: Settings) -> bool:
    # Plain http only in development (http://127.0.0.1); anywhere else the cookie needs TLS.
    return request.url.scheme == "https" or settings.env is not Environment.DEVELOPMENT


def set_refresh_cookie(
    response: Response,
    request: Request,
    settings: Settings,
    *,
    token: str,
    expires_at: datetime,
) -> None:
    response.set_cookie(
        REFRESH_COOKIE,
        token,
        max_age=max(int((expires_at - utcnow()).total_seconds()), 0),
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=_secure(request, settings),
    )


def clear_refresh_cookie(response: Response, request: Request, settings: Settings) -> None:
    response.delete_cookie(
        REFRESH_COOKIE,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=_secure(request, settings),
    )


def refresh_cookie(request: Request) -> str | None:
    return request.cookies.get(REFRESH_COOKIE)
