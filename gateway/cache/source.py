"""Backend results cached by data class, with one fetch in flight per key and stale-on-error.

Each data class (content, catalog, prices, stock, orders) has a TTL: within it a cached value is served
as is. Past it, the value is refetched; if the backend then fails and the value is younger than
TTL + `max_stale_s`, the stale value is served and the caller is told so. Concurrent loads of the
same key share one backend fetch ("no stampede"): the first caller fetches, the others await it.

```python
cache = SourceCache(memory_store("gw"), {DataClass.STOCK: CachePolicy(5, 300)})
outcomes = await cache.load_many(DataClass.STOCK, skus, fetch_stock)  # fetch gets only the misses
```
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

log = logging.getLogger("gateway.cache")

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


FORMAT = "f2"
"""The cached values' format (`gateway.cache.serialization`), first in every key: a new format, or
a change of the models it encodes, starts from an empty cache instead of misreading old entries."""


class DataClass(StrEnum):
    CONTENT = "content"
    CATALOG = "catalog"
    PRICES = "prices"
    STOCK = "stock"
    PROFILE = "profile"
    CONVERSATIONS = "conversations"
    ORDERS = "orders"
    """What the ERP holds of a Shopify order: its fulfilment and its invoices."""


class CacheUnavailable(Exception):
    """The cache store failed a change the caller needs made (an invalidation)."""


@dataclass(frozen=True, slots=True)
class CachePolicy:
    ttl_s: float
    max_stale_s: float


@dataclass(frozen=True, slots=True)
class Entry:
    value: Any
    """The cached value; `None` records that the backend has no such key (a cached miss)."""
    stored_at: float
    """Wall-clock time, so that replicas sharing a Redis agree on an entry's age."""


@dataclass(frozen=True, slots=True)
class Fresh(Generic[V]):
    value: V | None
    cached: bool


@dataclass(frozen=True, slots=True)
class Stale(Generic[V]):
    value: V | None
    age_s: float
    error: Exception


@dataclass(frozen=True, slots=True)
class Unavailable:
    error: Exception


Outcome = Fresh[V] | Stale[V] | Unavailable

Fetch = Callable[[list[K]], Awaitable[Mapping[K, V]]]


def _prefix(data_class: DataClass, scope: str) -> str:
    return f"{FORMAT}:{data_class}:{scope}:" if scope else f"{FORMAT}:{data_class}:"


