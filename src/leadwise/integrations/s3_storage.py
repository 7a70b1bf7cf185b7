"""Attachments in S3-compatible storage (AWS S3, MinIO, Ceph, R2), through aiobotocore.

Streaming: bytes are buffered up to one multipart part (8 MiB, S3's minimum is 5 MiB) and
uploaded part by part, so memory stays bounded whatever the file size. A file smaller than one
part is sent with a single PUT when it is committed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from typing import Any

from aiobotocore.session import get_session
from botocore.exceptions import ClientError

from leadwise.config import StorageSettings
from leadwise.core.storage import READ_CHUNK_BYTES, FileMissing, check_key

PART_BYTES = 8 * 1024 * 1024


class S3FileStore:
    def __init__(self, settings: StorageSettings) -> None:
        assert settings.s3_bucket
        self.bucket = settings.s3_bucket
        self.prefix = settings.s3_prefix
        secret = settings.s3_secret_access_key
        self._client_options: dict[str, Any] = {
            "endpoint_url": settings.s3_endpoint_url,
            "region_name": settings.s3_region,
            "aws_access_key_id": settings.s3_access_key_id,
            "aws_secret_access_key": secret.get_secret_value() if secret else None,
        }
        self._exit_stack = AsyncExitStack()
        self._client: Any = None

    async def _s3(self) -> Any:
        # One client (and connection pool) per store, made on first use inside the event loop.
        if self._client is None:
            self._client = await self._exit_stack.enter_async_context(
                get_session().create_client("s3", **self._client_options)
            )
        return self._client

    def object_key(self, key: str) -> str:
        return f"{self.prefix}{check_key(key)}"

    async def open_writer(self, key: str) -> S3FileWriter:
        return S3FileWriter(await self._s3(), self.bucket, self.object_key(key))

    async def read(self, key: str) -> AsyncIterator[bytes]:
        s3 = await self._s3()
        try:
            response = await s3.get_object(Bucket=self.bucket, Key=self.object_key(key))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                raise FileMissing(key) from None
            raise
        async with response["Body"] as body:
            while chunk := await body.read(READ_CHUNK_BYTES):
                yield chunk

    async def delete(self, key: str) -> None:
        s3 = await self._s3()
        await s3.delete_object(Bucket=self.bucket, Key=self.object_key(key))

    async def close(self) -> None:
        await self._exit_stack.aclose()
        self._client = None


class S3FileWriter:
    def __init__(self, s3: Any, bucket: str, key: str) -> None:
        self._s3 = s3
        self._bucket = bucket
        self._key = key
        self._buffer = bytearray()
        self._upload_id: str | None = None
        self._parts: list[dict[str, Any]] = []

    async def write(self, data: bytes) -> None:
        self._buffer += data
        if len(self._buffer) >= PART_BYTES:
            await self._send_part(bytes(self._buffer[:PART_BYTES]))
            del self._buffer[:PART_BYTES]

    async def _send_part(self, data: bytes) -> None:
        if self._upload_id is None:
            created = await self._s3.create_multipart_upload(Bucket=self._bucket, Key=self._key)
            self._upload_id = created["UploadId"]
        number = len(self._parts) + 1
        sent = await self._s3.upload_part(
            Bucket=self._bucket,
            Key=self._key,
            UploadId=self._upload_id,
            PartNumber=number,
            Body=data,
        )
        self._parts.append({"PartNumber": number, "ETag": sent["ETag"]})

    async def commit(self) -> None:
        if self._upload_id is None:
            await self._s3.put_object(Bucket=self._bucket, Key=self._key, Body=bytes(self._buffer))
        else:
            if self._buffer:
                await self._send_part(bytes(self._buffer))
            await self._s3.complete_multipart_upload(
                Bucket=self._bucket,
                Key=self._key,
                UploadId=self._upload_id,
                MultipartUpload={"Parts": self._parts},
            )
        self._buffer.clear()

    async def abort(self) -> None:
        self._buffer.clear()
        if self._upload_id is not None:
            await self._s3.abort_multipart_upload(
                Bucket=self._bucket, Key=self._key, UploadId=self._upload_id
            )
