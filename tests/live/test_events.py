"""The live event stream (GET /api/v1/events) against the real app served by uvicorn on
loopback: httpx's ASGI transport waits for a response to end, a stream never does."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import orjson
import pytest
import uvicorn
from sqlalchemy import select

from leadwise.core.db import Database
from leadwise.main import create_app
from leadwise.models import Lead
from tests.conftest import REDIS_URL, Account, _truncate, add_user, assert_error, setup_owner

WAIT = 5.0  # seconds an expected event may take on a busy machine


@dataclass
class Served:
    url: str
    server: uvicorn.Server
    task: asyncio.Task[None]

    async def stop(self) -> None:
        self.server.should_exit = True
        await asyncio.wait_for(self.task, 10)


@contextlib.asynccontextmanager
async def serve(app: Any) -> AsyncIterator[Served]:
    config = uvicorn.Config(
        app, host="127.0.0.1", port=0, lifespan="off", log_level="error", access_log=False
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        assert not task.done(), "uvicorn did not start"
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    served = Served(f"http://127.0.0.1:{port}", server, task)
    try:
        yield served
    finally:
        if not task.done():
            await served.stop()


@dataclass
class Event:
    name: str | None = None
    id: str | None = None
    data: Any = None
    comments: list[str] = field(default_factory=list)


class Stream:
    """One open event stream, read event by event (a task parses it as it arrives, so a
    timed-out wait loses nothing)."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self._events: asyncio.Queue[Event | None] = asyncio.Queue()
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        event, data = Event(), []
        try:
            async for line in self.response.aiter_lines():
                if line == "":
                    if data or event.name:
                        event.data = orjson.loads("\n".join(data)) if data else None
                        self._events.put_nowait(event)
                        event, data = Event(), []
                    continue
                name, _, value = line.partition(":")
                value = value.removeprefix(" ")
                if name == "":
                    event.comments.append(value)
                elif name == "event":
                    event.name = value
                elif name == "id":
                    event.id = value
                elif name == "data":
                    data.append(value)
        finally:
            self._events.put_nowait(None)

    async def close(self) -> None:
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError, httpx.HTTPError):
            await self._reader

    async def next(self, timeout: float = WAIT) -> Event:
        event = await asyncio.wait_for(self._events.get(), timeout)
        if event is None:
            self._events.put_nowait(None)
            raise EOFError("the stream ended")
        return event

    async def next_named(self, *names: str, timeout: float = WAIT) -> Event:
        """The next event (keep-alive comments come with it); it must be one of `names`."""
        event = await self.next(timeout)
        assert event.name in names, (event.name, event.data)
        return event

    async def nothing_within(self, seconds: float) -> None:
        try:
            event = await self.next(seconds)
        except TimeoutError:
            return
        pytest.fail(f"unexpected event {event}")


@contextlib.asynccontextmanager
async def open_stream(
    served: Served, headers: dict[str, str], *, ready: bool = True
) -> AsyncIterator[Stream]:
    async with (
        httpx.AsyncClient(base_url=served.url, timeout=httpx.Timeout(10, read=None)) as http,
        http.stream("GET", "/api/v1/events", headers=headers) as response,
    ):
        assert response.status_code == 200, await response.aread()
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["cache-control"] == "no-store"
        stream = Stream(response)
        try:
            if ready:
                await stream.next_named("ready")
            yield stream
        finally:
            await stream.close()


async def stages_of(client: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, str]:
    found = (await client.get("/api/v1/stages", headers=headers)).json()["data"]
    return {stage["name"]: stage["id"] for stage in found}


async def new_lead(client: httpx.AsyncClient, headers: dict[str, str], **fields: Any) -> Any:
    response = await client.post(
        "/api/v1/leads", json={"first_name": "Ada", **fields}, headers=headers
    )
    assert response.status_code == 201, response.text
    return response.json()["data"]


async def move(
    client: httpx.AsyncClient, headers: dict[str, str], lead_id: str, stage_id: str
) -> None:
    response = await client.post(
        f"/api/v1/leads/{lead_id}/stage", json={"stage_id": stage_id}, headers=headers
    )
    assert response.status_code == 200, response.text


