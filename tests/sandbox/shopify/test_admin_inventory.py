"""Admin stock: SKU batches, levels by item, and `inventoryAdjustQuantities` seen by the Storefront."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from sandbox.seed import Variant, generate
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox, running

STOCK_BY_SKU = document("admin", "StockBySku")
LEVELS_BY_ITEM_IDS = document("admin", "LevelsByItemIds")
ADJUST_INVENTORY = document("admin", "AdjustInventory")
NODES_BATCH = document("storefront", "NodesBatch")


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(60)) as sandbox:
        yield sandbox


def levels(shop: ShopifySandbox, variant: Variant) -> dict[str, tuple[int, int]]:
    """Location name → (on hand, reserved) in the world's stock."""
    names = {w.id: w.name for w in shop.world.warehouses}
    return {names[s.warehouse_id]: (s.quantity, s.reserved) for s in shop.world.stock if s.sku == variant.sku}


async def test_stock_by_sku_batch_reports_quantities_per_location(shop: ShopifySandbox) -> None:
    # given
    variants = [p.variants[0] for p in shop.world.products[:5]]
    query = " OR ".join(f"sku:{v.sku}" for v in variants)

    # when
    reply = await shop.admin(STOCK_BY_SKU, {"q": query, "first": 10})

    # then
    nodes = reply.data["productVariants"]["nodes"]
    assert sorted(n["sku"] for n in nodes) == sorted(v.sku for v in variants)
    for node in nodes:
        variant = next(v for v in variants if v.sku == node["sku"])
        world = levels(shop, variant)
        assert node["inventoryItem"]["id"] == f"gid://shopify/InventoryItem/{variant.inventory_item_id}"
        assert node["inventoryItem"]["tracked"] is True
        for level in node["inventoryItem"]["inventoryLevels"]["nodes"]:
            on_hand, reserved = world[level["location"]["name"]]
            quantities = {q["name"]: q["quantity"] for q in level["quantities"]}
            assert quantities == {
                "available": on_hand - reserved,
                "on_hand": on_hand,
                "committed": reserved,
                "reserved": 0,
                "incoming": 0,
            }
            assert level["id"].startswith("gid://shopify/InventoryLevel/")
            assert level["id"].endswith(f"?inventory_item_id={variant.inventory_item_id}")
        assert node["inventoryQuantity"] == sum(h - r for h, r in world.values())


async def test_levels_by_item_ids_at_one_location(shop: ShopifySandbox) -> None:
    variant = shop.world.products[1].variants[0]
    warehouse = shop.world.warehouses[1]
    reply = await shop.admin(
        LEVELS_BY_ITEM_IDS,
        {
            "ids": [
                f"gid://shopify/InventoryItem/{variant.inventory_item_id}",
                "gid://shopify/InventoryItem/1",
            ],
            "locationId": f"gid://shopify/Location/{warehouse.shopify_location_id}",
        },
    )
    first, missing = reply.data["nodes"]
    on_hand, reserved = levels(shop, variant)[warehouse.name]
    assert first["sku"] == variant.sku
    assert first["inventoryLevel"]["quantities"] == [
        {"name": "available", "quantity": on_hand - reserved},
        {"name": "on_hand", "quantity": on_hand},
    ]
    assert missing is None


def adjustment(variant: Variant, location_id: int, delta: int, **extra: Any) -> dict[str, Any]:
    change = {
        "inventoryItemId": f"gid://shopify/InventoryItem/{variant.inventory_item_id}",
        "locationId": f"gid://shopify/Location/{location_id}",
        "delta": delta,
        **extra,
    }
    return {
        "input": {
            "name": "available",
            "reason": "correction",
            "referenceDocumentUri": "gid://gateway/Sync/1",
            "changes": [change],
        }
    }


async def test_adjusting_available_moves_on_hand_and_shows_on_the_storefront(shop: ShopifySandbox) -> None:
    # given
    variant = shop.world.products[2].variants[0]
    location = shop.world.warehouses[0].shopify_location_id
    before = (
        await shop.storefront(NODES_BATCH, {"ids": [f"gid://shopify/ProductVariant/{variant.id}"]})
    ).data
    quantity_before = before["nodes"][0]["quantityAvailable"]

    # when
    reply = await shop.admin(ADJUST_INVENTORY, adjustment(variant, location, 7))

    # then
    payload = reply.data["inventoryAdjustQuantities"]
    assert payload["userErrors"] == []
    group = payload["inventoryAdjustmentGroup"]
    assert group["id"].startswith("gid://shopify/InventoryAdjustmentGroup/")
    assert group["reason"] == "correction"
    assert group["referenceDocumentUri"] == "gid://gateway/Sync/1"
    assert [(c["name"], c["delta"]) for c in group["changes"]] == [("available", 7), ("on_hand", 7)]
    assert group["changes"][0]["item"]["id"] == f"gid://shopify/InventoryItem/{variant.inventory_item_id}"
    after = (await shop.storefront(NODES_BATCH, {"ids": [f"gid://shopify/ProductVariant/{variant.id}"]})).data
    assert after["nodes"][0]["quantityAvailable"] == quantity_before + 7