class SourceCache:
    """Per-data-class TTL cache over an aiocache store, shared by every request of a process."""

    def __init__(
        self,
        store: Any,
        policies: Mapping[DataClass, CachePolicy],
        *,
        is_backend_error: Callable[[Exception], bool] = lambda exc: True,
        clock: Callable[[], float] = time.time,
        scopes: Mapping[DataClass, Sequence[str]] | None = None,
    ) -> None:
        """`scopes`: every scope a data class's values may be stored under (content: one per
        locale), so that dropping a key drops it in all of them, whichever replica stored them."""
        self.store = store
        self.policies = dict(policies)
        self.scopes = {data_class: tuple(names) for data_class, names in (scopes or {}).items()}
        self._is_backend_error = is_backend_error
        self._clock = clock
        self._in_flight: dict[str, asyncio.Future[Entry]] = {}
        self.hits = 0
        self.misses = 0

    async def load_many(
        self,
        data_class: DataClass,
        keys: Sequence[K],
        fetch: Fetch[K, V],
        *,
        scope: str = "",
        keep: Callable[[V | None], bool] | None = None,
    ) -> list[Outcome[V]]:
        """One outcome per key, in key order; `fetch` is called at most once, with the keys to refetch.

        `scope` separates values that depend on more than the key (a storefront's country and language).
        `keep` says which fetched values may be stored: the others are served to this load only (an
        answer that carries errors, say, is passed on but never reused).
        """
        policy = self.policies[data_class]
        prefix = _prefix(data_class, scope)
        cache_keys = [prefix + str(key) for key in keys]
        entries = await self._read(cache_keys)
        now = self._clock()
        outcomes: dict[int, Outcome[V]] = {}
        waiting: dict[int, asyncio.Future[Entry]] = {}
        to_fetch: dict[str, tuple[int, K]] = {}
        for index, (key, cache_key, entry) in enumerate(zip(keys, cache_keys, entries, strict=True)):
            if entry is not None and now - entry.stored_at < policy.ttl_s:
                outcomes[index] = Fresh(entry.value, cached=True)
            elif cache_key in self._in_flight:
                waiting[index] = self._in_flight[cache_key]
            elif cache_key not in to_fetch:
                to_fetch[cache_key] = (index, key)
        self.hits += len(outcomes)
        self.misses += len(keys) - len(outcomes)

        if to_fetch:
            await self._fetch(to_fetch, fetch, policy, outcomes, keep)
        for index, future in waiting.items():
            outcomes[index] = await self._await_other(future)

        result: list[Outcome[V]] = []
        for index, (cache_key, entry) in enumerate(zip(cache_keys, entries, strict=True)):
            outcome = outcomes.get(index)
            if outcome is None:  # a duplicate key: same outcome as its first occurrence
                first = cache_keys.index(cache_key)
                outcome = outcomes[first]
            if isinstance(outcome, Unavailable) and entry is not None:
                age = now - entry.stored_at
                if age < policy.ttl_s + policy.max_stale_s:
                    outcome = Stale(entry.value, age, outcome.error)
            result.append(outcome)
        return result

    async def _fetch(
        self,
        to_fetch: dict[str, tuple[int, K]],
        fetch: Fetch[K, V],
        policy: CachePolicy,
        outcomes: dict[int, Outcome[V]],
        keep: Callable[[V | None], bool] | None,
    ) -> None:
        loop = asyncio.get_running_loop()
        futures = {cache_key: loop.create_future() for cache_key in to_fetch}
        self._in_flight.update(futures)
        try:
            try:
                fetched = await fetch([key for _, key in to_fetch.values()])
            except Exception as exc:
                if not self._is_backend_error(exc):
                    raise
                for cache_key, (index, _) in to_fetch.items():
                    outcomes[index] = Unavailable(exc)
                    futures[cache_key].set_exception(exc)
                    futures[cache_key].exception()  # retrieved here, so asyncio never warns about it
                return
            stored_at = self._clock()
            pairs = []
            for cache_key, (index, key) in to_fetch.items():
                entry = Entry(fetched.get(key), stored_at)
                outcomes[index] = Fresh(entry.value, cached=False)
                futures[cache_key].set_result(entry)
                if keep is None or keep(entry.value):
                    pairs.append((cache_key, entry))
            await self._write(pairs, policy.ttl_s + policy.max_stale_s)
        finally:
            for cache_key, future in futures.items():
                if not future.done():
                    future.cancel()
                self._in_flight.pop(cache_key, None)

    @staticmethod
    async def _await_other(future: asyncio.Future[Entry]) -> Outcome[Any]:
        try:
            entry = await asyncio.shield(future)
        except asyncio.CancelledError:
            if future.cancelled():
                return Unavailable(RuntimeError("the shared fetch was cancelled"))
            raise
        except Exception as exc:
            return Unavailable(exc)
        return Fresh(entry.value, cached=True)

    async def invalidate(self, data_class: DataClass, keys: Sequence[Hashable], *, scope: str = "") -> None:
        """Drop cached values; raises `CacheUnavailable` when the store fails.

        Without a `scope`, a key is dropped unscoped and in every scope of the data class's (a
        product's content in every locale). Unlike a failed read or write, a failed delete leaves
        a stale value served for its whole TTL, so the caller (a webhook) must know, and have the
        change sent again later.
        """
        scopes = (scope,) if scope else ("", *self.scopes.get(data_class, ()))
        cache_keys = [_prefix(data_class, name) + str(key) for key in keys for name in scopes]
        # All at once: a SKU's content is held under several scopes, each one round trip to Redis.
        outcomes = await asyncio.gather(*(self.store.delete(k) for k in cache_keys), return_exceptions=True)
        for cache_key, outcome in zip(cache_keys, outcomes, strict=True):
            if isinstance(outcome, Exception):  # the backend's own errors, or TimeoutError
                raise CacheUnavailable(f"the cache could not drop {cache_key}: {outcome!r}") from outcome
            if isinstance(outcome, BaseException):
                raise outcome

    async def _read(self, cache_keys: list[str]) -> list[Entry | None]:
        if not cache_keys:
            return []
        try:
            values = await self.store.multi_get(cache_keys)
        except Exception as exc:  # a cache outage is a miss, never a failed request
            log.warning("cache read failed, treating as misses: %s", exc)
            return [None] * len(cache_keys)
        return [value if isinstance(value, Entry) else None for value in values]

    async def _write(self, pairs: list[tuple[str, Entry]], ttl_s: float) -> None:
        if not pairs or ttl_s <= 0:
            return
        try:
            await self.store.multi_set(pairs, ttl=ttl_s)
        except Exception as exc:
            log.warning("cache write failed: %s", exc)

    async def close(self) -> None:
        try:
            await self.store.close()
        except Exception as exc:
            log.warning("cache close failed: %s", exc)


__all__ = [
    "CachePolicy",
    "CacheUnavailable",
    "DataClass",
    "Fresh",
    "Outcome",
    "SourceCache",
    "Stale",
    "Unavailable",
]