async def second_workspace(client: httpx.AsyncClient, owner: Account) -> dict[str, str]:
    created = await client.post("/api/v1/workspaces", json={"name": "B"}, headers=owner.headers)
    assert created.status_code == 201, created.text
    return owner.in_workspace(created.json()["data"]["id"])


# --- what is sent ----------------------------------------------------------------------------


async def test_a_stage_move_reaches_the_stream_once_committed(client, owner, served):
    headers = owner.in_workspace(owner.workspace_id)
    stages = await stages_of(client, headers)
    lead = await new_lead(client, headers)
    async with open_stream(served, headers) as stream:
        await move(client, headers, lead["id"], stages["Qualified"])
        event = await stream.next_named("lead.moved")
    assert event.id
    assert event.data["type"] == "lead.moved"
    assert event.data["lead_id"] == lead["id"]
    assert event.data["stage_id"] == stages["Qualified"]
    assert event.data["from_stage_id"] == lead["stage_id"]
    assert event.data["actor_user_id"] == str(owner.user_id)
    assert event.data["updated_at"].endswith("Z")
    # Ids and stages only: what a lead holds is read through the API.
    assert "first_name" not in event.data


async def test_create_update_delete_restore_and_merge_each_tell(client, owner, served):
    headers = owner.in_workspace(owner.workspace_id)
    async with open_stream(served, headers) as stream:
        lead = await new_lead(client, headers, email="ada@example.org")
        created = await stream.next_named("lead.created")
        assert (created.data["lead_id"], created.data["stage_id"]) == (
            lead["id"],
            lead["stage_id"],
        )

        patched = await client.patch(
            f"/api/v1/leads/{lead['id']}", json={"value": 900}, headers=headers
        )
        assert patched.status_code == 200, patched.text
        updated = await stream.next_named("lead.updated")
        assert updated.data["lead_id"] == lead["id"]
        assert updated.data["updated_at"] > created.data["updated_at"]

        deleted = await client.delete(f"/api/v1/leads/{lead['id']}", headers=headers)
        assert deleted.status_code == 200, deleted.text
        assert (await stream.next_named("lead.deleted")).data["lead_id"] == lead["id"]
        restored = await client.post(f"/api/v1/leads/{lead['id']}/restore", headers=headers)
        assert restored.status_code == 200, restored.text
        assert (await stream.next_named("lead.restored")).data["lead_id"] == lead["id"]

        other = await new_lead(client, headers, email="ada@example.net")
        await stream.next_named("lead.created")
        merged = await client.post(
            "/api/v1/merges",
            json={"survivor_id": lead["id"], "merged_ids": [other["id"]]},
            headers=headers,
        )
        assert merged.status_code in (200, 201), merged.text
        events = {}
        for _ in range(2):
            event = await stream.next_named("lead.merged", "lead.updated")
            events[event.name] = event.data
        assert events["lead.merged"]["lead_id"] == other["id"]
        assert events["lead.merged"]["merged_into_id"] == lead["id"]
        assert events["lead.updated"]["lead_id"] == lead["id"]


async def test_a_bulk_change_of_many_leads_is_one_refetch(client, owner, served):
    headers = owner.in_workspace(owner.workspace_id)
    stages = await stages_of(client, headers)
    ids = [(await new_lead(client, headers, first_name=f"L{n}"))["id"] for n in range(3)]
    async with open_stream(served, headers) as stream:
        moved = await client.post(
            "/api/v1/leads/bulk",
            json={"action": "update", "ids": ids, "changes": {"stage_id": stages["Qualified"]}},
            headers=headers,
        )
        assert moved.status_code == 200, moved.text
        seen = {(await stream.next_named("lead.moved")).data["lead_id"] for _ in ids}
        assert seen == set(ids)

        # Deleting a stage moves its leads with one UPDATE statement: which ones is not known.
        removed = await client.delete(
            f"/api/v1/stages/{stages['Qualified']}",
            params={"move_to": stages["Contacted"]},
            headers=headers,
        )
        assert removed.status_code == 200, removed.text
        changed = await stream.next_named("leads.changed")
        assert changed.data["actor_user_id"] == str(owner.user_id)


# --- what is not sent ------------------------------------------------------------------------


