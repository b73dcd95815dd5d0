"""Storefront JSON to the gateway's catalog models, on answers recorded from the emulator.

Each test starts from a recorded answer (`recordings.py`) and, for an edge case, edits it the way
Shopify would answer in that case: a card without the full product's fields, nulls where the schema
allows them, the wrong shape where it does not. The expected values come from the world the answers
were recorded from, not from the answers themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest

from gateway.backends.shopify import catalog_mapping as mapping
from gateway.models.catalog import Filter, FilterValue, Money, PageInfo, Seo
from sandbox.seed import generate

from .recordings import SIZE, load, on_sale, product_gid

WORLD = generate(SIZE)
FIRST = WORLD.products[0]
SALE = WORLD.products[on_sale(WORLD)]

Node = dict[str, Any]


def full_product(index: int = 0) -> Node:
    node: Node = load("products_by_ids_full").body["data"]["nodes"][index]
    return node


def card_product() -> Node:
    node: Node = load("products_by_ids_card").body["data"]["nodes"][0]
    return node


def first_variant(node: Node) -> Node:
    variant: Node = node["variants"]["nodes"][0]
    return variant


def euros(amount: Decimal) -> Money:
    return Money(amount, "EUR")


# --- products and variants ------------------------------------------------------------------------------


def test_a_full_product_maps_every_field() -> None:
    product = mapping.product(full_product())

    assert (product.id, product.handle, product.title) == (
        product_gid(FIRST.id),
        FIRST.handle,
        FIRST.title.en_US,
    )
    assert (product.vendor, product.product_type, product.tags) == (
        FIRST.vendor,
        FIRST.product_type.en,
        FIRST.tags,
    )
    assert product.description == FIRST.description.en_US
    assert product.description_html.startswith("<p>")
    assert product.created_at == FIRST.created_at
    assert product.published_at == FIRST.created_at
    assert product.seo == Seo(None, None)
    assert [o.name for o in product.options] == ["Color", "Size"]
    assert [v.name for v in product.options[1].values] == [v.size for v in FIRST.variants]
    assert len(product.images) == len(FIRST.images)
    assert product.featured_image is not None
    assert product.featured_image.url.startswith(FIRST.images[0].url)  # Shopify adds ?v=<version>
    assert product.skus == tuple(v.sku for v in FIRST.variants)
    assert product.price_range.min == euros(min(v.price for v in FIRST.variants))


def test_a_full_variant_maps_every_field() -> None:
    variant = mapping.product(full_product()).variants[0]
    seeded = FIRST.variants[0]

    assert variant.product_id == product_gid(FIRST.id)
    assert (variant.sku, variant.barcode) == (seeded.sku, seeded.barcode)
    assert variant.price == euros(seeded.price)
    assert isinstance(variant.price.amount, Decimal)
    assert variant.compare_at_price is None
    assert [(o.name, o.value) for o in variant.selected_options] == [
        ("Color", seeded.colour.en),
        ("Size", seeded.size),
    ]
    assert (variant.weight, variant.weight_unit) == (seeded.weight_g / 1000, "KILOGRAMS")
    assert variant.requires_shipping is True
    assert variant.image is not None


def test_variants_on_sale_carry_their_compare_at_price() -> None:
    product = mapping.product(full_product(1))

    assert [v.compare_at_price for v in product.variants] == [
        euros(v.compare_at_price) if v.compare_at_price else None for v in SALE.variants
    ]


def test_the_card_leaves_the_full_products_fields_at_their_defaults() -> None:
    card, full = mapping.product(card_product()), mapping.product(full_product())

    assert (card.description, card.description_html) == ("", "")
    assert card.seo == Seo(None, None)
    assert (card.options, card.images) == ((), ())
    variant = card.variants[0]
    assert (variant.barcode, variant.image, variant.weight) == (None, None, None)
    assert (variant.requires_shipping, variant.weight_unit) == (True, "KILOGRAMS")
    # what the card has is what the full product says
    assert (card.title, card.price_range, card.skus) == (full.title, full.price_range, full.skus)


@pytest.mark.parametrize(
    ("key", "read"),
    [
        ("featuredImage", lambda p: p.featured_image),
        ("publishedAt", lambda p: p.published_at),
        ("onlineStoreUrl", lambda p: p.online_store_url),
        ("totalInventory", lambda p: p.total_inventory),
    ],
)
def test_nullable_product_fields_may_be_null(key: str, read: Callable[[Any], object]) -> None:
    node = full_product()
    node[key] = None

    assert read(mapping.product(node)) is None


@pytest.mark.parametrize(
    ("key", "value", "read", "expected"),
    [
        ("quantityAvailable", None, lambda v: v.quantity_available, None),  # tokenless access
        ("sku", None, lambda v: v.sku, None),
        ("sku", "", lambda v: v.sku, None),  # Shopify answers "" for a variant without a SKU
        ("barcode", "", lambda v: v.barcode, None),
        ("weight", 2, lambda v: v.weight, 2.0),
        ("weight", None, lambda v: v.weight, None),
        ("weightUnit", None, lambda v: v.weight_unit, "KILOGRAMS"),
        ("image", None, lambda v: v.image, None),
        ("requiresShipping", False, lambda v: v.requires_shipping, False),
        ("currentlyNotInStock", True, lambda v: v.currently_not_in_stock, True),
    ],
)
def test_variant_edge_values(key: str, value: Any, read: Callable[[Any], object], expected: object) -> None:
    node = full_product()
    first_variant(node)[key] = value

    assert read(mapping.product(node).variants[0]) == expected


def test_a_null_image_in_the_gallery_is_skipped() -> None:
    node = full_product()
    node["images"]["nodes"].insert(0, None)

    assert len(mapping.product(node).images) == len(FIRST.images)


def test_amounts_keep_their_decimal_digits() -> None:
    node = full_product()
    first_variant(node)["price"] = {"amount": "19.90", "currencyCode": "CHF"}

    price = mapping.product(node).variants[0].price

    assert price == Money(Decimal("19.90"), "CHF")
    assert str(price.amount) == "19.90"


def test_a_variant_read_alone_takes_the_product_id_it_is_given() -> None:
    node = load("variants_by_ids").body["data"]["nodes"][0]

    variant = mapping.variant(node, node["product"]["id"])

    assert variant.product_id == product_gid(SALE.id)
    assert variant.sku == SALE.variants[0].sku


def _drop(key: str) -> Callable[[Node], None]:
    def edit(node: Node) -> None:
        del node[key]

    return edit


def _set(key: str, value: Any) -> Callable[[Node], None]:
    def edit(node: Node) -> None:
        node[key] = value

    return edit


def _set_variant(key: str, value: Any) -> Callable[[Node], None]:
    def edit(node: Node) -> None:
        first_variant(node)[key] = value

    return edit


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_drop("handle"), "handle: expected a string"),
        (_set("title", 7), "title: expected a string"),
        (_set("tags", "a,b"), "tags: expected a list"),
        (_set("variants", None), "variants: expected an object"),
        (_set("priceRange", None), "ProductPriceRange: expected an object"),
        (_set("createdAt", "yesterday"), "Invalid isoformat string"),
        (_set("onlineStoreUrl", 1), "onlineStoreUrl: expected a string or null"),
        (_set_variant("price", {"amount": "abc", "currencyCode": "EUR"}), "MoneyV2.amount: not a decimal"),
        (_set_variant("price", {"amount": "1.00"}), "currencyCode: expected a string"),
        (_set_variant("selectedOptions", ["Color"]), "SelectedOption: expected an object"),
        (_set("featuredImage", {"altText": "no url"}), "url: expected a string"),
    ],
)
def test_wrong_shapes_are_value_errors(edit: Callable[[Node], None], message: str) -> None:
    node = full_product()
    edit(node)

    with pytest.raises(ValueError, match=message):
        mapping.product(node)


def test_a_product_that_is_not_an_object_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="Product: expected an object, got list"):
        mapping.product([])


# --- pages, filters and collections ---------------------------------------------------------------------


def test_a_product_page_keeps_cursors_and_page_info() -> None:
    connection = load("products_page").body["data"]["products"]

    page = mapping.product_page(connection)

    assert [p.id for p in page.items] == [product_gid(p.id) for p in WORLD.products[:2]]
    assert [cursor for cursor, _ in page.edges] == [e["cursor"] for e in connection["edges"]]
    assert page.page_info == PageInfo(
        True, False, connection["edges"][0]["cursor"], connection["edges"][-1]["cursor"]
    )
    # `products` has no totalCount, and its filters are empty
    assert (page.total_count, page.filters) == (None, ())


def test_an_empty_page_has_null_cursors() -> None:
    empty = {
        "edges": [],
        "pageInfo": {"hasNextPage": False, "hasPreviousPage": False, "startCursor": None, "endCursor": None},
        "filters": [],
    }

    page = mapping.product_page(empty)

    assert page.items == ()
    assert page.page_info == PageInfo(False, False, None, None)


def test_search_reads_its_count_and_its_product_filters() -> None:
    connection = load("search").body["data"]["search"]

    page = mapping.product_page(connection, filters_key="productFilters")

    assert page.total_count == connection["totalCount"]
    availability = page.filters[0]
    assert availability.id == "filter.v.availability"
    assert availability.values[0].input == '{"available":true}'
    assert all(isinstance(v.count, int) for f in page.filters for v in f.values)


def test_a_filter_value_given_as_an_object_keeps_its_json_and_a_null_count_is_zero() -> None:
    connection = load("search").body["data"]["search"]
    connection["productFilters"] = [
        {
            "id": "filter.v.price",
            "label": "Price",
            "type": "PRICE_RANGE",
            "values": [{"id": "p", "label": "Price", "count": None, "input": {"price": {"min": 0}}}],
        }
    ]

    page = mapping.product_page(connection, filters_key="productFilters")

    assert page.filters == (
        Filter(
            "filter.v.price", "Price", "PRICE_RANGE", (FilterValue("p", "Price", 0, '{"price": {"min": 0}}'),)
        ),
    )


@pytest.mark.parametrize(("total", "expected"), [("12", 12), ("many", None), (None, None), (3, 3)])
def test_a_product_pages_total_count_is_read_when_it_is_a_count(total: object, expected: int | None) -> None:
    connection = load("search").body["data"]["search"]
    connection["totalCount"] = total

    assert mapping.product_page(connection, filters_key="productFilters").total_count == expected


def test_filters_that_are_not_a_list_are_a_value_error() -> None:
    connection = load("search").body["data"]["search"]
    connection["productFilters"] = {"id": "filter.v.price"}

    with pytest.raises(ValueError, match="filters: expected a list"):
        mapping.product_page(connection, filters_key="productFilters")


def test_a_collection_page_reads_its_total_count() -> None:
    connection = load("collections_page").body["data"]["collections"]

    page = mapping.collection_page(connection)

    assert page.total_count == len(WORLD.collections)
    assert [c.handle for c in page.items] == [c.handle for c in WORLD.collections[:2]]
    connection["totalCount"] = None
    assert mapping.collection_page(connection).total_count is None


def test_a_collection_maps_with_and_without_its_image() -> None:
    node = load("collections_by_ids").body["data"]["nodes"][0]
    collection = WORLD.collections[0]

    mapped = mapping.collection(node)
    node["image"] = None

    assert (mapped.handle, mapped.title) == (collection.handle, collection.title.en_US)
    assert mapped.updated_at.tzinfo is not None
    assert isinstance(mapped.updated_at, datetime)
    assert mapped.image is not None
    assert mapping.collection(node).image is None


def test_a_collection_without_a_description_is_a_value_error() -> None:
    node = load("collections_by_ids").body["data"]["nodes"][0]
    node["description"] = None

    with pytest.raises(ValueError, match="description"):
        mapping.collection(node)


# --- menus and the shop ---------------------------------------------------------------------------------


def test_menu_items_nest_and_may_point_at_no_resource() -> None:
    data = load("menus").body["data"]

    main, footer = mapping.menu(data["h0"]), mapping.menu(data["h1"])

    world_titles = [item.title for item in WORLD.menus["main-menu"]]
    assert [item.title for item in main.items][: len(world_titles)] == world_titles
    assert main.items[0].resource_id is not None
    assert [child.type for child in main.items[0].items] == ["PRODUCT", "PRODUCT"]
    assert [(item.type, item.resource_id is None) for item in footer.items[:3]] == [
        ("SEARCH", True),
        ("SHOP_POLICY", False),
        ("SHOP_POLICY", False),
    ]
    assert (footer.items[-1].type, footer.items[-1].resource_id) == ("HTTP", None)


def test_menu_children_may_be_missing_or_nested() -> None:
    node = load("menus").body["data"]["h0"]
    node["items"][0]["items"] = None
    child = {**node["items"][2], "items": [{**node["items"][3], "url": None}]}
    node["items"][1]["items"] = [child]

    menu = mapping.menu(node)

    assert menu.items[0].items == ()
    assert menu.items[1].items[0].items[0].url is None


def test_the_shop_maps_and_its_description_may_be_null() -> None:
    node = load("shop").body["data"]["shop"]

    shop = mapping.shop(node)
    node["description"] = None

    assert (shop.name, shop.currency_code) == (WORLD.shop.name, WORLD.shop.currency)
    assert (shop.primary_domain_host, shop.primary_domain_url) == (
        WORLD.shop.domain,
        f"https://{WORLD.shop.domain}",
    )
    assert mapping.shop(node).description is None


def test_a_shop_without_its_domain_is_a_value_error() -> None:
    node = load("shop").body["data"]["shop"]
    node["primaryDomain"] = None

    with pytest.raises(ValueError, match="Domain: expected an object"):
        mapping.shop(node)
