"""Remembers which webhook events were processed: vendors deliver at least once, and retry.

The endpoint asks which of a delivery's event ids are `unseen`, applies the delivery, and only
then `mark_seen`s them, so a delivery whose effects failed is processed again when it is retried.
Checking and marking are two steps, not a claim: two processes given the same delivery at once
may both apply it, which the effects (idempotent cache invalidations) allow.

Where the ids are kept:

- `RedisSeenEvents` whenever Redis is configured (`cache.backend: redis`): every replica and
  every restart sees the same ids, for `SEEN_TTL_S`.
- `SqliteSeenEvents` (`gateway.webhooks.sqlite_seen`), the default without Redis: a file in
  `server.state_dir` that every worker process on the machine shares and a restart keeps, so a
  vendor's retry of a delivery already applied is recognised after a crash or a deploy.
- `MemorySeenEvents` when chosen (`webhooks.dedupe: memory`): one process's memory, forgotten
  on restart and not shared, so a repeat reaching another process or arriving after a restart is
  applied again.

A store that cannot be reached raises `StoreUnavailable`; the endpoint then answers 503 so that
the vendor retries later, and no delivery is acknowledged unprocessed.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialWithJitterBackoff
from redis.exceptions import RedisError

SEEN_TTL_S = 24 * 3600.0
"""Vendors retry for hours (Shopify: 4 h, Akeneo: 35 min, HubSpot and Intercom: days at most)."""
MAX_SEEN = 100_000
"""Event ids kept in memory at most; the oldest go first."""
REDIS_TIMEOUT_S = 0.5
"""Vendors wait about five seconds for an answer: a Redis that is down must fail well within them."""


class StoreUnavailable(Exception):
    """The store of seen event ids cannot be reached: the delivery must be retried later."""


class SeenEvents(Protocol):
    async def unseen(self, event_ids: Sequence[str]) -> list[str]:
        """The ids not marked seen, each once, in order; raises `StoreUnavailable`."""
        ...

    async def mark_seen(self, event_ids: Sequence[str]) -> None:
        """Remember the ids for the TTL, once their delivery took effect; raises `StoreUnavailable`."""
        ...


class MemorySeenEvents:
    """This process's memory of event ids (see the module docstring for what that means)."""

    def __init__(self, ttl_s: float = SEEN_TTL_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl_s = ttl_s
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()

    def _expire(self) -> None:
        now = self._clock()
        while self._seen and next(iter(self._seen.values())) <= now:
            self._seen.popitem(last=False)

    async def unseen(self, event_ids: Sequence[str]) -> list[str]:
        self._expire()
        return [event_id for event_id in dict.fromkeys(event_ids) if event_id not in self._seen]

    async def mark_seen(self, event_ids: Sequence[str]) -> None:
        expires = self._clock() + self.ttl_s
        for event_id in event_ids:
            self._seen[event_id] = expires
            self._seen.move_to_end(event_id)
        while len(self._seen) > MAX_SEEN:
            self._seen.popitem(last=False)


class RedisSeenEvents:
    """Shared by replicas and kept across restarts: one key per event id, expiring after the TTL."""

    def __init__(self, redis: Any, namespace: str, ttl_s: float = SEEN_TTL_S) -> None:
        self.redis = redis
        self.prefix = f"{namespace}:webhook-seen:"
        self.ttl_s = int(ttl_s)

    @classmethod
    def from_url(cls, url: str, namespace: str) -> RedisSeenEvents:
        """A store on the Redis at `url`, with timeouts and retries that fit in a vendor's patience."""
        retry = Retry(ExponentialWithJitterBackoff(base=0.01, cap=0.1), retries=2)
        client = Redis.from_url(
            url, socket_timeout=REDIS_TIMEOUT_S, socket_connect_timeout=REDIS_TIMEOUT_S, retry=retry
        )
        return cls(client, namespace)

    async def unseen(self, event_ids: Sequence[str]) -> list[str]:
        distinct = list(dict.fromkeys(event_ids))
        if not distinct:
            return []
        try:
            found = await self.redis.mget([self.prefix + event_id for event_id in distinct])
        except (RedisError, OSError) as exc:
            raise StoreUnavailable(f"Redis did not answer: {exc}") from exc
        return [event_id for event_id, value in zip(distinct, found, strict=True) if value is None]

    async def mark_seen(self, event_ids: Sequence[str]) -> None:
        if not event_ids:
            return
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                for event_id in event_ids:
                    pipe.set(self.prefix + event_id, b"1", ex=self.ttl_s)
                await pipe.execute()
        except (RedisError, OSError) as exc:
            raise StoreUnavailable(f"Redis did not answer: {exc}") from exc

    async def close(self) -> None:
        await self.redis.aclose()


__all__ = [
    "MAX_SEEN",
    "REDIS_TIMEOUT_S",
    "SEEN_TTL_S",
    "MemorySeenEvents",
    "RedisSeenEvents",
    "SeenEvents",
    "StoreUnavailable",
]