async def test_a_rolled_back_change_sends_nothing(client, db: Database, owner, served):
    headers = owner.in_workspace(owner.workspace_id)
    stages = await stages_of(client, headers)
    lead = await new_lead(client, headers)
    kept = await new_lead(client, headers, first_name="Kept")

    async def fail_after_writing() -> None:
        async with db.unit_of_work() as session:
            row = await session.get(Lead, uuid.UUID(lead["id"]))
            assert row is not None
            row.stage_id = uuid.UUID(stages["Won"])
            await session.flush()
            raise RuntimeError("the request failed")

    async with open_stream(served, headers) as stream:
        # A request that fails after its change was written: nothing committed, nothing sent.
        with pytest.raises(RuntimeError):
            await fail_after_writing()
        # A savepoint that rolled back inside a transaction that commits: only what stayed.
        async with db.unit_of_work() as session:
            with contextlib.suppress(RuntimeError):
                async with session.begin_nested():
                    row = await session.get(Lead, uuid.UUID(lead["id"]))
                    assert row is not None
                    row.stage_id = uuid.UUID(stages["Won"])
                    await session.flush()
                    raise RuntimeError("one part failed")
            survivor = await session.get(Lead, uuid.UUID(kept["id"]))
            assert survivor is not None
            survivor.stage_id = uuid.UUID(stages["Contacted"])
        event = await stream.next_named("lead.moved")
        assert event.data["lead_id"] == kept["id"]
        await stream.nothing_within(0.5)
        # A refused request (409/422) leaves the stream silent too.
        refused = await client.post(
            f"/api/v1/leads/{lead['id']}/stage",
            json={"stage_id": stages["Lost"]},  # a lost stage needs a reason
            headers=headers,
        )
        assert_error(refused, 422, "VALIDATION_ERROR")
        await stream.nothing_within(0.5)
    async with db.sessionmaker() as session:
        stored = await session.scalar(select(Lead.stage_id).where(Lead.id == uuid.UUID(lead["id"])))
    assert str(stored) == lead["stage_id"]


async def test_a_workspace_hears_only_its_own_events(client, owner, served):
    a = owner.in_workspace(owner.workspace_id)
    b = await second_workspace(client, owner)
    outsider = await add_user(client, owner, "b-only@example.com", "sales", b["X-Workspace-ID"])
    async with (
        open_stream(served, a) as in_a,
        open_stream(served, outsider.in_workspace(b["X-Workspace-ID"])) as in_b,
    ):
        lead_b = await new_lead(client, b, first_name="Bea")
        lead_a = await new_lead(client, a, first_name="Abe")
        assert (await in_a.next_named("lead.created")).data["lead_id"] == lead_a["id"]
        assert (await in_b.next_named("lead.created")).data["lead_id"] == lead_b["id"]
        await in_a.nothing_within(0.5)
        await in_b.nothing_within(0.2)
    # B's member cannot listen to A: the workspace does not exist for them.
    async with httpx.AsyncClient(base_url=served.url) as http:
        response = await http.get(
            "/api/v1/events", headers=outsider.in_workspace(owner.workspace_id)
        )
    assert_error(response, 404, "NOT_FOUND")


async def test_bad_requests_get_the_error_format(served, owner):
    async with httpx.AsyncClient(base_url=served.url) as http:
        assert_error(await http.get("/api/v1/events"), 401, "UNAUTHENTICATED")
        bad_token = {"Authorization": "Bearer not-a-token"}
        assert_error(await http.get("/api/v1/events", headers=bad_token), 401)
        unknown = owner.in_workspace(uuid.uuid4())
        assert_error(await http.get("/api/v1/events", headers=unknown), 404, "NOT_FOUND")
        garbled = {**owner.headers, "X-Workspace-ID": "not-a-uuid"}
        assert_error(await http.get("/api/v1/events", headers=garbled), 422, "VALIDATION_ERROR")
        long_id = {**owner.headers, "Last-Event-ID": "x" * 65}
        assert_error(await http.get("/api/v1/events", headers=long_id), 422, "VALIDATION_ERROR")


