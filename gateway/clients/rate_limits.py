"""Rate limits per client: a fixed window counted in memory, or in Redis when replicas share the count.

A window is `window_s` long and starts at a multiple of it, so every replica counts the same
window without talking to the others; Redis makes the count itself shared (`INCR` on one key per
client and window, expiring with the window). When Redis does not answer the request is let
through: a broken limiter must not take the storefront down with it.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from gateway.config import RateLimitSection

log = logging.getLogger("gateway.clients")

REDIS_TIMEOUT_S = 0.25
"""A rate limit is consulted on every request: Redis gets a quarter of a second, then is passed over."""


class RateLimiter(Protocol):
    async def hit(self, key: str, limit: RateLimitSection) -> float | None:
        """Counts one request; None when it is within the limit, else the seconds until the window ends."""

    async def close(self) -> None: ...


def _window(now: float, limit: RateLimitSection) -> tuple[int, float]:
    """The window `now` falls in, and the seconds left in it."""
    index = math.floor(now / limit.window_s)
    return index, (index + 1) * limit.window_s - now


class MemoryRateLimiter:
    """One process's count: each replica limits on its own."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._counts: dict[str, tuple[int, int]] = {}

    async def hit(self, key: str, limit: RateLimitSection) -> float | None:
        index, left = _window(self._clock(), limit)
        seen_index, count = self._counts.get(key, (index, 0))
        count = count + 1 if seen_index == index else 1
        self._counts[key] = (index, count)
        if len(self._counts) > 100_000:
            # Keys of callers without a key are IP addresses: forget past windows rather than grow.
            self._counts = {k: v for k, v in self._counts.items() if v[0] == index}
        return None if count <= limit.requests else left

    async def close(self) -> None:
        return None


class RedisRateLimiter:
    """The count shared by every replica on one Redis."""

    def __init__(self, redis: Any, namespace: str, clock: Callable[[], float] = time.time) -> None:
        self.redis = redis
        self.prefix = f"{namespace}:rate:"
        self._clock = clock

    @classmethod
    def from_url(cls, url: str, namespace: str) -> RedisRateLimiter:
        client = Redis.from_url(url, socket_timeout=REDIS_TIMEOUT_S, socket_connect_timeout=REDIS_TIMEOUT_S)
        return cls(client, namespace)

    async def hit(self, key: str, limit: RateLimitSection) -> float | None:
        index, left = _window(self._clock(), limit)
        name = f"{self.prefix}{key}:{index}"
        try:
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.incr(name)
                pipe.expire(name, math.ceil(limit.window_s) + 1)
                count, _ = await pipe.execute()
        except (RedisError, OSError) as exc:
            log.warning("rate limit not applied, Redis did not answer: %s", exc)
            return None
        return None if int(count) <= limit.requests else left

    async def close(self) -> None:
        await self.redis.aclose()


__all__ = ["MemoryRateLimiter", "RateLimiter", "RedisRateLimiter"]
