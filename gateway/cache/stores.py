"""aiocache stores behind the source cache: in-process memory by default, Redis when configured."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from aiocache import RedisCache, SimpleMemoryCache
from aiocache.serializers import NullSerializer

from .serialization import EntrySerializer

STORE_TIMEOUT_S = 0.25
"""A cache that takes longer than this counts as a miss: a slow Redis must not slow requests down."""


def memory_store(namespace: str) -> Any:
    # Values are frozen dataclasses, so the memory store may hand out the very object it holds.
    return SimpleMemoryCache(serializer=NullSerializer(), namespace=namespace, timeout=STORE_TIMEOUT_S)


def redis_store(url: str, namespace: str) -> Any:
    """A Redis store; entries are tagged JSON (`gateway.cache.serialization`), which reading cannot execute."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss"):
        raise ValueError(
            f"cache.redis_url must be a redis:// or rediss:// URL, not {parts.scheme or 'empty'}"
        )
    db = int(parts.path.lstrip("/") or 0)
    return RedisCache(
        serializer=EntrySerializer(),
        namespace=namespace,
        timeout=STORE_TIMEOUT_S,
        endpoint=parts.hostname or "127.0.0.1",
        port=parts.port or 6379,
        db=db,
        password=parts.password,
        ssl=parts.scheme == "rediss",
        create_connection_timeout=STORE_TIMEOUT_S,
    )


__all__ = ["STORE_TIMEOUT_S", "memory_store", "redis_store"]
