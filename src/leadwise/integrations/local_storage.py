"""Attachments on the local disk (the default): `<storage dir>/<workspace>/<uuid>`."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import BinaryIO

import anyio.to_thread

from leadwise.core.storage import READ_CHUNK_BYTES, FileMissing, check_key


class LocalFileStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_of(self, key: str) -> Path:
        return self.root / check_key(key)

    async def open_writer(self, key: str) -> LocalFileWriter:
        final = self.path_of(key)
        # Written beside its final name and renamed on commit: a reader never sees half a file.
        partial = final.with_name(final.name + ".part")

        def open_partial() -> BinaryIO:
            final.parent.mkdir(parents=True, exist_ok=True)
            return partial.open("xb")

        handle = await anyio.to_thread.run_sync(open_partial)
        return LocalFileWriter(handle, partial, final)

    async def read(self, key: str) -> AsyncIterator[bytes]:
        path = self.path_of(key)
        try:
            handle = await anyio.to_thread.run_sync(path.open, "rb")
        except FileNotFoundError:
            raise FileMissing(key) from None
        try:
            while chunk := await anyio.to_thread.run_sync(handle.read, READ_CHUNK_BYTES):
                yield chunk
        finally:
            handle.close()

    async def delete(self, key: str) -> None:
        await anyio.to_thread.run_sync(lambda: self.path_of(key).unlink(missing_ok=True))

    async def close(self) -> None:
        pass


class LocalFileWriter:
    def __init__(self, handle: BinaryIO, partial: Path, final: Path) -> None:
        self._handle = handle
        self._partial = partial
        self._final = final

    async def write(self, data: bytes) -> None:
        await anyio.to_thread.run_sync(self._handle.write, data)

    async def commit(self) -> None:
        def finish() -> None:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._partial.rename(self._final)

        await anyio.to_thread.run_sync(finish)

    async def abort(self) -> None:
        def discard() -> None:
            self._handle.close()
            self._partial.unlink(missing_ok=True)

        await anyio.to_thread.run_sync(discard)
