"""What jobs do to leads reaches the event stream: an import started through the API announces
its committed chunks as `leads.changed` (a few a second at most), a chunk that rolled back
announces nothing, and a job worker in another process without Redis reaches the API's
streams through the local relay."""

from __future__ import annotations

import contextlib
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from leadwise.config import get_settings
from leadwise.core import live
from leadwise.core.db import Database
from leadwise.core.live import JobFeed, RelayHub, relay_directory
from leadwise.jobs import runner
from leadwise.models import ImportRun
from tests.conftest import Account
from tests.import_export.test_imports import IMPORTS, start, uploaded
from tests.live.test_events import Stream, open_stream

CHUNK = 10


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEADWISE_IMPORTS__CHUNK_ROWS", str(CHUNK))
    get_settings.cache_clear()


def csv_of(rows: int, prefix: str = "p") -> bytes:
    lines = ["email,first_name"] + [f"{prefix}{i}@x.example,P{i}" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


async def job_of(db: Database, import_id: str) -> uuid.UUID:
    async with db.sessionmaker() as session:
        job_id = await session.scalar(
            select(ImportRun.job_id).where(ImportRun.id == uuid.UUID(import_id))
        )
    assert job_id is not None
    return job_id


async def changed_until(stream: Stream, total: int) -> list[dict[str, Any]]:
    """The `leads.changed` events until their counts add up to `total`."""
    seen: list[dict[str, Any]] = []
    while sum(event["count"] for event in seen) < total:
        seen.append((await stream.next_named("leads.changed")).data)
    return seen


async def test_an_import_started_through_the_api_announces_its_chunks(
    client, db: Database, owner: Account, served, small_chunks, monkeypatch
):
    monkeypatch.setattr(live, "JOB_EVENT_INTERVAL", 3600.0)  # one event, then one at the end
    body = await uploaded(client, owner, csv_of(25))
    async with open_stream(served, owner.headers) as stream:
        await start(client, owner, body["id"])
        outcome = await runner.run_job(db, get_settings(), await job_of(db, body["id"]))
        assert outcome.status == "succeeded"
        first, last = await changed_until(stream, 25)
        await stream.nothing_within(0.5)
    # The first chunk as it committed; the two after it, held back, when the job ended.
    assert first == {"type": "leads.changed", "count": CHUNK, "actor_user_id": None}
    assert last == {"type": "leads.changed", "count": 15, "actor_user_id": None}


async def test_a_revert_announces_its_batches(
    client, db: Database, owner: Account, served, small_chunks
):
    body = await uploaded(client, owner, csv_of(5))
    await start(client, owner, body["id"])
    assert (await runner.run_job(db, get_settings(), await job_of(db, body["id"]))).status == (
        "succeeded"
    )
    async with open_stream(served, owner.headers) as stream:
        reverting = await client.post(f"{IMPORTS}/{body['id']}/revert", headers=owner.headers)
        assert reverting.status_code == 202, reverting.text
        job_id = uuid.UUID(reverting.json()["data"]["revert_job_id"])
        assert (await runner.run_job(db, get_settings(), job_id)).status == "succeeded"
        assert await changed_until(stream, 5) == [
            {"type": "leads.changed", "count": 5, "actor_user_id": None}
        ]
        await stream.nothing_within(0.5)


async def test_a_chunk_that_rolls_back_announces_nothing(
    client, db: Database, owner: Account, served, small_chunks, monkeypatch
):
    from leadwise.import_export import import_job

    class Killed(BaseException):
        """Like SIGKILL for the transaction: nothing of the current chunk commits."""

    real_write = import_job.write_chunk
    calls = 0

    async def dying_write(*args: Any, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        await real_write(*args, **kwargs)  # the chunk's rows are written, then it fails
        if calls == 2:
            raise Killed()

    monkeypatch.setattr(import_job, "write_chunk", dying_write)
    monkeypatch.setattr(live, "JOB_EVENT_INTERVAL", 3600.0)  # the second would be held back
    body = await uploaded(client, owner, csv_of(25))
    async with open_stream(served, owner.headers) as stream:
        await start(client, owner, body["id"])
        with contextlib.suppress(Killed):
            await runner.run_job(db, get_settings(), await job_of(db, body["id"]))
        assert calls == 2
        first = await stream.next_named("leads.changed")
        assert first.data["count"] == CHUNK
        await stream.nothing_within(0.7)  # neither the second chunk nor a final event


async def test_a_worker_process_without_redis_reaches_the_api_through_the_relay(
    app, client, owner: Account, served, small_chunks, test_env, tmp_path: Path
):
    """The embedded worker of `leadwise serve` is a process of its own: its jobs publish to the
    relay sockets of the API processes, here the app's, as a worker process would."""
    settings = get_settings()
    assert settings.redis_url is None
    assert list(relay_directory(settings.data_dir).glob("*.sock")), "the app listens"
    worker = Database(settings, live=RelayHub(relay_directory(settings.data_dir)))
    try:
        body = await uploaded(client, owner, csv_of(3))
        async with open_stream(served, owner.headers) as stream:
            await start(client, owner, body["id"])
            job_id = await job_of(worker, body["id"])
            assert (await runner.run_job(worker, settings, job_id)).status == "succeeded"
            event = await stream.next_named("leads.changed")
            assert event.data == {"type": "leads.changed", "count": 3, "actor_user_id": None}
            assert event.id
    finally:
        assert worker.live is not None
        await worker.live.close()
        await worker.dispose()


class Recorder:
    def __init__(self) -> None:
        self.sent: list[tuple[uuid.UUID, str, dict[str, Any]]] = []

    async def publish(self, workspace_id: uuid.UUID, type_: str, data: dict[str, Any]) -> None:
        self.sent.append((workspace_id, type_, data))


async def test_a_job_sends_at_most_one_event_a_second_per_workspace_and_the_rest_at_the_end():
    now = [100.0]
    hub = Recorder()
    feed = JobFeed(hub, interval=1.0, clock=lambda: now[0])
    a, b = uuid.uuid4(), uuid.uuid4()
    moved = {"lead_id": "x", "stage_id": "s"}
    await feed.publish(a, "lead.moved", moved)  # the first goes as it is
    await feed.publish(b, "leads.changed", {"count": 7})  # another workspace: its own second
    for _ in range(1000):  # a burst of chunks within the second: held back
        await feed.publish(a, "leads.changed", {"count": 10})
    assert hub.sent == [(a, "lead.moved", moved), (b, "leads.changed", {"count": 7})]
    now[0] += 1.0
    await feed.publish(a, "lead.updated", {"lead_id": "y"})  # after the second: with the held
    assert hub.sent[-1] == (a, "leads.changed", {"count": 10_001, "actor_user_id": None})
    await feed.publish(a, "leads.changed", {"count": 2})
    await feed.flush()
    await feed.flush()  # nothing more held
    assert hub.sent[2:] == [
        (a, "leads.changed", {"count": 10_001, "actor_user_id": None}),
        (a, "leads.changed", {"count": 2, "actor_user_id": None}),
    ]
