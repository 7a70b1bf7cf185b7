"""A small key/value cache with TTLs: in-process by default, Redis when configured."""

from __future__ import annotations

import time
from typing import Protocol

from redis.asyncio import Redis


class Cache(Protocol):
    async def get(self, key: str) -> str | None: ...
    async def set(self, key: str, value: str, ttl_seconds: float) -> None: ...
    async def ping(self) -> bool: ...
    async def close(self) -> None: ...


class MemoryCache:
    """Per-process; fine for one process, and the database stays the source of truth."""

    def __init__(self, max_items: int = 100_000) -> None:
        self._items: dict[str, tuple[str, float]] = {}
        self._max_items = max_items

    async def get(self, key: str) -> str | None:
        item = self._items.get(key)
        if item is None:
            return None
        value, expires = item
        if expires < time.monotonic():
            self._items.pop(key, None)
            return None
        return value

    async def set(self, key: str, value: str, ttl_seconds: float) -> None:
        if len(self._items) >= self._max_items:
            now = time.monotonic()
            self._items = {k: v for k, v in self._items.items() if v[1] >= now}
            if len(self._items) >= self._max_items:
                self._items.pop(next(iter(self._items)))
        self._items[key] = (value, time.monotonic() + ttl_seconds)

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        self._items.clear()


class RedisCache:
    def __init__(self, url: str, prefix: str = "lw:") -> None:
        self.client: Redis = Redis.from_url(
            url, decode_responses=True, socket_timeout=2, socket_connect_timeout=2
        )
        self.prefix = prefix

    async def get(self, key: str) -> str | None:
        value = await self.client.get(self.prefix + key)
        return None if value is None else str(value)

    async def set(self, key: str, value: str, ttl_seconds: float) -> None:
        await self.client.set(self.prefix + key, value, px=max(1, int(ttl_seconds * 1000)))

    async def ping(self) -> bool:
        return bool(await self.client.ping())

    async def close(self) -> None:
        await self.client.aclose()


def create_cache(redis_url: str | None) -> Cache:
    return RedisCache(redis_url) if redis_url else MemoryCache()
