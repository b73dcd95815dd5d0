"""The cost budget on the Storefront API's path: a costlier operation never reaches Shopify, others carry their cost."""

from __future__ import annotations

from typing import Any

from sandbox.runner import Sandbox
from tests.harness import Gateway, gateway_config, reset_sandbox, running_gateway, sandbox_stats

API = "/api/2026-04/graphql.json"

EVERY_VARIANT = """
query Everything($first: Int = 250) {
  products(first: $first) { nodes { handle variants(first: 250) { nodes { sku stock { available } } } } }
}
"""
EVERY_VARIANT_COST = 2 + 250 * (1 + 2 + 250 * (1 + 1))

LISTING = """
query Listing($first: Int!) {
  products(first: $first) { nodes { handle content { name } variants(first: 2) { nodes { sku stock { available } } } } }
}
"""


def listing_cost(first: int) -> int:
    # Each product: itself, its PIM content, and a connection of two variants with their ERP stock.
    return 2 + first * (1 + 1 + (2 + 2 * (1 + 1)))


async def post(
    gateway: Gateway, query: str, variables: dict[str, Any], accept: str = "application/json"
) -> tuple[int, dict[str, Any]]:
    async with gateway.http.post(
        f"{gateway.url}{API}", json={"query": query, "variables": variables}, headers={"Accept": accept}
    ) as response:
        assert response.content_type == accept
        body: dict[str, Any] = await response.json(content_type=None)
        return response.status, body


async def calls(sandbox: Sandbox) -> dict[str, int]:
    return {vendor: counters["total"] for vendor, counters in (await sandbox_stats(sandbox)).items()}


async def warm(gateway: Gateway, sandbox: Sandbox) -> None:
    """Composes the schema and lets the PIM grant its token, then zeroes the counters."""
    status, body = await post(gateway, LISTING, {"first": 1})
    assert status == 200, body
    await reset_sandbox(sandbox)


async def test_a_costlier_operation_is_refused_before_any_backend_call(
    gateway: Gateway, clean_sandbox: Sandbox
) -> None:
    await warm(gateway, clean_sandbox)

    status, body = await post(gateway, EVERY_VARIANT, {})

    assert status == 200
    assert "data" not in body
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "MAX_COST_EXCEEDED"
    assert error["extensions"]["cost"] == {"requestedQueryCost": EVERY_VARIANT_COST, "maximumAvailable": 5000}
    assert str(EVERY_VARIANT_COST) in error["message"]
    assert "5000" in error["message"]
    assert body["extensions"]["cost"]["requestedQueryCost"] == EVERY_VARIANT_COST
    assert set((await calls(clean_sandbox)).values()) == {0}


async def test_the_page_size_a_variable_gives_decides(gateway: Gateway, clean_sandbox: Sandbox) -> None:
    await warm(gateway, clean_sandbox)

    status, body = await post(gateway, EVERY_VARIANT, {"first": 1})

    assert status == 200
    assert "errors" not in body, body["errors"]
    assert body["extensions"]["cost"]["requestedQueryCost"] == 2 + 1 * (1 + 2 + 250 * 2)
    assert (await calls(clean_sandbox))["shopify"] == 1


async def test_an_answer_carries_its_requested_cost(gateway: Gateway, clean_sandbox: Sandbox) -> None:
    await warm(gateway, clean_sandbox)

    status, body = await post(gateway, LISTING, {"first": 5})

    assert status == 200
    assert "errors" not in body, body["errors"]
    assert len(body["data"]["products"]["nodes"]) == 5
    assert body["extensions"]["cost"] == {"requestedQueryCost": listing_cost(5)}
    assert (await calls(clean_sandbox))["shopify"] == 1


async def test_the_budget_is_the_config_s(clean_sandbox: Sandbox) -> None:
    budget = listing_cost(3)
    async with running_gateway(gateway_config(clean_sandbox, limits={"max_cost": budget})) as gateway:
        await warm(gateway, clean_sandbox)

        within = await post(gateway, LISTING, {"first": 3})
        over = await post(gateway, LISTING, {"first": 4}, accept="application/graphql-response+json")

        assert within[0] == 200
        assert within[1]["extensions"]["cost"]["requestedQueryCost"] == budget
        # Under the GraphQL response type a refused request is a 400, as for any request that never ran.
        assert over[0] == 400
        assert over[1]["errors"][0]["extensions"]["cost"] == {
            "requestedQueryCost": listing_cost(4),
            "maximumAvailable": budget,
        }
        assert (await calls(clean_sandbox))["shopify"] == 1
