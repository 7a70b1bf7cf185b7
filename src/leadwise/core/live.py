"""Live events of a workspace, fanned out to the event streams open on the API.

One `LiveHub` per process. `publish()` is called after a transaction committed (never for a
rolled-back change); every stream open on that workspace in any process gets the event:

- in memory by default: the hub hands it to this process's streams;
- with Redis (`LEADWISE_REDIS_URL`), it goes through pub/sub, one channel per workspace; each
  process subscribes to the channels of the workspaces it has streams for, and a process with
  none (a job worker) only publishes;
- without Redis, a job worker on the same machine (the embedded worker of `leadwise serve` is a
  process of its own) sends its events as datagrams to a Unix socket that each API process
  listens on in `<data_dir>/live/` (`RelayHub`, `LiveHub.start_relay`).

A job publishes through a `JobFeed`, which lets at most one event a second through per
workspace and folds the rest into one `leads.changed` (a 1,000-chunk import does not flood).

Each hub keeps the last events of each workspace, so a client that reconnects with the id of
the last event it saw gets what it missed, or `reset` (refetch everything) when that is gone.

A stream ends when the client leaves, after `max_stream_seconds` (the client reconnects and so
is authorised again), or when the server stops: uvicorn waits for open responses before it
shuts down, so the hub watches for that and ends every stream at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import signal
import socket
import time
import uuid
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import orjson
from redis.asyncio import Redis
from redis.asyncio.client import PubSub

from leadwise.core.ids import uuid7
from leadwise.core.logging import get_logger

log = get_logger("leadwise.live")

CHANNEL_PREFIX = "lw:live:"
QUEUE_LIMIT = 1000  # events waiting for one slow stream; past it the stream gets `reset`
SHUTDOWN_POLL_SECONDS = 0.25
MAX_WORKSPACES_REMEMBERED = 10_000
# The one coarse event: many leads changed at once, refetch what is shown.
LEADS_CHANGED = "leads.changed"
JOB_EVENT_INTERVAL = 1.0  # seconds between the events of one job run, per workspace
RELAY_SUFFIX = ".sock"
MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes on Linux


@dataclass(frozen=True, slots=True)
class LiveEvent:
    id: str
    type: str
    data: dict[str, Any]

    def encode(self) -> bytes:
        """As one server-sent event."""
        payload = orjson.dumps({"type": self.type, **self.data})
        return b"id: %s\nevent: %s\ndata: %s\n\n" % (
            self.id.encode(),
            self.type.encode(),
            payload,
        )


def new_event(type_: str, data: dict[str, Any]) -> LiveEvent:
    """An event with a fresh id and its data as JSON gives it back (ids and times as text),
    the same whether it stays in this process or goes through Redis."""
    plain = orjson.loads(orjson.dumps(data, default=_more_types, option=orjson.OPT_UTC_Z))
    return LiveEvent(str(uuid7()), type_, plain)


def _more_types(value: Any) -> Any:
    # asyncpg answers UUID columns with its own subclass of uuid.UUID, which orjson leaves out.
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _message(workspace_id: uuid.UUID, event: LiveEvent) -> bytes:
    """An event as it travels between processes (Redis, the local relay)."""
    return orjson.dumps(
        {"workspace_id": str(workspace_id), "id": event.id, "type": event.type, "data": event.data}
    )


def _from_message(body: bytes) -> tuple[uuid.UUID | None, LiveEvent]:
    decoded = orjson.loads(body)
    workspace = decoded.get("workspace_id")
    event = LiveEvent(str(decoded["id"]), str(decoded["type"]), dict(decoded["data"]))
    return (uuid.UUID(workspace) if workspace else None), event


class Publisher(Protocol):
    async def publish(self, workspace_id: uuid.UUID, type_: str, data: dict[str, Any]) -> None: ...


class Control:
    """What a stream is told besides events."""

    RESET = "reset"  # events were lost (a slow client, Redis reconnected): refetch
    CLOSE = "close"  # the server stops


Item = LiveEvent | str


@dataclass(eq=False)
class Subscription:
    workspace_id: uuid.UUID
    queue: asyncio.Queue[Item] = field(default_factory=lambda: asyncio.Queue(QUEUE_LIMIT))

    def offer(self, item: Item) -> None:
        try:
            self.queue.put_nowait(item)
        except asyncio.QueueFull:
            # Drop what waits and tell the client to refetch instead of growing without bound.
            while not self.queue.empty():
                self.queue.get_nowait()
            self.queue.put_nowait(Control.RESET)

    async def next(self, wait_seconds: float) -> Item | None:
        """The next event or control word, or None after `wait_seconds` of silence."""
        try:
            return await asyncio.wait_for(self.queue.get(), wait_seconds)
        except TimeoutError:
            return None


def server_stopping() -> bool:
    """True once uvicorn began to shut down (it then waits for open responses to end).

    uvicorn installs its `Server.handle_exit` as the SIGTERM/SIGINT handler while it serves
    and sets `should_exit` there; an ASGI app is told nothing until every response ended."""
    for signum in (signal.SIGTERM, signal.SIGINT):
        server = getattr(signal.getsignal(signum), "__self__", None)
        if server is not None and getattr(server, "should_exit", False) is True:
            return True
    return False


class LiveHub:
    """In-process fan-out with a replay buffer per workspace."""

    def __init__(self, *, replay: int = 500) -> None:
        self._replay = replay
        self._subscriptions: dict[uuid.UUID, set[Subscription]] = {}
        self._recent: OrderedDict[uuid.UUID, deque[LiveEvent]] = OrderedDict()
        self._watcher: asyncio.Task[None] | None = None
        self._relay: tuple[asyncio.DatagramTransport, Path] | None = None
        self.closed = False

    # --- publishing ------------------------------------------------------------------------

    async def publish(self, workspace_id: uuid.UUID, type_: str, data: dict[str, Any]) -> None:
        self.deliver(workspace_id, new_event(type_, data))

    def deliver(self, workspace_id: uuid.UUID, event: LiveEvent) -> None:
        """Remember `event` and hand it to this process's streams of the workspace."""
        recent = self._recent.get(workspace_id)
        if recent is None:
            recent = self._recent[workspace_id] = deque(maxlen=self._replay)
            if len(self._recent) > MAX_WORKSPACES_REMEMBERED:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(workspace_id)
        recent.append(event)
        for subscription in self._subscriptions.get(workspace_id, ()):
            subscription.offer(event)

    def reset_all(self) -> None:
        """Events may have been lost: every stream's client refetches, and nothing is replayed."""
        self._recent.clear()
        for subscriptions in self._subscriptions.values():
            for subscription in subscriptions:
                subscription.offer(Control.RESET)

    # --- streams ---------------------------------------------------------------------------

    def missed(self, workspace_id: uuid.UUID, last_id: str) -> list[LiveEvent] | None:
        """The events after `last_id`, or None when it is no longer remembered."""
        recent = list(self._recent.get(workspace_id, ()))
        for index, event in enumerate(recent):
            if event.id == last_id:
                return recent[index + 1 :]
        return None

    @contextlib.asynccontextmanager
    async def subscribe(self, workspace_id: uuid.UUID) -> AsyncIterator[Subscription]:
        subscription = Subscription(workspace_id)
        if self.closed:
            subscription.offer(Control.CLOSE)
        first = workspace_id not in self._subscriptions
        self._subscriptions.setdefault(workspace_id, set()).add(subscription)
        try:
            if first:
                await self._listen(workspace_id)
            self._watch_shutdown()
            yield subscription
        finally:
            remaining = self._subscriptions.get(workspace_id)
            if remaining is not None:
                remaining.discard(subscription)
                if not remaining:
                    del self._subscriptions[workspace_id]
                    await self._stop_listening(workspace_id)

    def stream_count(self) -> int:
        return sum(len(subscriptions) for subscriptions in self._subscriptions.values())

    async def _listen(self, workspace_id: uuid.UUID) -> None:
        """Start receiving the workspace's events from elsewhere (nothing to do in memory)."""

    async def _stop_listening(self, workspace_id: uuid.UUID) -> None:
        """Stop receiving them."""

    def _watch_shutdown(self) -> None:
        if self._watcher is None or self._watcher.done():
            self._watcher = asyncio.create_task(self._wait_for_shutdown(), name="live-shutdown")

    async def _wait_for_shutdown(self) -> None:
        while self._subscriptions and not self.closed:
            if server_stopping():
                self._close_streams()
                return
            await asyncio.sleep(SHUTDOWN_POLL_SECONDS)

    def _close_streams(self) -> None:
        self.closed = True
        for subscriptions in self._subscriptions.values():
            for subscription in subscriptions:
                subscription.offer(Control.CLOSE)

    async def ping(self) -> bool:
        return True

    # --- the local relay (no Redis) --------------------------------------------------------

    async def start_relay(self, directory: Path) -> Path | None:
        """Hear the events of job workers on this machine: they send them to a socket of this
        process in `directory` (see `RelayHub`). None where that cannot be (no Unix sockets,
        a path too long for one)."""
        path = directory / f"{os.getpid()}{RELAY_SUFFIX}"
        if not hasattr(socket, "AF_UNIX") or len(os.fsencode(path)) > MAX_SOCKET_PATH:
            log.warning("live events: no local relay; job events need Redis", path=str(path))
            return None
        hub = self

        class Receiver(asyncio.DatagramProtocol):
            def datagram_received(self, data: bytes, addr: Any) -> None:
                hub._relayed(data)

        try:
            sock = _bound_socket(path)
        except OSError:
            log.warning("live events: the local relay did not start", exc_info=True)
            return None
        transport, _ = await asyncio.get_running_loop().create_datagram_endpoint(
            Receiver, sock=sock
        )
        self._relay = (transport, path)
        return path

    def _relayed(self, body: bytes) -> None:
        try:
            workspace_id, event = _from_message(body)
        except (KeyError, ValueError, TypeError):
            log.warning("live events: malformed relayed event ignored")
            return
        if workspace_id is not None:
            self.deliver(workspace_id, event)

    async def close(self) -> None:
        self._close_streams()
        if self._relay is not None:
            transport, path = self._relay
            self._relay = None
            transport.close()
            with contextlib.suppress(OSError):
                os.unlink(path)
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher


