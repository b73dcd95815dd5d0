"""Shopify's answers to public operations are shared through the source cache; a buyer's never are."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from sandbox.runner import Sandbox
from tests.harness import gateway_config, reset_sandbox, running_gateway, sandbox_stats, set_faults

LISTING = "query($n: Int!) { products(first: $n) { nodes { handle title } } }"
CART_CREATE = "mutation { cartCreate(input: {}) { cart { id } userErrors { message } } }"
CART = "query($id: ID!) { cart(id: $id) { id totalQuantity } }"
NO_RESPONSE_CACHE = {"responses": False}


async def _shopify_calls(sandbox: Sandbox) -> int:
    stats: dict[str, Any] = (await sandbox_stats(sandbox))["shopify"]
    return int(stats["total"])


async def test_a_public_operation_asked_again_costs_no_storefront_call(clean_sandbox: Sandbox) -> None:
    async with running_gateway(gateway_config(clean_sandbox, cache=NO_RESPONSE_CACHE)) as gateway:
        first = await gateway.data(LISTING, {"n": 3})
        await reset_sandbox(clean_sandbox)

        again = await gateway.data(LISTING, {"n": 3})
        assert again == first
        assert await _shopify_calls(clean_sandbox) == 0

        await gateway.data(LISTING, {"n": 4})  # other variables: another answer
        assert await _shopify_calls(clean_sandbox) == 1


async def test_a_cart_is_asked_of_shopify_every_time(clean_sandbox: Sandbox) -> None:
    async with running_gateway(gateway_config(clean_sandbox, cache=NO_RESPONSE_CACHE)) as gateway:
        cart_id = (await gateway.data(CART_CREATE))["cartCreate"]["cart"]["id"]
        await gateway.data(CART, {"id": cart_id})
        await reset_sandbox(clean_sandbox)

        await gateway.data(CART, {"id": cart_id})
        await gateway.data(CART, {"id": cart_id})

        assert await _shopify_calls(clean_sandbox) == 2


async def test_an_answer_with_errors_is_passed_on_and_not_kept(clean_sandbox: Sandbox) -> None:
    query = "{ products(first: 251) { nodes { id } } }"
    async with running_gateway(gateway_config(clean_sandbox, cache=NO_RESPONSE_CACHE)) as gateway:
        assert (await gateway.query(query))["errors"]
        await reset_sandbox(clean_sandbox)

        assert (await gateway.query(query))["errors"]
        assert await _shopify_calls(clean_sandbox) == 1


async def test_shopify_down_serves_the_last_answer_marked_stale(clean_sandbox: Sandbox) -> None:
    cache = {**NO_RESPONSE_CACHE, "ttl": {"catalog": 0}, "max_stale_s": 600}
    config = gateway_config(clean_sandbox, cache=cache, backends={"shopify": {"retries": 0}})
    async with running_gateway(config) as gateway:
        fresh = await gateway.data(LISTING, {"n": 2})
        await set_faults(clean_sandbox, "shopify", down=True)

        body = await gateway.query(LISTING, {"n": 2})

    assert body["data"] == fresh
    assert [s["service"] for s in body["extensions"]["stale"]] == ["shopify"]


@pytest.mark.parametrize("backend", ["memory", "redis"])
async def test_replicas_on_one_redis_share_shopifys_answers(clean_sandbox: Sandbox, backend: str) -> None:
    cache = {
        **NO_RESPONSE_CACHE,
        "backend": backend,
        "redis_url": "redis://127.0.0.1:6379/0",
        "namespace": f"test-{uuid.uuid4().hex}",
    }
    config = gateway_config(clean_sandbox, cache=cache)
    async with running_gateway(config) as first, running_gateway(config) as second:
        expected = await first.data(LISTING, {"n": 2})
        await reset_sandbox(clean_sandbox)

        assert await second.data(LISTING, {"n": 2}) == expected
        assert await _shopify_calls(clean_sandbox) == (0 if backend == "redis" else 1)
