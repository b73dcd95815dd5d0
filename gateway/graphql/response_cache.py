"""Whole responses of public queries, kept in process for as long as their freshest source allows.

A storefront's listing pages are the same few documents with the same variables, asked thousands
of times a minute. The source cache already spares the backends; this spares the execution too: a
hit is one hash and one dictionary lookup. Only clean answers are kept (no errors, nothing stale,
no fallback) and only for the shortest TTL of the data classes they were built from, so a cached
response is never older than the values it contains could be.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

import orjson


def response_key(query: str, variables: Mapping[str, Any] | None, operation_name: str | None) -> str:
    digest = hashlib.blake2b(query.encode(), digest_size=16)
    if variables:
        digest.update(b"\0")
        digest.update(orjson.dumps(variables, option=orjson.OPT_SORT_KEYS))
    if operation_name:
        digest.update(b"\0")
        digest.update(operation_name.encode())
    return digest.hexdigest()


class ResponseCache:
    """An LRU of encoded response bodies with a deadline each."""

    def __init__(self, max_entries: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_entries = max_entries
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> bytes | None:
        entry = self._entries.get(key)
        if entry is None or entry[0] <= self._clock():
            if entry is not None:
                del self._entries[key]
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry[1]

    def put(self, key: str, body: bytes, ttl_s: float) -> None:
        if ttl_s <= 0:
            return
        self._entries[key] = (self._clock() + ttl_s, body)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()


__all__ = ["ResponseCache", "response_key"]
