"""The source cache end to end: shared by replicas through Redis, and per data class."""

from __future__ import annotations

import uuid

from gateway.sandbox.runner import Sandbox

from ..harness import gateway_config, reset_sandbox, running_gateway, sandbox_stats

PAGE = "{ products(first: 10) { nodes { title content { name } variants(first: 3) { nodes { stock { available } } } } } }"


async def test_replicas_share_the_redis_cache(clean_sandbox: Sandbox) -> None:
    # given: two gateways (replicas) on one Redis namespace
    cache = {"backend": "redis", "redis_url": "redis://127.0.0.1:6379/0", "namespace": f"test-{uuid.uuid4().hex}"}
    config = gateway_config(clean_sandbox, cache=cache)
    async with running_gateway(config) as first, running_gateway(config) as second:
        expected = await first.data(PAGE)
        await reset_sandbox(clean_sandbox)

        # when: the other replica answers the same query
        served = await second.data(PAGE)

    # then: from the shared cache, without a single backend call
    assert served == expected
    stats = await sandbox_stats(clean_sandbox)
    assert sum(s["total"] for s in stats.values()) == 0


async def test_each_data_class_keeps_its_own_ttl(clean_sandbox: Sandbox) -> None:
    # stock expires at once, content and catalog stay cached
    config = gateway_config(clean_sandbox, cache={"ttl": {"stock": 0}, "max_stale_s": 0})
    async with running_gateway(config) as gateway:
        await gateway.data(PAGE)
        await reset_sandbox(clean_sandbox)

        await gateway.data(PAGE)

    requests = {vendor: s["requests"] for vendor, s in (await sandbox_stats(clean_sandbox)).items()}
    assert requests["odoo"] == {"POST /json/2/stock.quant/search_read": 1}
    assert requests["shopify"] == {}
    assert requests["akeneo"] == {}
