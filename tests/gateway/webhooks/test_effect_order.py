"""A delivery is marked seen only once its invalidation took effect; a failed one gets 503 and comes back.

Redis here is a server of the test's own whose default user is, for one delivery, denied the cache's
keys but not the dedupe store's: the invalidation fails while the store that would mark the event
seen still works, which is exactly the ordering in question.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from sandbox.runner import Sandbox
from sandbox.seed import World
from tests.harness import Gateway, running_gateway

from .conftest import webhook_config
from .deliveries import Deliveries, akeneo_body
from .pim_edits import edit_description
from .private_redis import private_redis

CONTENT = """query($handle: String!) @inContext(language: FR) { product(handle: $handle) { content { description } } }"""
NAMESPACE = "effect-order"


@pytest.fixture
async def redis_url() -> AsyncIterator[str]:
    async with private_redis() as url:
        yield url


@pytest.fixture
async def redis_gateway(hooked_sandbox: Sandbox, redis_url: str) -> AsyncIterator[Gateway]:
    cache = {"cache": {"backend": "redis", "redis_url": redis_url, "namespace": NAMESPACE}}
    async with running_gateway(webhook_config(hooked_sandbox, cache)) as gateway:
        yield gateway


async def _description(gateway: Gateway, handle: str) -> str:
    data = await gateway.data(CONTENT, {"handle": handle})
    description: str = data["product"]["content"]["description"]
    return description


async def test_a_failed_invalidation_is_not_marked_seen_and_its_retry_applies(
    redis_gateway: Gateway, redis_url: str, hooked_sandbox: Sandbox, shop: World
) -> None:
    product = next(p for p in shop.products if p.published)
    deliveries = Deliveries(hooked_sandbox, redis_gateway.url)
    before = await _description(redis_gateway, product.handle)  # now cached, for ten minutes
    edited = f"Revu {uuid.uuid4().hex[:8]}."
    await edit_description(hooked_sandbox, product.handle, edited)
    body = akeneo_body(str(uuid.uuid4()), model=product.handle)

    async with Redis.from_url(redis_url) as admin:
        # The default user keeps the dedupe store's keys only: deleting a cached value fails.
        await admin.acl_setuser(
            "default", enabled=True, reset_keys=True, keys=[f"{NAMESPACE}:webhook-seen:*"]
        )
        try:
            failed = await deliveries.post("akeneo", body)
        finally:
            await admin.acl_setuser("default", enabled=True, keys=["*"])

        assert failed.status == 503
        assert int(failed.headers["retry-after"]) > 0
        assert await admin.keys(f"{NAMESPACE}:webhook-seen:*") == []
    assert await _description(redis_gateway, product.handle) == before  # nothing was dropped

    retried = await deliveries.post("akeneo", body)
    again = await deliveries.post("akeneo", body)

    assert (retried.status, retried.json()) == (200, {"accepted": 1, "duplicates": 0})
    assert await _description(redis_gateway, product.handle) == edited
    assert (again.status, again.json()) == (200, {"accepted": 0, "duplicates": 1})
