"""`products(query:)` takes Shopify's search syntax: fields, negation, OR/AND, dates and SKU batches."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from sandbox.seed import Product, generate

from .sandbox_client import ShopifySandbox, running

STOREFRONT_MATCHING_PRODUCTS = """
query Matching($query: String!) { products(first: 250, query: $query) { nodes { id } } }
"""


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(100)) as sandbox:
        yield sandbox


def published(shop: ShopifySandbox) -> list[Product]:
    return [p for p in shop.world.products if p.published]


async def matching(shop: ShopifySandbox, query: str) -> set[int]:
    reply = await shop.storefront(STOREFRONT_MATCHING_PRODUCTS, {"query": query})
    return {int(node["id"].rsplit("/", 1)[1]) for node in reply.data["products"]["nodes"]}


async def test_field_filters(shop: ShopifySandbox) -> None:
    products = published(shop)
    vendor = products[0].vendor
    assert await matching(shop, f'vendor:"{vendor}"') == {p.id for p in products if p.vendor == vendor}
    assert await matching(shop, "tag:sale") == {p.id for p in products if "sale" in p.tags}
    assert await matching(shop, "tag_not:sale") == {p.id for p in products if "sale" not in p.tags}
    assert await matching(shop, "product_type:Jacket") == {
        p.id for p in products if p.product_type.en == "Jacket"
    }
    title_word = products[0].title.en_US.split()[-1]
    assert products[0].id in await matching(shop, f"title:{title_word}")


async def test_negation_or_and_grouping(shop: ShopifySandbox) -> None:
    products = published(shop)
    tops = {p.id for p in products if "tops" in p.tags}
    sale = {p.id for p in products if "sale" in p.tags}
    assert await matching(shop, "-tag:tops") == {p.id for p in products} - tops
    assert await matching(shop, "tag:tops OR tag:sale") == tops | sale
    assert await matching(shop, "tag:tops AND tag:sale") == tops & sale
    assert await matching(shop, "tag:tops tag:sale") == tops & sale
    assert await matching(shop, "(tag:tops OR tag:sale) AND NOT tag:tops") == sale - tops


async def test_dates_and_availability(shop: ShopifySandbox) -> None:
    products = published(shop)
    middle = sorted(p.created_at for p in products)[len(products) // 2]
    stamp = middle.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    after = await matching(shop, f"created_at:>'{stamp}'")
    assert after == {p.id for p in products if p.created_at > middle.replace(microsecond=0)}
    year = await matching(shop, f"updated_at:>={datetime.now(UTC).year + 1}")
    assert year == set()
    stock = {level.sku: 0 for level in shop.world.stock}
    for level in shop.world.stock:
        stock[level.sku] += level.quantity - level.reserved
    sellable = {p.id for p in products if any(stock[v.sku] > 0 for v in p.variants)}
    assert await matching(shop, "available_for_sale:true") == sellable


async def test_a_sku_batch_finds_each_product_once(shop: ShopifySandbox) -> None:
    products = published(shop)[:30]
    query = " OR ".join(f"sku:{p.variants[-1].sku}" for p in products)
    assert await matching(shop, query) == {p.id for p in products}


async def test_unknown_fields_and_stray_syntax_do_not_fail(shop: ShopifySandbox) -> None:
    everything = {p.id for p in published(shop)}
    assert await matching(shop, "colour:teal") == everything
    assert await matching(shop, "tag:tops)") == {p.id for p in published(shop) if "tops" in p.tags}


async def test_variant_price_comparisons(shop: ShopifySandbox) -> None:
    products = published(shop)
    cheap = {p.id for p in products if any(v.price < 30 for v in p.variants)}
    assert await matching(shop, "variants.price:<30") == cheap
    assert await matching(shop, "variants.price:>=30") == {
        p.id for p in products if any(v.price >= 30 for v in p.variants)
    }
