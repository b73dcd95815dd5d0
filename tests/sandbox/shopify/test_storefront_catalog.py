"""Storefront catalog of the Shopify emulator: shapes, visibility, nodes, collections, menus, search."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from sandbox.seed import generate
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox, running

PRODUCT_BY_HANDLE = document("storefront", "ProductByHandle")
NODES_BATCH = document("storefront", "NodesBatch")
COLLECTION_PRODUCTS = document("storefront", "CollectionProducts")
SEARCH = document("storefront", "Search")
SHOP_AND_MENU = document("storefront", "ShopAndMenu")

STOREFRONT_PRODUCT_BY_ID = """
query ProductById($id: ID!) { product(id: $id) { id handle } }
"""
STOREFRONT_VARIANT_PICKER = """
query Picker($handle: String!, $options: [SelectedOptionInput!]!) {
  product(handle: $handle) {
    selectedOrFirstAvailableVariant(selectedOptions: $options, ignoreUnknownOptions: true, caseInsensitiveMatch: true) { id title }
    variantBySelectedOptions(selectedOptions: $options, caseInsensitiveMatch: true) { id title }
  }
}
"""
STOREFRONT_NODE = """
query OneNode($id: ID!) { node(id: $id) { __typename id } }
"""
STOREFRONT_DESCRIPTION = """
query Description($handle: String!) { product(handle: $handle) { description(truncateAt: 20) descriptionHtml } }
"""


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(120)) as sandbox:
        yield sandbox


def published(shop: ShopifySandbox) -> list:  # type: ignore[type-arg]
    return [p for p in shop.world.products if p.published]


async def test_product_by_handle_has_shopifys_shape_and_values(shop: ShopifySandbox) -> None:
    # given
    product = published(shop)[0]
    variant = product.variants[0]

    # when
    reply = await shop.storefront(PRODUCT_BY_HANDLE, {"handle": product.handle})

    # then
    assert reply.status == 200
    assert reply.headers["Content-Type"].startswith("application/json")
    got = reply.data["product"]
    assert got["id"] == f"gid://shopify/Product/{product.id}"
    assert got["title"] == product.title.en_US
    assert got["vendor"] == product.vendor
    assert got["tags"] == list(product.tags)
    assert got["createdAt"].endswith("Z")
    assert "T" in got["createdAt"]
    assert got["onlineStoreUrl"] == f"https://northwind-outfitters.myshopify.com/products/{product.handle}"
    first = got["variants"]["nodes"][0]
    assert first["id"] == f"gid://shopify/ProductVariant/{variant.id}"
    assert first["sku"] == variant.sku
    assert Decimal(first["price"]["amount"]) == variant.price
    assert first["price"]["currencyCode"] == "EUR"
    assert first["weightUnit"] == "KILOGRAMS"
    assert got["variantsCount"] == {"count": len(product.variants), "precision": "EXACT"}
    assert got["options"][0]["name"] == "Color"
    assert got["images"]["nodes"][0]["url"].startswith("https://cdn.shopify.com/")


async def test_money_amounts_are_written_like_shopify(shop: ShopifySandbox) -> None:
    # Shopify writes 10.50 as "10.5" and 57 as "57.0", never "10.50" or "57".
    reply = await shop.storefront(PRODUCT_BY_HANDLE, {"handle": published(shop)[1].handle})
    for variant in reply.data["product"]["variants"]["nodes"]:
        amount = variant["price"]["amount"]
        fraction = amount.partition(".")[2]
        assert fraction, amount
        assert fraction == "0" or not fraction.endswith("0"), amount


async def test_quantity_available_sums_available_stock_over_locations(shop: ShopifySandbox) -> None:
    # given
    product = published(shop)[2]
    variant = product.variants[0]
    levels = [level for level in shop.world.stock if level.sku == variant.sku]
    expected = sum(level.quantity - level.reserved for level in levels)

    # when
    reply = await shop.storefront(NODES_BATCH, {"ids": [f"gid://shopify/ProductVariant/{variant.id}"]})

    # then
    node = reply.data["nodes"][0]
    assert node["quantityAvailable"] == expected
    assert node["availableForSale"] is (expected > 0)


async def test_unpublished_products_do_not_exist_for_the_storefront(shop: ShopifySandbox) -> None:
    hidden = next(p for p in shop.world.products if not p.published)
    by_handle = await shop.storefront(PRODUCT_BY_HANDLE, {"handle": hidden.handle})
    by_id = await shop.storefront(STOREFRONT_PRODUCT_BY_ID, {"id": f"gid://shopify/Product/{hidden.id}"})
    as_node = await shop.storefront(NODES_BATCH, {"ids": [f"gid://shopify/Product/{hidden.id}"]})
    assert by_handle.data == {"product": None}
    assert by_id.data == {"product": None}
    assert as_node.data == {"nodes": [None]}


async def test_nodes_keeps_order_and_answers_null_for_missing_ids(shop: ShopifySandbox) -> None:
    # given
    product, other = published(shop)[:2]
    collection = shop.world.collections[0]
    ids = [
        f"gid://shopify/ProductVariant/{other.variants[0].id}",
        "gid://shopify/Product/1",
        f"gid://shopify/Product/{product.id}",
        f"gid://shopify/Collection/{collection.id}",
        "gid://shopify/Customer/1",
    ]

    # when
    nodes = (await shop.storefront(NODES_BATCH, {"ids": ids})).data["nodes"]

    # then
    assert [n and n["__typename"] for n in nodes] == ["ProductVariant", None, "Product", "Collection", None]
    assert nodes[0]["product"]["handle"] == other.handle
    assert nodes[2]["handle"] == product.handle


async def test_node_resolves_one_id(shop: ShopifySandbox) -> None:
    product = published(shop)[3]
    reply = await shop.storefront(STOREFRONT_NODE, {"id": f"gid://shopify/Product/{product.id}"})
    assert reply.data == {"node": {"__typename": "Product", "id": f"gid://shopify/Product/{product.id}"}}


async def test_variant_picking_by_selected_options(shop: ShopifySandbox) -> None:
    # given: a product with sizes, asking for its last variant in lower case, plus an unknown option
    product = next(p for p in published(shop) if len(p.variants) > 1 and " / " in p.variants[-1].title)
    variant = product.variants[-1]
    options = [
        {"name": "color", "value": variant.colour.en.lower()},
        {"name": "size", "value": variant.size.lower()},
        {"name": "Material", "value": "Wool"},
    ]

    # when
    reply = await shop.storefront(STOREFRONT_VARIANT_PICKER, {"handle": product.handle, "options": options})

    # then: ignoreUnknownOptions finds it; without it, the unknown option matches nothing
    got = reply.data["product"]
    assert got["selectedOrFirstAvailableVariant"]["id"] == f"gid://shopify/ProductVariant/{variant.id}"
    assert got["variantBySelectedOptions"] is None


async def test_description_truncates_and_html_escapes(shop: ShopifySandbox) -> None:
    product = published(shop)[0]
    got = (await shop.storefront(STOREFRONT_DESCRIPTION, {"handle": product.handle})).data["product"]
    assert got["description"] == product.description.en_US[:20].rstrip() + "…"
    assert got["descriptionHtml"].startswith("<p>")
    assert got["descriptionHtml"].endswith("</p>")


async def test_collection_products_keep_the_manual_order_and_hide_unpublished(shop: ShopifySandbox) -> None:
    # given
    collection = next(c for c in shop.world.collections if c.handle == "bestsellers")
    visible = [
        pid for pid in collection.product_ids if shop.world.products[pid - 8_100_000_000_000].published
    ]

    # when
    reply = await shop.storefront(COLLECTION_PRODUCTS, {"handle": collection.handle, "first": 250})

    # then
    got = reply.data["collection"]
    assert got["title"] == collection.title.en_US
    assert [n["id"] for n in got["products"]["nodes"]] == [f"gid://shopify/Product/{pid}" for pid in visible]


async def test_collection_filters_narrow_and_facets_count(shop: ShopifySandbox) -> None:
    # given
    collection = next(c for c in shop.world.collections if c.handle == "new-arrivals")

    # when
    everything = (
        await shop.storefront(COLLECTION_PRODUCTS, {"handle": collection.handle, "first": 250})
    ).data
    in_stock = await shop.storefront(
        COLLECTION_PRODUCTS,
        {
            "handle": collection.handle,
            "first": 250,
            "filters": [{"available": True}, {"productVendor": "Northwind"}],
        },
    )

    # then
    all_nodes = everything["collection"]["products"]["nodes"]
    narrowed = in_stock.data["collection"]["products"]["nodes"]
    assert narrowed == [n for n in all_nodes if n["availableForSale"] and n["vendor"] == "Northwind"]
    facets = {f["id"]: f for f in everything["collection"]["products"]["filters"]}
    availability = {v["label"]: v for v in facets["filter.v.availability"]["values"]}
    assert availability["In stock"]["count"] == sum(n["availableForSale"] for n in all_nodes)
    assert availability["In stock"]["input"] == '{"available":true}'
    assert facets["filter.v.price"]["type"] == "PRICE_RANGE"
    vendors = {v["label"]: v["count"] for v in facets["filter.p.vendor"]["values"]}
    assert sum(vendors.values()) == len(all_nodes)


async def test_search_finds_products_by_words_and_counts_them(shop: ShopifySandbox) -> None:
    # given
    kind = published(shop)[0].product_type.en

    # when
    reply = await shop.storefront(SEARCH, {"query": kind, "first": 5, "unavailableProducts": "HIDE"})

    # then
    result = reply.data["search"]
    assert result["totalCount"] >= len(result["edges"]) > 0
    assert all(edge["node"]["__typename"] == "Product" for edge in result["edges"])
    assert all(edge["node"]["availableForSale"] for edge in result["edges"])
    assert {f["id"] for f in result["productFilters"]} >= {"filter.v.availability", "filter.v.price"}


async def test_search_with_prefix_matches_word_starts(shop: ShopifySandbox) -> None:
    word = published(shop)[0].title.en_US.split()[-1][:3].lower()
    exact = await shop.storefront(SEARCH, {"query": word, "first": 5})
    prefix = await shop.storefront(SEARCH, {"query": word, "first": 5, "prefix": "LAST"})
    assert prefix.data["search"]["totalCount"] > exact.data["search"]["totalCount"]


async def test_shop_menu_and_localization(shop: ShopifySandbox) -> None:
    data = (await shop.storefront(SHOP_AND_MENU, {"menu": "main-menu", "country": "CH"})).data
    assert data["shop"]["name"] == "Northwind Outfitters"
    assert data["shop"]["primaryDomain"]["url"] == "https://northwind-outfitters.myshopify.com"
    assert data["shop"]["paymentSettings"]["currencyCode"] == "EUR"
    assert data["menu"]["itemsCount"] == len(data["menu"]["items"]) > 0
    collection_items = [i for i in data["menu"]["items"] if i["type"] == "COLLECTION"]
    assert collection_items
    assert collection_items[0]["resource"]["__typename"] == "Collection"
    assert data["localization"]["country"]["currency"]["isoCode"] == "CHF"
    assert {"EN", "FR", "DE"} <= {lang["isoCode"] for lang in data["localization"]["availableLanguages"]}


async def test_unknown_menu_and_missing_product_are_null(shop: ShopifySandbox) -> None:
    reply = await shop.storefront(SHOP_AND_MENU, {"menu": "no-such-menu"})
    assert reply.data["menu"] is None
    reply = await shop.storefront(PRODUCT_BY_HANDLE, {"handle": "no-such-product"})
    assert reply.data == {"product": None}