class RedisLiveHub(LiveHub):
    """Fan-out across processes through Redis pub/sub, a channel per workspace."""

    def __init__(self, url: str, *, replay: int = 500) -> None:
        super().__init__(replay=replay)
        self.client: Redis = Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)
        self._pubsub: PubSub | None = None
        self._listener: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    async def publish(self, workspace_id: uuid.UUID, type_: str, data: dict[str, Any]) -> None:
        event = new_event(type_, data)
        message = orjson.dumps({"id": event.id, "type": event.type, "data": event.data})
        try:
            await self.client.publish(CHANNEL_PREFIX + str(workspace_id), message)
        except Exception:
            # Redis is down: this process's streams still hear of it.
            log.warning("live event not published to Redis", exc_info=True)
            self.deliver(workspace_id, event)

    async def _listen(self, workspace_id: uuid.UUID) -> None:
        # Subscribed before the stream says it is ready, so no later event is missed.
        async with self._lock:
            if self._pubsub is None:
                self._pubsub = self.client.pubsub(ignore_subscribe_messages=True)
            await self._pubsub.subscribe(CHANNEL_PREFIX + str(workspace_id))
            if self._listener is None or self._listener.done():
                self._listener = asyncio.create_task(self._receive(), name="live-redis")

    async def _stop_listening(self, workspace_id: uuid.UUID) -> None:
        async with self._lock:
            if self._pubsub is not None and workspace_id not in self._subscriptions:
                with contextlib.suppress(Exception):
                    await self._pubsub.unsubscribe(CHANNEL_PREFIX + str(workspace_id))

    async def _receive(self) -> None:
        assert self._pubsub is not None
        pubsub, failures = self._pubsub, 0
        while True:
            try:
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
            except asyncio.CancelledError:
                raise
            except Exception:
                failures += 1
                if failures == 1:
                    log.warning("live events: Redis connection lost", exc_info=True)
                # redis-py reconnects and subscribes again on the next read; what was sent
                # meanwhile is gone, so clients refetch.
                self.reset_all()
                await asyncio.sleep(min(10.0, 0.5 * 2**failures))
                continue
            failures = 0
            if message is None or message.get("type") != "message":
                continue
            self._deliver_message(message)

    def _deliver_message(self, message: dict[str, Any]) -> None:
        try:
            channel = message["channel"]
            channel = channel.decode() if isinstance(channel, bytes) else str(channel)
            workspace_id = uuid.UUID(channel.removeprefix(CHANNEL_PREFIX))
            body = orjson.loads(message["data"])
            event = LiveEvent(str(body["id"]), str(body["type"]), dict(body["data"]))
        except (KeyError, ValueError, TypeError):
            log.warning("live events: malformed message ignored", channel=message.get("channel"))
            return
        self.deliver(workspace_id, event)

    async def ping(self) -> bool:
        return bool(await self.client.ping())

    async def close(self) -> None:
        await super().close()
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
        if self._pubsub is not None:
            with contextlib.suppress(Exception):
                await self._pubsub.aclose()  # type: ignore[no-untyped-call]
        await self.client.aclose()


