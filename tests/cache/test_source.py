from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from gateway.cache import CachePolicy, DataClass, Fresh, SourceCache, Stale, Unavailable
from gateway.cache.source import CacheUnavailable
from gateway.cache.stores import memory_store, redis_store


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


class Backend:
    """Counts fetches and can fail on demand, like a backend behind a connector."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.failing = False
        self.delay = 0.0

    async def fetch(self, keys: list[str]) -> dict[str, str]:
        self.calls.append(list(keys))
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.failing:
            raise ConnectionError("backend down")
        return {key: f"value-{key}" for key in keys if not key.startswith("missing")}


POLICIES = {DataClass.STOCK: CachePolicy(ttl_s=5, max_stale_s=60)}


@pytest.fixture(params=["memory", "redis"])
async def store(request: pytest.FixtureRequest) -> AsyncIterator[Any]:
    namespace = f"test-{uuid.uuid4().hex}"
    store = (
        memory_store(namespace)
        if request.param == "memory"
        else redis_store("redis://127.0.0.1:6379/0", namespace)
    )
    yield store
    await store.close()


async def test_second_load_is_served_from_the_cache(store: Any) -> None:
    # given
    backend, clock = Backend(), Clock()
    cache = SourceCache(store, POLICIES, clock=clock)

    # when
    first = await cache.load_many(DataClass.STOCK, ["a", "b"], backend.fetch)
    second = await cache.load_many(DataClass.STOCK, ["a", "b", "c"], backend.fetch)

    # then
    assert first == [Fresh("value-a", cached=False), Fresh("value-b", cached=False)]
    assert second[:2] == [Fresh("value-a", cached=True), Fresh("value-b", cached=True)]
    assert backend.calls == [["a", "b"], ["c"]]


async def test_missing_keys_are_cached_as_misses(store: Any) -> None:
    backend = Backend()
    cache = SourceCache(store, POLICIES, clock=Clock())

    await cache.load_many(DataClass.STOCK, ["missing-1"], backend.fetch)
    again = await cache.load_many(DataClass.STOCK, ["missing-1"], backend.fetch)

    assert again == [Fresh(None, cached=True)]
    assert backend.calls == [["missing-1"]]


async def test_expired_values_are_refetched(store: Any) -> None:
    backend, clock = Backend(), Clock()
    cache = SourceCache(store, POLICIES, clock=clock)
    await cache.load_many(DataClass.STOCK, ["a"], backend.fetch)

    clock.now += 6
    outcome = await cache.load_many(DataClass.STOCK, ["a"], backend.fetch)

    assert outcome == [Fresh("value-a", cached=False)]
    assert len(backend.calls) == 2


async def test_stale_value_is_served_when_the_backend_fails(store: Any) -> None:
    backend, clock = Backend(), Clock()
    cache = SourceCache(store, POLICIES, clock=clock)
    await cache.load_many(DataClass.STOCK, ["a"], backend.fetch)

    backend.failing = True
    clock.now += 30
    within_window = await cache.load_many(DataClass.STOCK, ["a", "b"], backend.fetch)

    assert isinstance(within_window[0], Stale)
    assert within_window[0].value == "value-a"
    assert within_window[0].age_s == pytest.approx(30)
    assert isinstance(within_window[1], Unavailable)

    clock.now += 60
    past_window = await cache.load_many(DataClass.STOCK, ["a"], backend.fetch)
    assert isinstance(past_window[0], Unavailable)


async def test_concurrent_loads_share_one_fetch(store: Any) -> None:
    backend = Backend()
    backend.delay = 0.05
    cache = SourceCache(store, POLICIES, clock=Clock())

    results = await asyncio.gather(
        *(cache.load_many(DataClass.STOCK, ["a", "b"], backend.fetch) for _ in range(5)),
        cache.load_many(DataClass.STOCK, ["b", "c"], backend.fetch),
    )

    fetched_keys = sorted(key for call in backend.calls for key in call)
    assert fetched_keys == ["a", "b", "c"]
    assert all(result[0].value == "value-a" for result in results[:5])  # type: ignore[union-attr]
    assert results[5][1] == Fresh("value-c", cached=False)


async def test_a_failed_shared_fetch_fails_every_waiter(store: Any) -> None:
    backend = Backend()
    backend.delay = 0.05
    backend.failing = True
    cache = SourceCache(store, POLICIES, clock=Clock())

    results = await asyncio.gather(
        *(cache.load_many(DataClass.STOCK, ["a"], backend.fetch) for _ in range(3))
    )

    assert len(backend.calls) == 1
    assert all(isinstance(result[0], Unavailable) for result in results)


async def test_invalidation_drops_a_key_in_every_scope_of_its_data_class(store: Any) -> None:
    # given: content cached per locale, one replica's keys in two locales and an unscoped one
    backend = Backend()
    policies = {DataClass.CONTENT: CachePolicy(ttl_s=60, max_stale_s=0)}
    cache = SourceCache(store, policies, clock=Clock(), scopes={DataClass.CONTENT: ["en_US", "fr_FR"]})
    for scope in ("en_US", "fr_FR", ""):
        await cache.load_many(DataClass.CONTENT, ["a", "b"], backend.fetch, scope=scope)

    # when: a change of "a" names no locale
    await cache.invalidate(DataClass.CONTENT, ["a"])

    # then: "a" is fetched again in every scope, "b" is still cached in each
    backend.calls.clear()
    for scope in ("en_US", "fr_FR", ""):
        outcomes = await cache.load_many(DataClass.CONTENT, ["a", "b"], backend.fetch, scope=scope)
        assert outcomes == [Fresh("value-a", cached=False), Fresh("value-b", cached=True)]
    assert backend.calls == [["a"], ["a"], ["a"]]


async def test_invalidation_in_one_scope_keeps_the_others(store: Any) -> None:
    backend = Backend()
    policies = {DataClass.CONTENT: CachePolicy(ttl_s=60, max_stale_s=0)}
    cache = SourceCache(store, policies, clock=Clock(), scopes={DataClass.CONTENT: ["en_US", "fr_FR"]})
    for scope in ("en_US", "fr_FR"):
        await cache.load_many(DataClass.CONTENT, ["a"], backend.fetch, scope=scope)

    await cache.invalidate(DataClass.CONTENT, ["a"], scope="en_US")

    backend.calls.clear()
    await cache.load_many(DataClass.CONTENT, ["a"], backend.fetch, scope="fr_FR")
    await cache.load_many(DataClass.CONTENT, ["a"], backend.fetch, scope="en_US")
    assert backend.calls == [["a"]]


async def test_an_invalidation_the_store_cannot_make_is_reported() -> None:
    store = redis_store("redis://127.0.0.1:1/0", "unreachable")
    policies = {DataClass.CONTENT: CachePolicy(ttl_s=60, max_stale_s=0)}
    cache = SourceCache(store, policies, clock=Clock(), scopes={DataClass.CONTENT: ["en_US", "fr_FR"]})

    with pytest.raises(CacheUnavailable, match="could not drop"):
        await cache.invalidate(DataClass.CONTENT, ["a"])
    await cache.close()


async def test_an_unreachable_redis_is_a_miss_not_a_failure() -> None:
    store = redis_store("redis://127.0.0.1:1/0", "unreachable")
    backend = Backend()
    cache = SourceCache(store, POLICIES, clock=Clock())

    outcome = await cache.load_many(DataClass.STOCK, ["a"], backend.fetch)

    assert outcome == [Fresh("value-a", cached=False)]
    await cache.close()


def test_redis_url_must_be_redis() -> None:
    with pytest.raises(ValueError, match="redis://"):
        redis_store("http://127.0.0.1:6379", "x")
