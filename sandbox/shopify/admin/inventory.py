"""`inventoryAdjustQuantities`: the connector's ERP-to-Shopify stock sync, by delta."""

from __future__ import annotations

from typing import Any

from sandbox.shopify.ids import gid, parse_gid
from sandbox.shopify.inventory import ADJUSTABLE, adjust
from sandbox.shopify.records import InventoryLevel
from sandbox.shopify.timestamps import iso

from .catalog import InventoryItem
from .context import Info

REASONS = (
    "correction",
    "cycle_count_available",
    "damaged",
    "movement_canceled",
    "movement_created",
    "movement_received",
    "movement_updated",
    "other",
    "promotion",
    "quality_control",
    "received",
    "reservation_created",
    "reservation_deleted",
    "reservation_updated",
    "restock",
    "safety_stock",
    "shrinkage",
)
"""The reasons Shopify accepts for an inventory adjustment."""


def _error(field: list[str], message: str, code: str) -> dict[str, Any]:
    return {"field": field, "message": message, "code": code}


def _failure(error: dict[str, Any]) -> dict[str, Any]:
    return {"inventoryAdjustmentGroup": None, "userErrors": [error]}


def inventory_adjust_quantities(_root: None, info: Info, input: dict[str, Any]) -> dict[str, Any]:
    ctx = info.context
    store = ctx.store
    name, reason = input["name"], input["reason"]
    if name not in ADJUSTABLE:
        return _failure(
            _error(
                ["input", "name"],
                f"The quantity name must be one of the following: {', '.join(ADJUSTABLE)}.",
                "INVALID_QUANTITY_NAME",
            )
        )
    if reason not in REASONS:
        return _failure(
            _error(
                ["input", "reason"],
                f"The specified reason is invalid. Valid values: {', '.join(REASONS)}.",
                "INVALID_REASON",
            )
        )
    levels: list[tuple[InventoryLevel, dict[str, Any]]] = []
    for index, change in enumerate(input["changes"]):
        where = ["input", "changes", str(index)]
        item = parse_gid(change["inventoryItemId"])
        variant = (
            store.inventory_items.get(item.number or 0) if item and item.kind == "InventoryItem" else None
        )
        if variant is None:
            return _failure(
                _error(
                    [*where, "inventoryItemId"],
                    "The specified inventory item could not be found.",
                    "INVALID_INVENTORY_ITEM",
                )
            )
        location = parse_gid(change["locationId"])
        found = (
            store.locations.get(location.number or 0) if location and location.kind == "Location" else None
        )
        if found is None:
            return _failure(
                _error(
                    [*where, "locationId"], "The specified location could not be found.", "INVALID_LOCATION"
                )
            )
        level = next(level for level in variant.levels if level.location is found)
        expected = change.get("changeFromQuantity")
        if expected is not None and level.quantity(name) != expected:
            return _failure(
                _error(
                    [*where, "changeFromQuantity"],
                    "The specified compare quantity does not match the current quantity.",
                    "CHANGE_FROM_QUANTITY_STALE",
                )
            )
        levels.append((level, change))
    changes = []
    for level, change in levels:
        for moved_name, delta, after in adjust(store, level, name, change["delta"]):
            changes.append(
                {
                    "name": moved_name,
                    "delta": delta,
                    "quantityAfterChange": after,
                    "item": InventoryItem(level.variant),
                    "location": level.location,
                    "ledgerDocumentUri": change.get("ledgerDocumentUri"),
                }
            )
    ctx.state.next_adjustment_group_id += 1
    group = {
        "id": gid("InventoryAdjustmentGroup", ctx.state.next_adjustment_group_id),
        "reason": reason,
        "referenceDocumentUri": input.get("referenceDocumentUri"),
        "createdAt": iso(store.now()),
        "changes": changes,
    }
    return {"inventoryAdjustmentGroup": group, "userErrors": []}


def _changes(group: dict[str, Any], info: Info, **filters: Any) -> list[dict[str, Any]]:
    items = filters.get("inventoryItemIds")
    locations = filters.get("locationIds")
    names = filters.get("quantityNames")
    return [
        change
        for change in group["changes"]
        if (items is None or change["item"].variant.inventory_item_gid in items)
        and (locations is None or change["location"].gid in locations)
        and (names is None or change["name"] in names)
    ]


INVENTORY_RESOLVERS: dict[str, dict[str, Any]] = {
    "Mutation": {"inventoryAdjustQuantities": inventory_adjust_quantities},
    "InventoryAdjustmentGroup": {"changes": _changes},
}

__all__ = ["INVENTORY_RESOLVERS", "REASONS"]
