"""Changing stock the way Shopify's inventory states move: every change publishes the level.

Shopify keeps on_hand = available + committed + reserved + damaged + quality_control +
safety_stock; `incoming` sits outside on_hand. Adjusting `available` (or another on-hand state)
moves on_hand with it; an order takes units from available into committed, a restock gives them
back.
"""

from __future__ import annotations

from .changes import InventoryLevelChanged
from .records import InventoryClaim, InventoryLevel, OrderRecord, VariantRecord
from .store import Store

ADJUSTABLE = ("available", "damaged", "incoming", "quality_control", "reserved", "safety_stock")
"""Quantity names `inventoryAdjustQuantities` accepts."""

ON_HAND_STATES = ("available", "committed", "reserved", "damaged", "quality_control", "safety_stock")


def adjust(store: Store, level: InventoryLevel, name: str, delta: int) -> list[tuple[str, int, int]]:
    """Apply `delta` to quantity `name`: the (name, delta, quantity after) of every state it moved."""
    moved: list[tuple[str, int, int]] = []
    if name != "available":
        level.quantities[name] += delta
        moved.append((name, delta, level.quantities[name]))
    if name in ON_HAND_STATES:
        level.quantities["on_hand"] += delta
        if name == "available":
            moved.append(("available", delta, level.available))
        moved.append(("on_hand", delta, level.quantities["on_hand"]))
    _changed(store, level)
    return moved


def claim(store: Store, order: OrderRecord, variant: VariantRecord, quantity: int) -> None:
    """Take `quantity` available units into committed for `order`, fullest locations first.

    What the locations cannot cover is taken from the last one, which goes below zero: checking
    that stock suffices is the caller's policy (Shopify's DECREMENT_OBEYING_POLICY).
    """
    levels = sorted(variant.levels, key=lambda level: -level.available)
    remaining = quantity
    for index, level in enumerate(levels):
        last = index == len(levels) - 1
        take = remaining if last else min(remaining, max(0, level.available))
        if take <= 0:
            continue
        level.quantities["committed"] += take
        order.claims.append(InventoryClaim(level, take))
        _changed(store, level)
        remaining -= take
        if remaining == 0:
            break


def release(store: Store, order: OrderRecord) -> None:
    """Give an order's committed units back to available (a restocking cancellation)."""
    for item in order.claims:
        item.level.quantities["committed"] -= item.quantity
        _changed(store, item.level)
    order.claims.clear()


def _changed(store: Store, level: InventoryLevel) -> None:
    level.updated_at = store.now()
    store.touch()  # availability counts and sold-out ordering read stock
    store.changes.publish(InventoryLevelChanged(level))


__all__ = ["ADJUSTABLE", "ON_HAND_STATES", "adjust", "claim", "release"]
