"""Streaming multipart: fields into memory (bounded), files straight into the file store.

Starlette's own form parser spools every file to a temporary file first; here each chunk of a
file part goes to storage as it arrives, hashed and counted on the way, with its type told by
its first bytes before anything is stored. A refused or broken upload leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from leadwise.core.errors import AppError, PayloadTooLarge, ValidationFailed
from leadwise.core.filetypes import SNIFF_BYTES, FileType, detect
from leadwise.core.storage import FileStore, StoredFileWriter, new_key

MAX_NAME_CHARS = 255
_UNSAFE_NAME_CHARS = re.compile(r'[\x00-\x1f\x7f"\\/:*?<>|]+')


class MalformedBody(AppError):
    status_code = 400
    code = "MALFORMED_BODY"
    message = "The request body is not valid multipart/form-data."


class UnsupportedFileType(AppError):
    status_code = 415
    code = "UNSUPPORTED_FILE_TYPE"
    message = "This kind of file is not accepted."


class FileTooLarge(PayloadTooLarge):
    code = "FILE_TOO_LARGE"


@dataclass(frozen=True, slots=True)
class UploadLimits:
    max_file_bytes: int
    max_files: int
    allowed_types: frozenset[str]
    max_fields: int = 100
    max_field_bytes: int = 64 * 1024


@dataclass(frozen=True, slots=True)
class ReceivedFile:
    field_name: str
    original_name: str
    file_type: FileType
    size: int
    sha256: str
    storage_key: str


@dataclass
class ReceivedForm:
    fields: dict[str, list[str]] = field(default_factory=dict)
    files: list[ReceivedFile] = field(default_factory=list)

    def value(self, name: str) -> str | None:
        values = self.fields.get(name)
        return values[-1] if values else None


def safe_file_name(raw: str) -> str:
    """A display name only: the last path segment, no control or path characters, NFC."""
    # Browsers escape these three in multipart names (WHATWG form encoding); undo, then clean.
    for escaped, character in (("%22", '"'), ("%0D", "\r"), ("%0A", "\n")):
        raw = raw.replace(escaped, character)
    name = unicodedata.normalize("NFC", raw).replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE_NAME_CHARS.sub("_", name).strip(" .")
    if len(name) > MAX_NAME_CHARS:
        _stem, dot, extension = name.rpartition(".")
        keep = extension if dot and len(extension) <= 16 else ""
        name = name[: MAX_NAME_CHARS - len(keep) - 1] + ("." + keep if keep else "")
    return name or "file"


def is_multipart(content_type: str | None) -> bool:
    return bool(content_type) and parse_options_header(content_type)[0] == b"multipart/form-data"


async def receive_multipart(
    content_type: str,
    stream: AsyncIterator[bytes],
    store: FileStore,
    workspace_id: uuid.UUID,
    limits: UploadLimits,
) -> ReceivedForm:
    """Parse the body; files land in `store` under new keys. On any error, nothing stays stored."""
    _, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if not boundary:
        raise MalformedBody("The multipart body has no boundary.")
    receiver = _Receiver(store, workspace_id, limits)
    try:
        await receiver.run(MultipartParser(boundary, receiver.callbacks()), stream)
    except BaseException:
        await receiver.discard()
        raise
    return receiver.form


async def discard(store: FileStore, keys: list[str]) -> None:
    for key in keys:
        await store.delete(key)


class _Part:
    def __init__(self, name: str, file_name: str | None) -> None:
        self.name = name
        self.file_name = file_name
        self.data = bytearray()  # a field's value, or a file's head until its type is known
        self.size = 0
        self.sha256 = hashlib.sha256()
        self.file_type: FileType | None = None
        self.storage_key: str | None = None
        self.writer: StoredFileWriter | None = None


class _Receiver:
    """Parser callbacks queue events; `run` acts on them between chunks, where it may await."""

    def __init__(self, store: FileStore, workspace_id: uuid.UUID, limits: UploadLimits) -> None:
        self.store = store
        self.workspace_id = workspace_id
        self.limits = limits
        self.form = ReceivedForm()
        self._events: list[tuple[str, Any]] = []
        self._header_name = bytearray()
        self._header_value = bytearray()
        self._disposition = b""
        self._part: _Part | None = None
        self._open: list[_Part] = []
        self._field_count = 0

    def callbacks(self) -> Any:
        return {
            "on_part_begin": self._on_part_begin,
            "on_header_field": lambda data, start, end: self._header_name.extend(data[start:end]),
            "on_header_value": lambda data, start, end: self._header_value.extend(data[start:end]),
            "on_header_end": self._on_header_end,
            "on_headers_finished": self._on_headers_finished,
            "on_part_data": lambda data, start, end: self._events.append(
                ("data", bytes(data[start:end]))
            ),
            "on_part_end": lambda: self._events.append(("end", None)),
        }

    def _on_part_begin(self) -> None:
        self._disposition = b""

    def _on_header_end(self) -> None:
        if bytes(self._header_name).lower() == b"content-disposition":
            self._disposition = bytes(self._header_value)
        self._header_name.clear()
        self._header_value.clear()

    def _on_headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        if b"name" not in options:
            raise MalformedBody("A multipart part has no field name.")
        name = options[b"name"].decode("utf-8", "replace")
        file_name = options.get(b"filename")
        self._events.append(
            ("begin", (name, None if file_name is None else file_name.decode("utf-8", "replace")))
        )

    async def run(self, parser: MultipartParser, stream: AsyncIterator[bytes]) -> None:
        try:
            async for chunk in stream:
                parser.write(chunk)
                await self._drain()
            parser.finalize()
        except FormParserError as error:
            raise MalformedBody() from error
        await self._drain()
        if self._part is not None:
            raise MalformedBody("The multipart body ended inside a part.")

    async def _drain(self) -> None:
        events, self._events = self._events, []
        for kind, value in events:
            if kind == "begin":
                self._begin(*value)
            elif kind == "data":
                await self._data(value)
            else:
                await self._end()

    def _begin(self, name: str, file_name: str | None) -> None:
        part = _Part(name, file_name)
        if file_name is not None and file_name != "":
            if len(self.form.files) + len(self._open) >= self.limits.max_files:
                raise ValidationFailed(
                    f"At most {self.limits.max_files} files per request."
                    if self.limits.max_files
                    else "Files are not accepted here.",
                    details={"field": name, "max_files": self.limits.max_files},
                )
        else:
            self._field_count += 1
            if self._field_count > self.limits.max_fields:
                raise ValidationFailed(
                    f"At most {self.limits.max_fields} fields per request.",
                    details={"max_fields": self.limits.max_fields},
                )
        self._part = part

    async def _data(self, data: bytes) -> None:
        part = self._part
        assert part is not None
        if part.file_name is None:
            if len(part.data) + len(data) > self.limits.max_field_bytes:
                raise ValidationFailed(
                    f"{part.name}: longer than {self.limits.max_field_bytes} bytes.",
                    details={"field": part.name},
                )
            part.data.extend(data)
            return
        if part.file_name == "":
            return  # a browser's empty file input: no file was chosen
        part.size += len(data)
        if part.size > self.limits.max_file_bytes:
            raise FileTooLarge(
                f"{part.file_name}: larger than {self.limits.max_file_bytes} bytes.",
                details={"field": part.name, "max_file_bytes": self.limits.max_file_bytes},
            )
        part.sha256.update(data)
        if part.writer is None:
            part.data.extend(data)
            if len(part.data) >= SNIFF_BYTES:
                await self._start_file(part)
        else:
            await part.writer.write(data)

    async def _start_file(self, part: _Part) -> None:
        """The head is known: check the type, then store the head and everything after it."""
        assert part.file_name is not None
        file_type = detect(bytes(part.data[:SNIFF_BYTES]))
        if file_type is None or file_type.name not in self.limits.allowed_types:
            raise UnsupportedFileType(
                f"{safe_file_name(part.file_name)}: "
                + (f"{file_type.name} files" if file_type else "this kind of file")
                + " cannot be uploaded.",
                details={
                    "field": part.name,
                    "detected_type": file_type.name if file_type else None,
                    "allowed_types": sorted(self.limits.allowed_types),
                },
            )
        part.file_type = file_type
        part.storage_key = new_key(self.workspace_id)
        part.writer = await self.store.open_writer(part.storage_key)
        self._open.append(part)
        await part.writer.write(bytes(part.data))
        part.data = bytearray()

    async def _end(self) -> None:
        part, self._part = self._part, None
        assert part is not None
        if part.file_name is None:
            try:
                value = part.data.decode("utf-8")
            except UnicodeDecodeError:
                raise ValidationFailed(
                    f"{part.name}: not valid UTF-8.", details={"field": part.name}
                ) from None
            self.form.fields.setdefault(part.name, []).append(value)
            return
        if part.file_name == "":
            return
        if part.size == 0:
            raise ValidationFailed(
                f"{safe_file_name(part.file_name)}: the file is empty.",
                details={"field": part.name},
            )
        if part.writer is None:
            await self._start_file(part)
        assert part.writer is not None
        assert part.file_type is not None
        assert part.storage_key is not None
        await part.writer.commit()
        self._open.remove(part)
        self.form.files.append(
            ReceivedFile(
                field_name=part.name,
                original_name=safe_file_name(part.file_name),
                file_type=part.file_type,
                size=part.size,
                sha256=part.sha256.hexdigest(),
                storage_key=part.storage_key,
            )
        )

    async def discard(self) -> None:
        for part in self._open:
            if part.writer is not None:
                await part.writer.abort()
        self._open.clear()
        await discard(self.store, [received.storage_key for received in self.form.files])
