"""Fixed windows per client: counted in memory per process, or in Redis for every replica at once."""

from __future__ import annotations

import uuid

import pytest
from redis.asyncio import Redis

from gateway.clients.rate_limits import MemoryRateLimiter, RedisRateLimiter
from gateway.config import RateLimitSection

LIMIT = RateLimitSection(requests=2, window_s=10)


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


async def test_memory_allows_the_limit_then_says_how_long_to_wait() -> None:
    clock = Clock()
    limiter = MemoryRateLimiter(clock)

    assert await limiter.hit("client:a", LIMIT) is None
    clock.now += 3
    assert await limiter.hit("client:a", LIMIT) is None
    clock.now += 1
    assert await limiter.hit("client:a", LIMIT) == pytest.approx(6.0)
    assert await limiter.hit("client:b", LIMIT) is None  # each key counts its own

    clock.now += 6
    assert await limiter.hit("client:a", LIMIT) is None  # a new window


async def test_redis_counts_across_limiters_on_one_server() -> None:
    clock = Clock()
    namespace = f"test-{uuid.uuid4().hex}"
    first = RedisRateLimiter(Redis.from_url("redis://127.0.0.1:6379/0"), namespace, clock)
    second = RedisRateLimiter(Redis.from_url("redis://127.0.0.1:6379/0"), namespace, clock)
    try:
        assert await first.hit("client:a", LIMIT) is None
        assert await second.hit("client:a", LIMIT) is None
        assert await first.hit("client:a", LIMIT) == pytest.approx(10.0)
        ttl = await first.redis.ttl(f"{namespace}:rate:client:a:100")
        assert 0 < ttl <= 11  # the count expires with its window
    finally:
        await first.close()
        await second.close()


async def test_an_unreachable_redis_lets_requests_through() -> None:
    # Port 1 refuses at once: the storefront must not fall with its rate limiter.
    limiter = RedisRateLimiter.from_url("redis://127.0.0.1:1/0", "test")
    try:
        for _ in range(5):
            assert await limiter.hit("client:a", LIMIT) is None
    finally:
        await limiter.close()
