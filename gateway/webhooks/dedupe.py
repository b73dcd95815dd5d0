"""Remembers which webhook events were processed: vendors deliver at least once, and retry."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Protocol

SEEN_TTL_S = 24 * 3600.0
"""Vendors retry for hours (Shopify: 4 h, Akeneo: 35 min, HubSpot and Intercom: days at most)."""
MAX_SEEN = 100_000
"""Event ids kept in memory at most; the oldest go first."""


class SeenEvents(Protocol):
    async def first_time(self, event_ids: Sequence[str]) -> list[str]:
        """The ids not seen before, now marked as seen."""
        ...


class MemorySeenEvents:
    def __init__(self, ttl_s: float = SEEN_TTL_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl_s = ttl_s
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()

    async def first_time(self, event_ids: Sequence[str]) -> list[str]:
        now = self._clock()
        while self._seen and next(iter(self._seen.values())) <= now:
            self._seen.popitem(last=False)
        fresh = []
        for event_id in dict.fromkeys(event_ids):
            if event_id in self._seen:
                continue
            self._seen[event_id] = now + self.ttl_s
            fresh.append(event_id)
        while len(self._seen) > MAX_SEEN:
            self._seen.popitem(last=False)
        return fresh


class RedisSeenEvents:
    """Shared by replicas: `SET NX EX` marks an id atomically, so exactly one replica processes it."""

    def __init__(self, redis: Any, namespace: str, ttl_s: float = SEEN_TTL_S) -> None:
        self.redis = redis
        self.prefix = f"{namespace}:webhook-seen:"
        self.ttl_s = int(ttl_s)

    async def first_time(self, event_ids: Sequence[str]) -> list[str]:
        fresh = []
        for event_id in dict.fromkeys(event_ids):
            if await self.redis.set(self.prefix + event_id, b"1", nx=True, ex=self.ttl_s):
                fresh.append(event_id)
        return fresh

    async def close(self) -> None:
        await self.redis.aclose()


__all__ = ["MAX_SEEN", "SEEN_TTL_S", "MemorySeenEvents", "RedisSeenEvents", "SeenEvents"]
