"""Admin API access and query cost: 401s, `extensions.cost`, MAX_COST_EXCEEDED and the leaky bucket."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from sandbox.seed import generate
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox, running

STOCK_BY_SKU = document("admin", "StockBySku")

ADMIN_SHOP = "query Shop { shop { name myshopifyDomain currencyCode } }"
ADMIN_VARIANT_IDS = """
query VariantIds($first: Int!, $query: String) { productVariants(first: $first, query: $query) { nodes { id sku } } }
"""
ADMIN_TOO_EXPENSIVE = """
query TooExpensive { products(first: 250) { nodes { id variants(first: 250) { nodes { id } } } } }
"""


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(60)) as sandbox:
        yield sandbox


@pytest.fixture(autouse=True)
def clean_faults(shop: ShopifySandbox) -> None:
    shop.sandbox.emulators["shopify"].control.reset()


@pytest.mark.parametrize("token", ["wrong", ""])
async def test_a_bad_token_is_a_401_with_shopifys_body(shop: ShopifySandbox, token: str) -> None:
    reply = await shop.admin(ADMIN_SHOP, token=token)
    assert reply.status == 401
    assert reply.body == {
        "errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"
    }


async def test_unknown_version_and_unreadable_body(shop: ShopifySandbox) -> None:
    other = await shop.post(
        "/admin/api/2024-01/graphql.json",
        json={"query": ADMIN_SHOP},
        headers={"X-Shopify-Access-Token": "sandbox-admin-token"},
    )
    broken = await shop.post(
        "/admin/api/2026-07/graphql.json",
        data=b"{",
        headers={"X-Shopify-Access-Token": "sandbox-admin-token"},
    )
    assert (other.status, other.body) == (404, {"errors": "Not Found"})
    assert (broken.status, broken.body) == (
        400,
        {"errors": {"query": "Required parameter missing or invalid"}},
    )


async def test_every_response_reports_its_cost(shop: ShopifySandbox) -> None:
    # when
    reply = await shop.admin(ADMIN_VARIANT_IDS, {"first": 10})

    # then: a connection costs 2 + first x one node
    assert reply.data["productVariants"]["nodes"]
    cost = reply.body["extensions"]["cost"]
    assert cost["requestedQueryCost"] == 12
    assert cost["actualQueryCost"] == 12
    assert cost["throttleStatus"] == {
        "maximumAvailable": 2000.0,
        "currentlyAvailable": 1988,
        "restoreRate": 100.0,
    }


async def test_actual_cost_counts_what_came_back(shop: ShopifySandbox) -> None:
    sku = shop.world.products[0].variants[0].sku
    reply = await shop.admin(STOCK_BY_SKU, {"q": f"sku:{sku}", "first": 10})
    cost = reply.body["extensions"]["cost"]
    # requested: 2 + 10 x (variant 1 + item 1 + levels (2 + 20 x (level 1 + location 1 + quantities 1)))
    assert cost["requestedQueryCost"] == 2 + 10 * (1 + 1 + 2 + 20 * 3)
    # actual: one variant, three locations
    assert cost["actualQueryCost"] == 2 + 1 * (1 + 1 + 2 + 3 * 3)


async def test_a_query_over_1000_points_is_refused(shop: ShopifySandbox) -> None:
    reply = await shop.admin(ADMIN_TOO_EXPENSIVE)
    assert reply.status == 200
    [error] = reply.body["errors"]
    assert error["message"].startswith(
        "Query cost is 63252, which exceeds the single query max cost limit (1000)."
    )
    assert error["extensions"]["code"] == "MAX_COST_EXCEEDED"
    assert error["extensions"]["cost"] == 63252
    assert error["extensions"]["maxCost"] == 1000
    assert "data" not in reply.body
    assert reply.body["extensions"]["cost"]["actualQueryCost"] is None


async def test_a_drained_bucket_answers_throttled(shop: ShopifySandbox) -> None:
    # given: a 30-point bucket (rate_limit emulation with N points)
    shop.sandbox.set_faults("shopify", rate_limit=30)

    # when: 12-point queries until the bucket is empty
    replies = [await shop.admin(ADMIN_VARIANT_IDS, {"first": 10}) for _ in range(4)]

    # then
    throttled = [r for r in replies if "errors" in r.body]
    assert throttled
    body = throttled[0].body
    assert throttled[0].status == 200
    assert body["errors"] == [
        {
            "message": "Throttled",
            "extensions": {
                "code": "THROTTLED",
                "documentation": "https://shopify.dev/api/usage/limits#rate-limits",
            },
        }
    ]
    assert "data" not in body
    cost = body["extensions"]["cost"]
    assert cost["actualQueryCost"] is None
    assert cost["throttleStatus"]["maximumAvailable"] == 30.0
    assert cost["throttleStatus"]["currentlyAvailable"] < 12
    assert replies[0].body["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"] == 18


async def test_the_documented_bucket_and_reset(shop: ShopifySandbox) -> None:
    shop.sandbox.set_faults("shopify", rate_limit=True)  # 0: Shopify's documented bucket
    reply = await shop.admin(ADMIN_VARIANT_IDS, {"first": 10})
    assert reply.body["extensions"]["cost"]["throttleStatus"]["maximumAvailable"] == 2000.0
    shop.sandbox.emulators["shopify"].control.reset()
    assert shop.sandbox.emulators["shopify"].control.faults.rate_limit is None


async def test_unknown_search_fields_are_reported_not_refused(shop: ShopifySandbox) -> None:
    reply = await shop.admin(ADMIN_VARIANT_IDS, {"first": 5, "query": "colour:blue"})
    assert len(reply.data["productVariants"]["nodes"]) == 5
    assert reply.body["extensions"]["search"] == [
        {
            "path": ["productVariants"],
            "query": "colour:blue",
            "warnings": [
                {
                    "field": "colour",
                    "message": "Invalid search field for this query.",
                    "code": "invalid_field",
                }
            ],
        }
    ]


async def test_validation_errors_have_no_cost(shop: ShopifySandbox) -> None:
    reply = await shop.admin("{ shop { nam } }")
    assert reply.body == {
        "errors": [
            {
                "message": "Field 'nam' doesn't exist on type 'Shop'",
                "locations": [{"line": 1, "column": 10}],
                "path": ["query", "shop", "nam"],
                "extensions": {"code": "undefinedField", "typeName": "Shop", "fieldName": "nam"},
            }
        ]
    }
