"""Application errors: each carries an HTTP status and a stable, documented error code.

Services raise these; `main.py` turns them (and FastAPI's own errors) into the error envelope.
"""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")


class AppError(Exception):
    status_code = 400
    code = "BAD_REQUEST"
    message = "The request could not be processed."

    def __init__(
        self,
        message: str | None = None,
        *,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        keep_changes: bool = False,
    ) -> None:
        self.message = message or self.message
        self.details = details or {}
        self.headers = headers or {}
        # Commit what the request wrote before refusing it (e.g. a failed sign-in counter).
        self.keep_changes = keep_changes
        super().__init__(self.message)


class ValidationFailed(AppError):
    status_code = 422
    code = "VALIDATION_ERROR"
    message = "The request is not valid."


class Unauthenticated(AppError):
    status_code = 401
    code = "UNAUTHENTICATED"
    message = "Authentication is required."

    def __init__(self, message: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"WWW-Authenticate": "Bearer"})
        super().__init__(message, **kwargs)


class InvalidCredentials(Unauthenticated):
    code = "INVALID_CREDENTIALS"
    message = "Incorrect email or password."


class InvalidToken(Unauthenticated):
    code = "INVALID_TOKEN"
    message = "The token is invalid, expired or revoked."


class Forbidden(AppError):
    status_code = 403
    code = "FORBIDDEN"
    message = "Your role does not allow this action."


class NotFound(AppError):
    status_code = 404
    code = "NOT_FOUND"
    message = "The resource does not exist."


def found(value: T | None, resource: str) -> T:
    """`value`, or 404 naming the kind of `resource` (also for ids of other workspaces)."""
    if value is None:
        raise NotFound(details={"resource": resource})
    return value


class Conflict(AppError):
    status_code = 409
    code = "CONFLICT"
    message = "The request conflicts with the current state."


class PayloadTooLarge(AppError):
    status_code = 413
    code = "PAYLOAD_TOO_LARGE"
    message = "The request body is too large."


class TooManyRequests(AppError):
    status_code = 429
    code = "RATE_LIMITED"
    message = "Too many requests; retry later."


class AccountLocked(TooManyRequests):
    code = "ACCOUNT_LOCKED"
    message = "Too many failed sign-ins; the account is locked for a while."


class ServiceUnavailable(AppError):
    status_code = 503
    code = "SERVICE_UNAVAILABLE"
    message = "A service this request needs is unavailable."
