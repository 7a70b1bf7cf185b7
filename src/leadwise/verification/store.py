"""Per-domain facts with a TTL (mail routes, catch-all answers, greylisted/blocked state).

Always kept in this process (a dict read without awaiting: bulk runs ask for the same domains
over and over); also in Redis when one is configured, so that workers share what they learned.
A value read from Redis is kept locally for at most LOCAL_SECONDS, so one worker sees another's
"blocked until" soon.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import orjson

from leadwise.core.cache import Cache

LOCAL_SECONDS = 60.0
T = TypeVar("T")


class FactStore:
    def __init__(self, shared: Cache | None = None, *, max_local: int = 200_000) -> None:
        self._local: dict[str, tuple[Any, float]] = {}
        self._shared = shared
        self._max_local = max_local

    def get_local(self, key: str) -> Any | None:
        item = self._local.get(key)
        if item is None:
            return None
        if item[1] < time.monotonic():
            del self._local[key]
            return None
        return item[0]

    async def get(self, key: str, decode: Callable[[Any], Any] | None = None) -> Any | None:
        """The value; one from Redis passes through `decode` (JSON back to an object)."""
        value = self.get_local(key)
        if value is not None or self._shared is None:
            return value
        raw = await self._shared.get(key)
        if raw is None:
            return None
        stored = orjson.loads(raw)
        remaining = float(stored["expires_at"]) - time.time()
        if remaining <= 0:
            return None
        value = stored["value"] if decode is None else decode(stored["value"])
        self._put_local(key, value, min(remaining, LOCAL_SECONDS))
        return value

    async def set(
        self, key: str, value: Any, ttl_seconds: float, *, encoded: Any | None = None
    ) -> None:
        """Keep `value` here and its JSON form (`encoded`, default the value) in Redis."""
        if ttl_seconds <= 0:
            return
        self._put_local(
            key, value, ttl_seconds if self._shared is None else min(ttl_seconds, LOCAL_SECONDS)
        )
        if self._shared is not None:
            stored = {"value": value if encoded is None else encoded}
            stored["expires_at"] = time.time() + ttl_seconds
            await self._shared.set(key, orjson.dumps(stored).decode(), ttl_seconds)

    def _put_local(self, key: str, value: Any, ttl_seconds: float) -> None:
        if len(self._local) >= self._max_local:
            now = time.monotonic()
            self._local = {k: v for k, v in self._local.items() if v[1] >= now}
            while len(self._local) >= self._max_local:
                self._local.pop(next(iter(self._local)))
        self._local[key] = (value, time.monotonic() + ttl_seconds)

    async def close(self) -> None:
        self._local.clear()
        if self._shared is not None:
            await self._shared.close()


async def run_once(
    pending: dict[str, asyncio.Future[T]], key: str, work: Callable[[], Awaitable[T]]
) -> T:
    """One `work()` per key at a time; concurrent callers await the same answer."""
    running = pending.get(key)
    if running is not None:
        return await asyncio.shield(running)
    future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
    pending[key] = future
    try:
        value = await work()
    except BaseException as error:
        future.set_exception(error)
        with contextlib.suppress(BaseException):
            future.exception()  # retrieved: no "never retrieved" warning when nobody waits
        raise
    else:
        future.set_result(value)
        return value
    finally:
        pending.pop(key, None)
