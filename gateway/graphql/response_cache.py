"""Whole responses of public queries, kept in process for as long as their freshest source allows.

A storefront's listing pages are the same few documents with the same variables, asked thousands
of times a minute. The source cache already spares the backends; this spares the execution too: a
hit is one hash and one dictionary lookup. Only clean answers are kept (no errors, nothing stale,
no fallback) and only for the shortest TTL of the data classes they were built from, so a cached
response is never older than the values it contains could be.

Each entry is indexed by the (data class, key) pairs it was built from (the SKUs whose content
and stock it read), so a webhook about one SKU drops the responses that showed it and keeps the
others.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import orjson

BuiltFrom = frozenset[tuple[str, str]]
"""The (data class, key) pairs a response was built from, e.g. `("stock", "TEE-00001-BLK-M")`."""


def response_key(
    query: str,
    variables: Mapping[str, Any] | None,
    operation_name: str | None,
    scopes: frozenset[str] = frozenset(),
) -> str:
    digest = hashlib.blake2b(query.encode(), digest_size=16)
    if scopes:
        digest.update(b"\0scopes:")
        digest.update(" ".join(sorted(scopes)).encode())
    if variables:
        digest.update(b"\0")
        digest.update(orjson.dumps(variables, option=orjson.OPT_SORT_KEYS))
    if operation_name:
        digest.update(b"\0")
        digest.update(operation_name.encode())
    return digest.hexdigest()


class ResponseCache:
    """An LRU of encoded response bodies with a deadline each, indexed by the values they hold."""

    def __init__(self, max_entries: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_entries = max_entries
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, bytes, BuiltFrom]] = OrderedDict()
        self._by_value: dict[tuple[str, str], set[str]] = {}
        """Responses by each (data class, key) they were built from."""
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> bytes | None:
        entry = self._entries.get(key)
        if entry is None or entry[0] <= self._clock():
            if entry is not None:
                self._remove(key)
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry[1]

    def put(self, key: str, body: bytes, ttl_s: float, built_from: BuiltFrom = frozenset()) -> None:
        if ttl_s <= 0:
            return
        if key in self._entries:
            self._remove(key)
        self._entries[key] = (self._clock() + ttl_s, body, built_from)
        for value in built_from:
            self._by_value.setdefault(value, set()).add(key)
        while len(self._entries) > self.max_entries:
            self._remove(next(iter(self._entries)))

    def drop(self, data_class: str, keys: Iterable[str]) -> int:
        """Forget the responses built from any of these values; how many were dropped."""
        stale = set[str]().union(*(self._by_value.get((data_class, key), ()) for key in keys))
        for key in stale:
            self._remove(key)
        return len(stale)

    def clear(self) -> None:
        self._entries.clear()
        self._by_value.clear()

    def _remove(self, key: str) -> None:
        _, _, built_from = self._entries.pop(key)
        for value in built_from:
            holders = self._by_value.get(value)
            if holders is not None:
                holders.discard(key)
                if not holders:
                    del self._by_value[value]

    def __len__(self) -> int:
        return len(self._entries)


__all__ = ["BuiltFrom", "ResponseCache", "response_key"]
