"""What keeps a public form usable by people and useless to bots and other sites: the origin
check, the honeypot, and render tokens that prove when the form was shown (minimum fill time)."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping
from urllib.parse import urlsplit

from leadwise.core.errors import AppError, Forbidden
from leadwise.models import Form

RENDER_TOKEN_FIELD = "_rt"  # noqa: S105 - a field name
RENDER_TOKEN_MAX_AGE_SECONDS = 24 * 3600
CLOCK_SKEW_SECONDS = 5


class RenderTokenInvalid(AppError):
    status_code = 422
    code = "RENDER_TOKEN_INVALID"
    message = "The form has expired or was not loaded from this site; reload the page and retry."


class SubmittedTooFast(AppError):
    status_code = 422
    code = "SUBMITTED_TOO_FAST"
    message = "The form was sent too quickly after it was shown; wait a moment and retry."


def origin_of(origin: str | None, referer: str | None) -> str | None:
    """The page's origin: the Origin header, else the Referer's scheme, host and port."""
    for candidate in (origin, referer):
        if candidate and candidate != "null":
            parts = urlsplit(candidate)
            if parts.scheme and parts.hostname:
                port = f":{parts.port}" if parts.port else ""
                return f"{parts.scheme}://{parts.hostname}{port}"
    return None


class OriginNotAllowed(Forbidden):
    code = "ORIGIN_NOT_ALLOWED"
    message = "This form cannot be posted from this site."


def check_origin(form: Form, origin: str | None) -> None:
    if form.allowed_origins and origin not in form.allowed_origins:
        raise OriginNotAllowed(details={"origin": origin})


def is_bot(form: Form, fields: Mapping[str, object]) -> bool:
    """A filled honeypot: bots fill every field, people never see this one."""
    if not form.honeypot_field:
        return False
    value = fields.get(form.honeypot_field)
    return value not in (None, "", False)


def _signature(secret: str, public_id: str, issued: int) -> str:
    message = f"form-render:{public_id}:{issued}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:32]


def render_token(secret: str, public_id: str, now: float | None = None) -> str:
    issued = int(now if now is not None else time.time())
    return f"{issued}.{_signature(secret, public_id, issued)}"


def check_fill_time(secret: str, form: Form, token: object, now: float | None = None) -> None:
    """With a minimum fill time, the submission must carry a genuine, recent render token."""
    if form.min_fill_seconds <= 0:
        return
    now = now if now is not None else time.time()
    issued_text, _, signature = str(token or "").partition(".")
    if not issued_text.isdigit() or not hmac.compare_digest(
        signature, _signature(secret, form.public_id, int(issued_text))
    ):
        raise RenderTokenInvalid(details={"field": RENDER_TOKEN_FIELD})
    age = now - int(issued_text)
    if age < -CLOCK_SKEW_SECONDS or age > RENDER_TOKEN_MAX_AGE_SECONDS:
        raise RenderTokenInvalid(details={"field": RENDER_TOKEN_FIELD})
    if age < form.min_fill_seconds:
        raise SubmittedTooFast(details={"min_fill_seconds": form.min_fill_seconds})
