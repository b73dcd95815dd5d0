"""What every store of seen event ids promises the endpoint, checked on memory, SQLite and Redis alike."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from gateway.webhooks.dedupe import MemorySeenEvents, RedisSeenEvents, SeenEvents
from gateway.webhooks.sqlite_seen import SEEN_FILE, SqliteSeenEvents

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture(params=["memory", "sqlite", "redis"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[SeenEvents]:
    match request.param:
        case "memory":
            yield MemorySeenEvents()
        case "sqlite":
            sqlite = await SqliteSeenEvents.open(tmp_path / SEEN_FILE)
            yield sqlite
            await sqlite.close()
        case _:
            namespace = f"test-seen-stores-{uuid.uuid4().hex}"
            redis = RedisSeenEvents.from_url(REDIS_URL, namespace)
            yield redis
            keys = [key async for key in redis.redis.scan_iter(match=f"{namespace}:*")]
            if keys:
                await redis.redis.delete(*keys)
            await redis.close()


async def test_nothing_is_seen_before_it_is_marked(store: SeenEvents) -> None:
    ids = ["shopify:1", "hubspot:1", "akeneo:e-1"]

    assert await store.unseen(ids) == ids


async def test_marked_ids_are_seen_and_the_rest_are_not(store: SeenEvents) -> None:
    await store.mark_seen(["shopify:1", "hubspot:7"])

    assert await store.unseen(["hubspot:8", "shopify:1", "hubspot:7", "intercom:1"]) == [
        "hubspot:8",
        "intercom:1",
    ]


async def test_a_repeated_id_is_answered_once_in_its_first_place(store: SeenEvents) -> None:
    assert await store.unseen(["hubspot:2", "hubspot:1", "hubspot:2", "hubspot:1"]) == [
        "hubspot:2",
        "hubspot:1",
    ]


async def test_the_same_id_from_two_vendors_is_two_events(store: SeenEvents) -> None:
    await store.mark_seen(["shopify:42"])

    assert await store.unseen(["shopify:42", "hubspot:42", "42"]) == ["hubspot:42", "42"]


async def test_no_ids_ask_nothing(store: SeenEvents) -> None:
    await store.mark_seen([])

    assert await store.unseen([]) == []


async def test_marking_twice_is_harmless(store: SeenEvents) -> None:
    await store.mark_seen(["akeneo:e-1", "akeneo:e-1"])
    await store.mark_seen(["akeneo:e-1"])

    assert await store.unseen(["akeneo:e-1", "akeneo:e-2"]) == ["akeneo:e-2"]
