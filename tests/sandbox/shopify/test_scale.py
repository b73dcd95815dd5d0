"""Batch reads stay index lookups at benchmark size: 100 keys against 10,000 products (30,000 variants).

This shows the batches work at that size; it measures nothing (benchmarks report, tests don't time).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from sandbox.seed import generate
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox, running

NODES_BATCH = document("storefront", "NodesBatch")

STOREFRONT_SKU_BATCH = """
query SkuBatch($query: String!) { products(first: 250, query: $query) { nodes { id variants(first: 250) { nodes { sku } } } } }
"""


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(10_000)) as sandbox:
        yield sandbox


async def test_a_100_id_nodes_batch_at_10k_products(shop: ShopifySandbox) -> None:
    # given: 100 variants spread over the whole catalog
    variants = [v for p in shop.world.products if p.published for v in p.variants][::250][:100]
    assert len(variants) == 100

    # when
    reply = await shop.storefront(
        NODES_BATCH, {"ids": [f"gid://shopify/ProductVariant/{v.id}" for v in variants]}
    )

    # then
    assert [node["sku"] for node in reply.data["nodes"]] == [v.sku for v in variants]


async def test_a_100_sku_products_query_at_10k_products(shop: ShopifySandbox) -> None:
    products = [p for p in shop.world.products if p.published][::97][:100]
    query = " OR ".join(f"sku:{p.variants[0].sku}" for p in products)
    reply = await shop.storefront(STOREFRONT_SKU_BATCH, {"query": query})
    assert {n["id"] for n in reply.data["products"]["nodes"]} == {
        f"gid://shopify/Product/{p.id}" for p in products
    }


ADMIN_SKU_BATCH = """
query SkuBatch($q: String!) { productVariants(first: 100, query: $q) { nodes { sku inventoryQuantity } } }
"""


async def test_a_100_sku_admin_variant_batch_at_10k_products(shop: ShopifySandbox) -> None:
    variants = [v for p in shop.world.products for v in p.variants][::301][:100]
    reply = await shop.admin(ADMIN_SKU_BATCH, {"q": " OR ".join(f"sku:{v.sku}" for v in variants)})
    assert sorted(n["sku"] for n in reply.data["productVariants"]["nodes"]) == sorted(v.sku for v in variants)
    assert reply.body["extensions"]["cost"]["requestedQueryCost"] == 102
