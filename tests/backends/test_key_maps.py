"""The key maps resolve what webhooks name to SKUs: per process in memory, shared through Redis."""

from __future__ import annotations

import socket
import uuid

import pytest
from redis.asyncio import Redis

from gateway.backends.key_maps import KeyMapUnavailable, MemoryKeyMap, RedisKeyMap

REDIS_URL = "redis://127.0.0.1:6379/0"


async def test_memory_adds_skus_to_a_name() -> None:
    keys = MemoryKeyMap()
    await keys.record({"model-1": ["A", "B"]})
    await keys.record({"model-1": ["C"], "model-2": ["D"]})

    assert await keys.skus("model-1") == {"A", "B", "C"}
    assert await keys.skus("model-2") == {"D"}
    assert await keys.skus("unknown") == set()


async def test_redis_shares_what_one_replica_recorded_with_another() -> None:
    namespace = f"test-{uuid.uuid4().hex}"
    async with Redis.from_url(REDIS_URL) as one, Redis.from_url(REDIS_URL) as other:
        writer, reader = (
            RedisKeyMap(one, namespace, "odoo-product"),
            RedisKeyMap(other, namespace, "odoo-product"),
        )
        await writer.record({"17": ["TEE-1"]})
        await writer.record({"17": ["TEE-1-RENAMED"], "18": []})

        assert await reader.skus("17") == {"TEE-1", "TEE-1-RENAMED"}
        assert await reader.skus("18") == set()
        assert await RedisKeyMap(other, namespace, "akeneo-uuid").skus("17") == set(), "kinds are apart"
        assert 0 < await other.ttl(f"{namespace}:key-map:odoo-product:17") <= writer.ttl_s


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


async def test_an_unreachable_redis_loses_records_and_refuses_lookups() -> None:
    async with Redis.from_url(f"redis://127.0.0.1:{_closed_port()}/0", socket_connect_timeout=0.5) as down:
        keys = RedisKeyMap(down, "test", "odoo-product")
        await keys.record({"17": ["TEE-1"]})  # a read of the vendor must not fail for it

        with pytest.raises(KeyMapUnavailable):
            await keys.skus("17")
