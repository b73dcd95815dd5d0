"""Admin `shop`, `node` and `nodes`: any record by its global id."""

from __future__ import annotations

from typing import Any

from sandbox.shopify.ids import parse_gid
from sandbox.shopify.store import Store

from .catalog import InventoryItem, find_level
from .context import AdminContext, Info


def _node(ctx: AdminContext, value: str) -> Any:
    parsed = parse_gid(value)
    if parsed is None:
        return None
    store, number = ctx.store, parsed.number or 0
    lookups: dict[str, Any] = {
        "Product": lambda: store.products.get(number),
        "ProductVariant": lambda: store.variants.get(number),
        "InventoryItem": lambda: (
            InventoryItem(store.inventory_items[number]) if number in store.inventory_items else None
        ),
        "InventoryLevel": lambda: find_level(store, value),
        "Location": lambda: store.locations.get(number),
        "Customer": lambda: store.customers.get(number),
        "Order": lambda: store.orders.get(number),
        "WebhookSubscription": lambda: ctx.state.subscriptions.get(number),
        "Shop": lambda: store if value == store.shop_gid else None,
    }
    lookup = lookups.get(parsed.kind)
    return lookup() if lookup else None


def resolve_node(_root: None, info: Info, id: str) -> Any:
    return _node(info.context, id)


def resolve_nodes(_root: None, info: Info, ids: list[str]) -> list[Any]:
    return [_node(info.context, value) for value in ids]


def resolve_shop(_root: None, info: Info) -> Store:
    return info.context.store


NODE_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {"node": resolve_node, "nodes": resolve_nodes, "shop": resolve_shop},
    "Shop": {
        "id": lambda store, info: store.shop_gid,
        "name": lambda store, info: store.shop.name,
        "email": lambda store, info: f"shop@{store.shop.domain}",
        "myshopifyDomain": lambda store, info: store.shop.domain,
        "currencyCode": lambda store, info: store.shop.currency,
        "ianaTimezone": lambda store, info: "Europe/Berlin",
        "url": lambda store, info: store.url,
        "primaryDomain": lambda store, info: {
            "id": "gid://shopify/Domain/1",
            "host": store.shop.domain,
            "url": store.url,
            "sslEnabled": True,
        },
    },
}

__all__ = ["NODE_RESOLVERS"]
