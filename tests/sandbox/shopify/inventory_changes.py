"""Stock changes the sandbox tests make through the Admin API, as a merchant or the ERP would."""

from __future__ import annotations

from sandbox.seed import Variant
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox

ADJUST_INVENTORY = document("admin", "AdjustInventory")


async def sell_out(sandbox: ShopifySandbox, variant: Variant) -> None:
    """Take every available unit of a variant off every location (the world's stock, unchanged before)."""
    changes = [
        {
            "inventoryItemId": f"gid://shopify/InventoryItem/{variant.inventory_item_id}",
            "locationId": f"gid://shopify/Location/{warehouse.shopify_location_id}",
            "delta": -level.available,
        }
        for warehouse in sandbox.world.warehouses
        for level in sandbox.world.stock
        if level.sku == variant.sku and level.warehouse_id == warehouse.id and level.available > 0
    ]
    adjustment = {"name": "available", "reason": "correction", "referenceDocumentUri": "gid://test/1"}
    reply = await sandbox.admin(ADJUST_INVENTORY, {"input": {**adjustment, "changes": changes}})
    assert reply.data["inventoryAdjustQuantities"]["userErrors"] == []


__all__ = ["sell_out"]
