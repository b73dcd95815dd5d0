"""The source cache end to end: shared by replicas through Redis, and per data class."""

from __future__ import annotations

import asyncio
import uuid

from gateway.graphql.response_cache import ResponseCache
from sandbox.runner import Sandbox
from tests.harness import Gateway, gateway_config, reset_sandbox, running_gateway, sandbox_stats, set_faults

PAGE = "{ products(first: 10) { nodes { title content { name } variants(first: 3) { nodes { stock { available } } } } } }"


async def test_replicas_share_the_redis_cache(clean_sandbox: Sandbox) -> None:
    # given: two gateways (replicas) on one Redis namespace
    cache = {
        "backend": "redis",
        "redis_url": "redis://127.0.0.1:6379/0",
        "namespace": f"test-{uuid.uuid4().hex}",
    }
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


def _responses(gateway: Gateway) -> ResponseCache:
    route = next(r for r in gateway.app.routes if getattr(r, "path", "") == "/graphql")
    responses: ResponseCache = route.endpoint.__self__.responses
    return responses


async def test_clean_public_responses_are_reused_until_their_sources_expire(clean_sandbox: Sandbox) -> None:
    config = gateway_config(clean_sandbox, cache={"ttl": {"stock": 0.3}})
    async with running_gateway(config) as gateway:
        responses = _responses(gateway)
        first = await gateway.data(PAGE)
        second = await gateway.data(PAGE)
        assert (responses.hits, second) == (1, first)

        await asyncio.sleep(0.35)  # the stock in it is now older than its TTL
        await gateway.data(PAGE)
        assert responses.hits == 1


async def test_degraded_responses_are_not_reused(clean_sandbox: Sandbox) -> None:
    async with running_gateway(gateway_config(clean_sandbox)) as gateway:
        await set_faults(clean_sandbox, "akeneo", down=True)
        degraded = await gateway.query(PAGE)
        await reset_sandbox(clean_sandbox)

        healthy = await gateway.query(PAGE)

    assert "errors" in degraded
    assert "errors" not in healthy
    assert _responses(gateway).hits == 0