async def test_a_stale_change_from_quantity_changes_nothing(shop: ShopifySandbox) -> None:
    variant = shop.world.products[3].variants[0]
    location = shop.world.warehouses[0].shopify_location_id
    reply = await shop.admin(ADJUST_INVENTORY, adjustment(variant, location, -1, changeFromQuantity=99_999))
    assert reply.data["inventoryAdjustQuantities"] == {
        "inventoryAdjustmentGroup": None,
        "userErrors": [
            {
                "code": "CHANGE_FROM_QUANTITY_STALE",
                "field": ["input", "changes", "0", "changeFromQuantity"],
                "message": "The specified compare quantity does not match the current quantity.",
            }
        ],
    }


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        (
            {"inventoryItemId": "gid://shopify/InventoryItem/1"},
            "INVALID_INVENTORY_ITEM",
            ["input", "changes", "0", "inventoryItemId"],
        ),
        (
            {"locationId": "gid://shopify/Location/1"},
            "INVALID_LOCATION",
            ["input", "changes", "0", "locationId"],
        ),
        ({"name": "on_hand"}, "INVALID_QUANTITY_NAME", ["input", "name"]),
        ({"reason": "because"}, "INVALID_REASON", ["input", "reason"]),
    ],
)
async def test_bad_adjustments_are_user_errors(
    shop: ShopifySandbox, change: dict[str, str], code: str, field: list[str]
) -> None:
    variables = adjustment(
        shop.world.products[4].variants[0], shop.world.warehouses[0].shopify_location_id, 1
    )
    for key in ("name", "reason"):
        if key in change:
            variables["input"][key] = change[key]
    for key in ("inventoryItemId", "locationId"):
        if key in change:
            variables["input"]["changes"][0][key] = change[key]
    reply = await shop.admin(ADJUST_INVENTORY, variables)
    payload = reply.data["inventoryAdjustQuantities"]
    assert payload["inventoryAdjustmentGroup"] is None
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [(code, field)]


COLLECTION_PRODUCTS = document("storefront", "CollectionProducts")


async def test_a_product_selling_out_leaves_the_in_stock_facet_at_once(shop: ShopifySandbox) -> None:
    # given a collection whose in-stock count has been computed (and kept) once
    collection = next(c for c in shop.world.collections if len(c.product_ids) > 3)
    variables = {"handle": collection.handle, "first": 1}

    async def in_stock() -> int:
        filters = (await shop.storefront(COLLECTION_PRODUCTS, variables)).data["collection"]["products"][
            "filters"
        ]
        availability = next(f for f in filters if f["id"] == "filter.v.availability")
        count: int = next(v["count"] for v in availability["values"] if v["label"] == "In stock")
        return count

    before = await in_stock()
    product = next(p for p in shop.world.products if p.id in collection.product_ids and p.published)
    nodes = (
        await shop.storefront(
            NODES_BATCH, {"ids": [f"gid://shopify/ProductVariant/{v.id}" for v in product.variants]}
        )
    ).data["nodes"]
    assert any(node["availableForSale"] for node in nodes)

    # when every unit of every variant is sold elsewhere
    query = " OR ".join(f"sku:{v.sku}" for v in product.variants)
    stock = (await shop.admin(STOCK_BY_SKU, {"q": query, "first": 10})).data["productVariants"]["nodes"]
    for node in stock:
        variant = next(v for v in product.variants if v.sku == node["sku"])
        for level in node["inventoryItem"]["inventoryLevels"]["nodes"]:
            available = next(q["quantity"] for q in level["quantities"] if q["name"] == "available")
            if available > 0:
                location = int(level["location"]["id"].rsplit("/", 1)[1])
                reply = await shop.admin(ADJUST_INVENTORY, adjustment(variant, location, -available))
                assert reply.data["inventoryAdjustQuantities"]["userErrors"] == []

    # then
    assert await in_stock() == before - 1
