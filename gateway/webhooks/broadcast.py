"""Tells every gateway process of the changes a webhook reported, so each drops what it holds.

The source cache and the key maps are shared when Redis is configured, but every process keeps
its own response cache; a webhook reaches one process. So the process that applied a delivery
`publish`es its changes:

- `LocalInvalidations` (memory cache: one process) applies them here and now.
- `RedisInvalidations` applies them here and now too (the answer after the 200 is fresh), then
  publishes them on `{namespace}:invalidations`; every other process, subscribed since its
  start, applies them on receipt. A process skips its own messages by their origin id.

Pub/sub delivers only to connected subscribers: a process whose subscription broke may have
missed changes, so on reconnecting it forgets its whole response cache (`forget_all`). A publish
that fails raises `StoreUnavailable`: the endpoint answers 503 and the vendor retries.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import orjson
from redis.asyncio import Redis
from redis.exceptions import RedisError

from gateway.graphql.response_cache import ResponseCache
from gateway.models.webhooks import Change, ContentChanged, ConversationsChanged, ProfileChanged, StockChanged

from .dedupe import REDIS_TIMEOUT_S, StoreUnavailable
from .stale import stale_values

log = logging.getLogger("gateway.webhooks.broadcast")

Forget = Callable[[Sequence[Change]], None]
"""Drops this process's state made stale by changes."""

RECONNECT_S = (0.1, 0.5, 2.0)
"""Waits between attempts to subscribe again (the last one repeats)."""

_KINDS: dict[str, type[Change]] = {
    "stock": StockChanged,
    "content": ContentChanged,
    "profile": ProfileChanged,
    "conversations": ConversationsChanged,
}


def forget_responses(responses: ResponseCache | None) -> Forget:
    """Drop the cached responses built from the changed values (nothing without a response cache)."""

    def forget(changes: Sequence[Change]) -> None:
        if responses is None:
            return
        for change in changes:
            data_class, keys = stale_values(change)
            responses.drop(data_class.value, keys)

    return forget


def encode(origin: str, changes: Sequence[Change]) -> bytes:
    kinds = {kind: name for name, kind in _KINDS.items()}
    return orjson.dumps(
        {
            "origin": origin,
            "changes": [{"kind": kinds[type(c)], "keys": list(stale_values(c)[1])} for c in changes],
        }
    )


def decode(message: bytes) -> tuple[str, tuple[Change, ...]]:
    """The origin and changes of a message; `ValueError` when it is not one of ours."""
    try:
        payload = orjson.loads(message)
        changes = tuple(
            # `skus`: what replicas of an earlier version send, during a rolling deploy.
            _KINDS[item["kind"]](tuple(str(key) for key in item.get("keys", item.get("skus"))))
            for item in payload["changes"]
        )
        return str(payload["origin"]), changes
    except (orjson.JSONDecodeError, KeyError, TypeError) as exc:
        raise ValueError(f"not an invalidation message: {exc}") from exc


class Invalidations(Protocol):
    async def publish(self, changes: Sequence[Change]) -> None:
        """Apply the changes in every process; raises `StoreUnavailable` when they cannot be sent."""
        ...


class LocalInvalidations:
    """One process: applying the changes here reaches every holder of state."""

    def __init__(self, forget: Forget) -> None:
        self.forget = forget

    async def publish(self, changes: Sequence[Change]) -> None:
        if changes:
            self.forget(changes)


class RedisInvalidations:
    """Every process on one Redis and namespace: changes travel on a pub/sub channel."""

    def __init__(
        self, publisher: Any, subscriber: Any, namespace: str, forget: Forget, forget_all: Callable[[], None]
    ) -> None:
        self.publisher = publisher
        self.subscriber = subscriber
        self.channel = f"{namespace}:invalidations"
        self.forget = forget
        self.forget_all = forget_all
        self.origin = uuid.uuid4().hex
        self._task: asyncio.Task[None] | None = None

    @classmethod
    def from_url(
        cls, url: str, namespace: str, forget: Forget, forget_all: Callable[[], None]
    ) -> RedisInvalidations:
        publisher = Redis.from_url(
            url, socket_timeout=REDIS_TIMEOUT_S, socket_connect_timeout=REDIS_TIMEOUT_S
        )
        # The subscription waits for messages as long as there are none: no read timeout, but a
        # periodic ping so that a dead connection is noticed.
        subscriber = Redis.from_url(url, socket_connect_timeout=REDIS_TIMEOUT_S, health_check_interval=10)
        return cls(publisher, subscriber, namespace, forget, forget_all)

    async def publish(self, changes: Sequence[Change]) -> None:
        if not changes:
            return
        self.forget(changes)
        try:
            await self.publisher.publish(self.channel, encode(self.origin, changes))
        except (RedisError, OSError) as exc:
            raise StoreUnavailable(f"Redis did not answer: {exc}") from exc

    async def start(self) -> None:
        """Subscribe before the app serves, so no change published after start is missed; then listen.

        A Redis that is down does not stop the gateway from starting: the listener keeps trying.
        """
        self._task = asyncio.create_task(self._listen(await self._subscribe()), name="invalidations")

    async def _subscribe(self) -> Any | None:
        pubsub = self.subscriber.pubsub(ignore_subscribe_messages=True)
        try:
            await pubsub.subscribe(self.channel)
        except (RedisError, OSError) as exc:
            log.warning("invalidation channel not subscribed, retrying: %s", exc)
            with contextlib.suppress(RedisError, OSError):
                await pubsub.aclose()
            return None
        return pubsub

    async def _listen(self, pubsub: Any | None) -> None:
        failures = 0
        while True:
            if pubsub is not None:
                try:
                    async for message in pubsub.listen():
                        failures = 0
                        self._receive(message)
                except (RedisError, OSError) as exc:
                    log.warning("invalidation channel lost, resubscribing: %s", exc)
                with contextlib.suppress(RedisError, OSError):
                    await pubsub.aclose()
            await asyncio.sleep(RECONNECT_S[min(failures, len(RECONNECT_S) - 1)])
            failures += 1
            pubsub = await self._subscribe()
            if pubsub is not None:
                # Changes published while there was no subscription were missed: forget everything.
                self.forget_all()

    def _receive(self, message: Any) -> None:
        if message.get("type") != "message":
            return
        try:
            origin, changes = decode(message["data"])
        except ValueError as exc:
            log.warning("invalidation message ignored: %s", exc)
            return
        if origin != self.origin:
            self.forget(changes)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.subscriber.aclose()
        await self.publisher.aclose()


__all__ = [
    "Forget",
    "Invalidations",
    "LocalInvalidations",
    "RedisInvalidations",
    "decode",
    "encode",
    "forget_responses",
]
