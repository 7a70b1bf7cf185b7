"""Rate limits (sliding-window counters): in memory by default, in Redis when configured.

Used as a FastAPI dependency, `rate_limited("login")`: every answer carries the `RateLimit-*`
headers; an exceeded limit answers 429 with `Retry-After`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import Request, Response
from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import SlidingWindowCounterRateLimiter

from leadwise.config import Settings
from leadwise.core.errors import TooManyRequests


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int

    def headers(self) -> dict[str, str]:
        headers = {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset_seconds),
        }
        if not self.allowed:
            headers["Retry-After"] = str(max(self.reset_seconds, 1))
        return headers


class RateLimiter:
    def __init__(self, settings: Settings) -> None:
        self.enabled = settings.rate_limit.enabled
        self.storage: Storage
        if settings.redis_url:
            uri = "async+" + settings.redis_url.removeprefix("async+")
            self.storage = RedisStorage(uri, implementation="redispy", key_prefix="lw-rl")
        else:
            self.storage = MemoryStorage()
        self._strategy = SlidingWindowCounterRateLimiter(self.storage)
        self._rules: dict[str, RateLimitItem] = {
            "login": parse(settings.rate_limit.login),
            "refresh": parse(settings.rate_limit.refresh),
            "public": parse(settings.rate_limit.public),
            "form": parse(settings.rate_limit.form),
            "test_email": parse(settings.rate_limit.test_email),
        }

    async def hit(self, rule: str, key: str) -> Decision:
        item = self._rules[rule]
        allowed = await self._strategy.hit(item, rule, key)
        stats = await self._strategy.get_window_stats(item, rule, key)
        reset = max(0, math.ceil(stats.reset_time - time.time()))
        return Decision(allowed, item.amount, stats.remaining, reset)

    async def check(self, rule: str, key: str) -> None:
        """Count a hit; 429 with Retry-After when `key` is over `rule`."""
        if not self.enabled:
            return
        decision = await self.hit(rule, key)
        if not decision.allowed:
            raise TooManyRequests(
                details={"limit": decision.limit, "retry_after": decision.reset_seconds},
                headers=decision.headers(),
            )

    async def reset(self) -> None:
        await self.storage.reset()


def client_ip(request: Request) -> str:
    # Behind a proxy, uvicorn's --proxy-headers (forwarded_allow_ips) rewrites request.client.
    return request.client.host if request.client else "unknown"


def rate_limited(rule: str) -> Callable[[Request, Response], Awaitable[None]]:
    """A dependency that counts the request against `rule` for the client's address."""

    async def dependency(request: Request, response: Response) -> None:
        limiter: RateLimiter = request.app.state.rate_limiter
        if not limiter.enabled:
            return
        decision = await limiter.hit(rule, client_ip(request))
        if not decision.allowed:
            raise TooManyRequests(
                details={"limit": decision.limit, "retry_after": decision.reset_seconds},
                headers=decision.headers(),
            )
        response.headers.update(decision.headers())

    return dependency
