"""Where attachment bytes live: a small interface, local disk or S3-compatible storage behind it.

Keys are made here (`new_key`), never from a client's file name, so nothing a client sends
ever becomes part of a path.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from typing import Protocol

from leadwise.core.ids import uuid7

READ_CHUNK_BYTES = 64 * 1024
KEY_PATTERN = re.compile(r"^[0-9a-f]{32}/[0-9a-f]{32}$")


class StoredFileWriter(Protocol):
    """One file being written; invisible under its key until `commit`."""

    async def write(self, data: bytes) -> None: ...

    async def commit(self) -> None: ...

    async def abort(self) -> None: ...


class FileStore(Protocol):
    async def open_writer(self, key: str) -> StoredFileWriter: ...

    def read(self, key: str) -> AsyncIterator[bytes]:
        """The file's bytes in chunks; `FileMissing` if there is no such file."""
        ...

    async def delete(self, key: str) -> None:
        """Remove the file; a missing file is not an error (deletes are retried)."""
        ...

    async def close(self) -> None: ...


class FileMissing(Exception):
    pass


def new_key(workspace_id: uuid.UUID) -> str:
    """`<workspace>/<uuid7>`: by workspace, so that a workspace's files can be erased together."""
    return f"{workspace_id.hex}/{uuid7().hex}"


def check_key(key: str) -> str:
    if not KEY_PATTERN.fullmatch(key):
        raise ValueError(f"not a storage key: {key!r}")
    return key
