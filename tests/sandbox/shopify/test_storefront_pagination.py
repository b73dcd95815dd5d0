"""Relay pagination of the Storefront emulator: full walks both ways, and Shopify's argument errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from sandbox.seed import generate
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox, running

PRODUCTS_PAGE = document("storefront", "ProductsPage")
COLLECTIONS = document("storefront", "Collections")
COLLECTION_PRODUCTS = document("storefront", "CollectionProducts")

STOREFRONT_PRODUCT_IDS = """
query ProductIds($first: Int, $after: String, $last: Int, $before: String, $sortKey: ProductSortKeys, $reverse: Boolean, $query: String) {
  products(first: $first, after: $after, last: $last, before: $before, sortKey: $sortKey, reverse: $reverse, query: $query) {
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""
STOREFRONT_VARIANT_PAGES = """
query VariantPages($handle: String!, $first: Int, $after: String) {
  product(handle: $handle) { variants(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
}
"""


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(90)) as sandbox:
        yield sandbox


async def walk_forward(shop: ShopifySandbox, size: int, **variables: Any) -> list[str]:
    ids: list[str] = []
    after = None
    while True:
        reply = await shop.storefront(STOREFRONT_PRODUCT_IDS, {"first": size, "after": after, **variables})
        page = reply.data["products"]
        ids += [n["id"] for n in page["nodes"]]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not page["pageInfo"]["hasNextPage"]:
            return ids
        after = page["pageInfo"]["endCursor"]


async def walk_backward(shop: ShopifySandbox, size: int, **variables: Any) -> list[str]:
    ids: list[str] = []
    before = None
    while True:
        reply = await shop.storefront(STOREFRONT_PRODUCT_IDS, {"last": size, "before": before, **variables})
        page = reply.data["products"]
        ids = [n["id"] for n in page["nodes"]] + ids
        assert page["pageInfo"]["hasNextPage"] is (before is not None)
        if not page["pageInfo"]["hasPreviousPage"]:
            return ids
        before = page["pageInfo"]["startCursor"]


@pytest.mark.parametrize(
    "sort_key", ["ID", "TITLE", "PRICE", "CREATED_AT", "BEST_SELLING", "VENDOR", "PRODUCT_TYPE"]
)
@pytest.mark.parametrize("reverse", [False, True])
async def test_walking_every_page_both_ways_sees_every_product_once(
    shop: ShopifySandbox, sort_key: str, reverse: bool
) -> None:
    # given
    expected = {f"gid://shopify/Product/{p.id}" for p in shop.world.products if p.published}

    # when
    forward = await walk_forward(shop, 7, sortKey=sort_key, reverse=reverse)
    backward = await walk_backward(shop, 7, sortKey=sort_key, reverse=reverse)

    # then: no duplicates, no gaps, and the same order both ways
    assert len(forward) == len(set(forward)) == len(expected)
    assert set(forward) == expected
    assert backward == forward


async def test_sort_orders_and_reverse(shop: ShopifySandbox) -> None:
    by_id = await walk_forward(shop, 50, sortKey="ID")
    assert by_id == sorted(by_id, key=lambda gid: int(gid.rsplit("/", 1)[1]))
    assert await walk_forward(shop, 50, sortKey="ID", reverse=True) == by_id[::-1]
    published = {p.id: p for p in shop.world.products if p.published}
    by_price = await walk_forward(shop, 50, sortKey="PRICE")
    prices = [min(v.price for v in published[int(g.rsplit("/", 1)[1])].variants) for g in by_price]
    assert prices == sorted(prices)


async def test_a_filtered_walk_pages_through_matches_only(shop: ShopifySandbox) -> None:
    tagged = {
        f"gid://shopify/Product/{p.id}" for p in shop.world.products if p.published and "tops" in p.tags
    }
    walked = await walk_forward(shop, 4, query="tag:tops", sortKey="TITLE")
    assert len(walked) == len(set(walked))
    assert set(walked) == tagged


async def test_cursors_are_shopify_shaped_and_pages_meet(shop: ShopifySandbox) -> None:
    first = (await shop.storefront(PRODUCTS_PAGE, {"first": 3})).data["products"]
    second = (
        await shop.storefront(PRODUCTS_PAGE, {"first": 3, "after": first["pageInfo"]["endCursor"]})
    ).data["products"]
    back = (
        await shop.storefront(PRODUCTS_PAGE, {"last": 3, "before": second["pageInfo"]["startCursor"]})
    ).data["products"]
    assert [e["node"]["id"] for e in back["edges"]] == [e["node"]["id"] for e in first["edges"]]
    import base64
    import json

    decoded = json.loads(base64.b64decode(first["edges"][0]["cursor"]))
    assert set(decoded) == {"last_id", "last_value"}
    assert first["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"]


async def test_collections_and_collection_products_paginate(shop: ShopifySandbox) -> None:
    seen: list[str] = []
    after = None
    while True:
        page = (await shop.storefront(COLLECTIONS, {"first": 4, "after": after})).data["collections"]
        seen += [n["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == len(shop.world.collections) == page["totalCount"]
    handle = "new-arrivals"
    products: list[str] = []
    after = None
    while True:
        variables = {"handle": handle, "first": 10, "after": after, "sortKey": "TITLE"}
        page = (await shop.storefront(COLLECTION_PRODUCTS, variables)).data["collection"]["products"]
        products += [n["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(products) == len(set(products)) > 10


async def test_nested_variant_connection_paginates(shop: ShopifySandbox) -> None:
    product = max((p for p in shop.world.products if p.published), key=lambda p: len(p.variants))
    first = (await shop.storefront(STOREFRONT_VARIANT_PAGES, {"handle": product.handle, "first": 2})).data
    page = first["product"]["variants"]
    rest = await shop.storefront(
        STOREFRONT_VARIANT_PAGES,
        {"handle": product.handle, "first": 250, "after": page["pageInfo"]["endCursor"]},
    )
    ids = [e["node"]["id"] for e in page["edges"]] + [
        e["node"]["id"] for e in rest.data["product"]["variants"]["edges"]
    ]
    assert ids == [f"gid://shopify/ProductVariant/{v.id}" for v in product.variants]


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({}, "you must provide one of first or last"),
        ({"first": 2, "last": 2}, "providing both first and last is not supported"),
        ({"first": 251}, "The first argument cannot exceed 250."),
        ({"last": 300}, "The last argument cannot exceed 250."),
        ({"first": 2, "after": "bm90IGEgY3Vyc29y"}, "Invalid cursor for current pagination sort."),
    ],
)
async def test_bad_pagination_arguments_get_shopifys_errors(
    shop: ShopifySandbox, variables: dict[str, Any], message: str
) -> None:
    # when
    reply = await shop.storefront(STOREFRONT_PRODUCT_IDS, variables)

    # then: HTTP 200, a top-level error at the field, and no data (products is non-null)
    assert reply.status == 200
    assert reply.body["data"] is None
    [error] = reply.body["errors"]
    assert error["message"] == message
    assert error["path"] == ["products"]
    assert error["extensions"] == {"code": "BAD_REQUEST"}
    assert error["locations"]


async def test_a_cursor_from_another_sort_is_refused(shop: ShopifySandbox) -> None:
    by_title = (await shop.storefront(STOREFRONT_PRODUCT_IDS, {"first": 2, "sortKey": "TITLE"})).data
    cursor = by_title["products"]["pageInfo"]["endCursor"]
    reply = await shop.storefront(STOREFRONT_PRODUCT_IDS, {"first": 2, "after": cursor, "sortKey": "PRICE"})
    assert reply.body["errors"][0]["message"] == "Invalid cursor for current pagination sort."


async def test_a_short_list_connection_counts_its_whole_list(shop: ShopifySandbox) -> None:
    query = """query($h: String!, $n: Int!) { product(handle: $h) { collections(first: $n) { totalCount nodes { id } } } }"""
    for product in (p for p in shop.world.products if p.published):
        whole = (await shop.storefront(query, {"h": product.handle, "n": 250})).data["product"]["collections"]
        if len(whole["nodes"]) > 1:
            break
    else:
        pytest.fail("no product of the seed is in two collections")

    one = (await shop.storefront(query, {"h": product.handle, "n": 1})).data["product"]["collections"]

    assert len(one["nodes"]) == 1
    assert int(one["totalCount"]) == int(whole["totalCount"]) == len(whole["nodes"])


async def test_colour_filter_values_carry_their_swatch(shop: ShopifySandbox) -> None:
    query = """{ search(query: "shirt", first: 5) { productFilters { id presentation
      values { label swatch { color image { image { url } } } image { id } } } } }"""

    filters = (await shop.storefront(query, {})).data["search"]["productFilters"]

    colour = next(f for f in filters if f["id"] == "filter.v.option.color")
    assert colour["presentation"] == "SWATCH"
    assert all(
        v["swatch"]["color"].startswith("#") and v["swatch"]["image"]["image"]["url"]
        for v in colour["values"]
    )
    size = next(f for f in filters if f["id"] == "filter.v.option.size")
    assert size["presentation"] == "TEXT"
    assert all(v["swatch"] is None and v["image"] is None for v in size["values"])
