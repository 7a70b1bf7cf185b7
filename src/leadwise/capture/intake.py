"""Reading a public submission: JSON, a plain HTML form post, or multipart with files."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import orjson
from python_multipart.multipart import parse_options_header

from leadwise.attachments.uploads import ReceivedFile, UploadLimits, receive_multipart
from leadwise.core.errors import AppError, ValidationFailed
from leadwise.core.storage import FileStore

FieldValue = str | bool | int | float | None


class UnsupportedMediaType(AppError):
    status_code = 415
    code = "UNSUPPORTED_MEDIA_TYPE"
    message = (
        "Send the form as application/json, application/x-www-form-urlencoded "
        "or multipart/form-data."
    )


@dataclass
class Incoming:
    fields: dict[str, FieldValue] = field(default_factory=dict)
    files: list[ReceivedFile] = field(default_factory=list)
    # A browser's own form post (not a script): answered with a redirect when the form has one.
    from_html_form: bool = False


async def read_submission(
    content_type: str | None,
    body: AsyncIterator[bytes],
    *,
    store: FileStore,
    workspace_id: uuid.UUID,
    limits: UploadLimits,
) -> Incoming:
    media_type = parse_options_header(content_type or "")[0].decode("latin-1").lower()
    if media_type == "multipart/form-data":
        assert content_type is not None
        received = await receive_multipart(content_type, body, store, workspace_id, limits)
        return Incoming(
            {name: values[-1] for name, values in received.fields.items()},
            received.files,
            from_html_form=True,
        )
    raw = b"".join([chunk async for chunk in body])  # bounded by the body size limit
    if media_type == "application/x-www-form-urlencoded":
        try:
            pairs = parse_qsl(
                raw.decode("utf-8"),
                keep_blank_values=True,
                strict_parsing=False,
                max_num_fields=limits.max_fields,
            )
        except UnicodeDecodeError:
            raise ValidationFailed("The form data is not valid UTF-8.") from None
        except ValueError:
            raise _too_many_fields(limits) from None
        return Incoming(dict(pairs), from_html_form=True)
    if media_type == "application/json":
        return Incoming(_json_fields(raw, limits))
    raise UnsupportedMediaType(details={"content_type": media_type or None})


def _json_fields(raw: bytes, limits: UploadLimits) -> dict[str, FieldValue]:
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise ValidationFailed("The body is not valid JSON.") from None
    if not isinstance(document, dict):
        raise ValidationFailed("The body must be a JSON object of field values.")
    if len(document) > limits.max_fields:
        raise _too_many_fields(limits)
    for name, value in document.items():
        if not isinstance(value, str | bool | int | float | None):
            raise ValidationFailed(
                f"{name}: must be a string, number, boolean or null.", details={"field": name}
            )
    return document


def _too_many_fields(limits: UploadLimits) -> ValidationFailed:
    return ValidationFailed(
        f"At most {limits.max_fields} fields per submission.",
        details={"max_fields": limits.max_fields},
    )
