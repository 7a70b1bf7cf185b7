"""The S3 adapter against a local S3-speaking server (moto's, on loopback): the same contract
as the local disk store, multipart uploads for big files, and the API on top of it."""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from aiobotocore.session import get_session

from leadwise.config import StorageSettings
from leadwise.core.storage import FileMissing, new_key
from leadwise.integrations import s3_storage
from leadwise.integrations.s3_storage import S3FileStore
from leadwise.main import create_app
from tests.attachments import files
from tests.conftest import _clear_caches, _truncate, setup_owner

BUCKET = "leadwise-test"


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def storage_settings(endpoint: str) -> StorageSettings:
    return StorageSettings(
        backend="s3",
        s3_bucket=BUCKET,
        s3_prefix="attachments/",
        s3_endpoint_url=endpoint,
        s3_region="eu-west-1",
        s3_access_key_id="test",
        s3_secret_access_key="test",  # type: ignore[arg-type]
    )


@pytest.fixture
async def store(s3_endpoint: str) -> AsyncIterator[S3FileStore]:
    async with get_session().create_client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="eu-west-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    ) as s3:
        with contextlib.suppress(s3.exceptions.BucketAlreadyOwnedByYou):
            await s3.create_bucket(
                Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
            )
    file_store = S3FileStore(storage_settings(s3_endpoint))
    yield file_store
    await file_store.close()


async def read_all(file_store: S3FileStore, key: str) -> bytes:
    return b"".join([chunk async for chunk in file_store.read(key)])


async def test_small_file_round_trip_and_delete(store: S3FileStore):
    key = new_key(uuid.uuid4())
    writer = await store.open_writer(key)
    await writer.write(b"hello ")
    await writer.write(b"world")
    with pytest.raises(FileMissing):
        await read_all(store, key)  # invisible until committed
    await writer.commit()
    assert await read_all(store, key) == b"hello world"
    await store.delete(key)
    with pytest.raises(FileMissing):
        await read_all(store, key)
    await store.delete(key)  # deleting twice is fine (deletes are retried)


async def test_big_file_goes_up_in_parts(store: S3FileStore, monkeypatch):
    sent_parts = []
    monkeypatch.setattr(s3_storage, "PART_BYTES", 5 * 1024 * 1024)  # S3's minimum part
    original = s3_storage.S3FileWriter._send_part

    async def counting(self, data: bytes) -> None:
        sent_parts.append(len(data))
        await original(self, data)

    monkeypatch.setattr(s3_storage.S3FileWriter, "_send_part", counting)
    key = new_key(uuid.uuid4())
    payload = os.urandom(12 * 1024 * 1024)
    writer = await store.open_writer(key)
    for start in range(0, len(payload), 64 * 1024):
        await writer.write(payload[start : start + 64 * 1024])
    await writer.commit()
    assert sent_parts == [5 * 1024 * 1024, 5 * 1024 * 1024, 2 * 1024 * 1024]
    stored = await read_all(store, key)
    assert hashlib.sha256(stored).digest() == hashlib.sha256(payload).digest()


async def test_aborted_upload_leaves_nothing(store: S3FileStore, monkeypatch):
    monkeypatch.setattr(s3_storage, "PART_BYTES", 5 * 1024 * 1024)
    key = new_key(uuid.uuid4())
    writer = await store.open_writer(key)
    await writer.write(os.urandom(6 * 1024 * 1024))  # one part already sent
    await writer.abort()
    with pytest.raises(FileMissing):
        await read_all(store, key)
    s3 = await store._s3()
    uploads = await s3.list_multipart_uploads(Bucket=BUCKET)
    assert [u for u in uploads.get("Uploads", []) if u["Key"] == store.object_key(key)] == []


async def test_the_api_stores_attachments_in_s3(test_env, monkeypatch, store: S3FileStore):
    settings = storage_settings(store._client_options["endpoint_url"])
    for name in ("backend", "s3_bucket", "s3_prefix", "s3_endpoint_url", "s3_region"):
        monkeypatch.setenv(f"LEADWISE_STORAGE__{name.upper()}", str(getattr(settings, name)))
    monkeypatch.setenv("LEADWISE_STORAGE__S3_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("LEADWISE_STORAGE__S3_SECRET_ACCESS_KEY", "test")
    _clear_caches()
    await _truncate(test_env.values["LEADWISE_DATABASE_URL"])
    app = create_app()
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            owner = await setup_owner(client)
            lead = await client.post(
                "/api/v1/leads", json={"first_name": "Sam"}, headers=owner.headers
            )
            cv = files.pdf(300_000)
            uploaded = await client.post(
                f"/api/v1/leads/{lead.json()['data']['id']}/attachments",
                files={"file": ("cv.pdf", cv, "application/pdf")},
                headers=owner.headers,
            )
            assert uploaded.status_code == 201, uploaded.text
            attachment_id = uploaded.json()["data"][0]["id"]
            download = await client.get(
                f"/api/v1/attachments/{attachment_id}/download", headers=owner.headers
            )
            assert download.status_code == 200
            assert download.content == cv
    s3 = await store._s3()
    listed = await s3.list_objects_v2(
        Bucket=BUCKET, Prefix=f"attachments/{owner.workspace_id.hex}/"
    )
    assert [o["Size"] for o in listed["Contents"]] == [len(cv)]