class RelayHub(LiveHub):
    """A job worker's hub without Redis: each event goes as one datagram to the socket of every
    API process on this machine (`LiveHub.start_relay`); none listening, nothing is sent.
    Datagrams on a Unix socket are not lost on the way, but one that finds the receiver's
    buffer full is dropped rather than slowing the job."""

    def __init__(self, directory: Path) -> None:
        super().__init__(replay=1)
        self.directory = directory
        self._socket: socket.socket | None = None

    async def publish(self, workspace_id: uuid.UUID, type_: str, data: dict[str, Any]) -> None:
        self._send(_message(workspace_id, new_event(type_, data)))

    def _send(self, message: bytes) -> None:
        """To every listening API process (a few local datagrams: no need for a thread)."""
        try:
            names = os.listdir(self.directory)
        except FileNotFoundError:
            return  # no API process ever listened here
        if self._socket is None:
            self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            self._socket.setblocking(False)
        for name in names:
            if not name.endswith(RELAY_SUFFIX):
                continue
            path = os.path.join(self.directory, name)
            try:
                self._socket.sendto(message, path)
            except ConnectionRefusedError:
                with contextlib.suppress(OSError):
                    os.unlink(path)  # its process is gone
            except OSError:
                log.warning("live event not relayed", path=path, exc_info=True)

    async def close(self) -> None:
        await super().close()
        if self._socket is not None:
            self._socket.close()