async def test_an_api_key_needs_the_leads_read_scope(client, owner, served):
    created = await client.post(
        "/api/v1/api-keys", json={"name": "jobs", "scopes": ["jobs:read"]}, headers=owner.headers
    )
    assert created.status_code == 201, created.text
    key = {"X-API-Key": created.json()["data"]["key"]}
    async with httpx.AsyncClient(base_url=served.url) as http:
        assert_error(await http.get("/api/v1/events", headers=key), 403, "FORBIDDEN")


# --- the stream's life -----------------------------------------------------------------------


async def test_keep_alive_comments_and_the_stream_renews(app, owner, served):
    app.state.settings.live.keepalive_seconds = 0.2
    app.state.settings.live.max_stream_seconds = 1.0
    async with open_stream(served, owner.headers) as stream:
        quiet = await stream.next(timeout=2)  # comments come with the next event
        assert quiet.name == "bye", quiet
        assert quiet.data == {"reason": "renew"}
        assert "keep-alive" in quiet.comments
        with pytest.raises(EOFError):
            await stream.next()


async def test_a_reconnect_gets_what_it_missed(client, owner, served):
    headers = owner.in_workspace(owner.workspace_id)
    stages = await stages_of(client, headers)
    lead = await new_lead(client, headers)
    async with open_stream(served, headers) as stream:
        await move(client, headers, lead["id"], stages["Contacted"])
        seen = await stream.next_named("lead.moved")
    await move(client, headers, lead["id"], stages["Qualified"])
    await move(client, headers, lead["id"], stages["Won"])
    async with open_stream(served, {**headers, "Last-Event-ID": seen.id}, ready=False) as again:
        ready = await again.next_named("ready")
        assert ready.data["replayed"] is True
        missed = [await again.next_named("lead.moved") for _ in range(2)]
        assert [e.data["stage_id"] for e in missed] == [stages["Qualified"], stages["Won"]]
    async with open_stream(served, {**headers, "Last-Event-ID": "gone"}, ready=False) as lost:
        assert (await lost.next_named("ready")).data["replayed"] is False
        assert (await lost.next_named("reset")).data == {"reason": "missed"}


async def test_a_client_that_leaves_is_forgotten(app, owner, served):
    hub = app.state.live
    async with open_stream(served, owner.headers):
        assert hub.stream_count() == 1
    for _ in range(100):
        if hub.stream_count() == 0:
            break
        await asyncio.sleep(0.05)
    assert hub.stream_count() == 0


async def test_the_server_stops_at_once_with_streams_open(app, owner):
    async with serve(app) as served, open_stream(served, owner.headers) as stream:
        served.server.should_exit = True
        bye = await stream.next_named("bye")
        assert bye.data == {"reason": "shutdown"}
        await asyncio.wait_for(served.task, 5)  # uvicorn waited for no stream


# --- several API processes -------------------------------------------------------------------


@pytest.mark.skipif(not REDIS_URL, reason="LEADWISE_TEST_REDIS_URL is not set")
async def test_events_reach_streams_of_other_processes_through_redis(
    test_env, database_url, monkeypatch
):
    """Two apps, as two API processes behind a load balancer: a change made through one
    reaches a stream open on the other, and only in its workspace."""
    import redis

    from tests.conftest import _clear_caches

    assert REDIS_URL
    monkeypatch.setenv("LEADWISE_REDIS_URL", REDIS_URL)
    _clear_caches()
    redis.Redis.from_url(REDIS_URL).flushdb()
    await _truncate(database_url)
    first, second = create_app(), create_app()
    async with (
        first.router.lifespan_context(first),
        second.router.lifespan_context(second),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=first), base_url="http://first"
        ) as client,
    ):
        owner = await setup_owner(client)
        a = owner.in_workspace(owner.workspace_id)
        b = await second_workspace(client, owner)
        stages = await stages_of(client, a)
        lead = await new_lead(client, a)
        async with serve(second) as served, open_stream(served, a) as stream:
            await new_lead(client, b)  # B's channel: not heard in A
            await move(client, a, lead["id"], stages["Won"])
            event = await stream.next_named("lead.moved")
            assert (event.data["lead_id"], event.data["stage_id"]) == (lead["id"], stages["Won"])
            await stream.nothing_within(0.5)
            # The second process remembers what came through Redis, for reconnects.
            assert second.state.live.missed(owner.workspace_id, event.id) == []
