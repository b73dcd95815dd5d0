"""What webhooks name (a PIM uuid, a product model, an ERP product id) mapped to the SKUs caches key by.

Vendors' notifications name their own records, while cached content and stock are keyed by SKU.
The connectors learn the mapping from the records they read and record it here; a webhook is
then resolved to SKUs without calling the vendor back. Every name may carry several SKUs (a
product model has variants, a renamed identifier leaves its old SKU behind), and dropping one
SKU too many is harmless.

Where the mapping is kept:

- `MemoryKeyMap`, the default, lives in one process: it knows only what this process read.
- `RedisKeyMap` is used whenever Redis is configured (`cache.backend: redis`): every replica
  records into it, so the process a webhook reaches finds SKUs that another process read. Each
  name expires `KEY_MAP_TTL_S` after it was last recorded.

A Redis that cannot be reached loses a recording (logged; reads of the vendor still succeed) and
makes a lookup raise `KeyMapUnavailable`, so the webhook is refused for a later retry.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from redis.exceptions import RedisError

log = logging.getLogger("gateway.backends.key_maps")

KEY_MAP_TTL_S = 7 * 24 * 3600
"""Longer than any cached value lives: a name read once stays resolvable while its values may be cached."""


class KeyMapUnavailable(Exception):
    """The shared key map cannot be reached: what a webhook names cannot be resolved now."""


class KeyMap(Protocol):
    async def record(self, entries: Mapping[str, Iterable[str]]) -> None:
        """Remember that each name carries these SKUs (added to those it already has)."""
        ...

    async def skus(self, name: str) -> set[str]:
        """The SKUs recorded for a name (empty when none); raises `KeyMapUnavailable`."""
        ...


class MemoryKeyMap:
    """This process's mapping: what it read itself."""

    def __init__(self) -> None:
        self._skus: dict[str, set[str]] = {}

    async def record(self, entries: Mapping[str, Iterable[str]]) -> None:
        for name, skus in entries.items():
            self._skus.setdefault(name, set()).update(skus)

    async def skus(self, name: str) -> set[str]:
        return set(self._skus.get(name, ()))


class RedisKeyMap:
    """Shared by every replica: one Redis set per name, under `{namespace}:key-map:{kind}:`."""

    def __init__(self, redis: Any, namespace: str, kind: str, ttl_s: int = KEY_MAP_TTL_S) -> None:
        self.redis = redis
        self.prefix = f"{namespace}:key-map:{kind}:"
        self.ttl_s = ttl_s

    async def record(self, entries: Mapping[str, Iterable[str]]) -> None:
        if not entries:
            return
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                for name, skus in entries.items():
                    members = sorted(set(skus))
                    if members:
                        pipe.sadd(self.prefix + name, *members)
                        pipe.expire(self.prefix + name, self.ttl_s)
                await pipe.execute()
        except (RedisError, OSError) as exc:
            # The read succeeded; only a webhook about these names will miss them (until re-read).
            log.warning("key map %s not recorded: %s", self.prefix, exc)

    async def skus(self, name: str) -> set[str]:
        try:
            members = await self.redis.smembers(self.prefix + name)
        except (RedisError, OSError) as exc:
            raise KeyMapUnavailable(f"Redis did not answer: {exc}") from exc
        return {member.decode() if isinstance(member, bytes) else str(member) for member in members}


__all__ = ["KEY_MAP_TTL_S", "KeyMap", "KeyMapUnavailable", "MemoryKeyMap", "RedisKeyMap"]