class JobFeed:
    """What one job run publishes: per workspace, the first event of each second goes as it is;
    those after it in that second are folded into one `leads.changed`, sent with the next event
    after the second or by `flush()` when the job ends."""

    def __init__(
        self,
        hub: Publisher,
        *,
        interval: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.hub = hub
        self.interval = JOB_EVENT_INTERVAL if interval is None else interval
        self.clock = clock
        self._sent_at: dict[uuid.UUID, float] = {}
        self._held: dict[uuid.UUID, int] = {}  # workspace → leads changed since its last event

    async def publish(self, workspace_id: uuid.UUID, type_: str, data: dict[str, Any]) -> None:
        count = int(data.get("count") or 1) if type_ == LEADS_CHANGED else 1
        now = self.clock()
        if now - self._sent_at.get(workspace_id, -math.inf) < self.interval:
            self._held[workspace_id] = self._held.get(workspace_id, 0) + count
            return
        self._sent_at[workspace_id] = now
        held = self._held.pop(workspace_id, 0)
        if held:
            await self._changed(workspace_id, held + count)
        else:
            await self.hub.publish(workspace_id, type_, data)

    async def flush(self) -> None:
        """The events held back, as one `leads.changed` per workspace."""
        held, self._held = self._held, {}
        for workspace_id, count in held.items():
            self._sent_at[workspace_id] = self.clock()
            await self._changed(workspace_id, count)

    async def _changed(self, workspace_id: uuid.UUID, count: int) -> None:
        await self.hub.publish(workspace_id, LEADS_CHANGED, {"count": count, "actor_user_id": None})


def _bound_socket(path: Path) -> socket.socket:
    """A datagram socket at `path` that only this user's processes may send to."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.unlink(missing_ok=True)  # left by an earlier process with this pid
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        sock.bind(os.fspath(path))
        os.chmod(path, 0o600)
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


def create_live_hub(redis_url: str | None, *, replay: int = 500) -> LiveHub:
    return RedisLiveHub(redis_url, replay=replay) if redis_url else LiveHub(replay=replay)


def relay_directory(data_dir: Path) -> Path:
    """Where the API processes' relay sockets live (see `LiveHub.start_relay`)."""
    return data_dir / "live"


# Keys of `Session.info` that the lead change feed reads: the hub (set by `Database`), and who
# acts in which workspace (set when a request is authenticated).
SESSION_HUB = "leadwise_live_hub"
SESSION_ACTOR = "leadwise_live_actor_id"
SESSION_WORKSPACE = "leadwise_live_workspace_id"
