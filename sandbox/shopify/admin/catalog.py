"""Admin API catalog and stock: products, variants (by SKU), inventory items and levels, locations.

The Admin API sees every product, published or not. `productVariants(query: "sku:A OR sku:B")`
is the connector's stock batch: an index lookup, whatever the catalog size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from graphql import GraphQLError

from sandbox.seed import EPOCH
from sandbox.shopify.connections import Ordering, Window, paginate
from sandbox.shopify.cursors import SortValue
from sandbox.shopify.ids import parse_gid
from sandbox.shopify.records import (
    QUANTITY_NAMES,
    InventoryLevel,
    LocationRecord,
    ProductRecord,
    VariantRecord,
)
from sandbox.shopify.relay import Connection, list_connection
from sandbox.shopify.store import Store
from sandbox.shopify.timestamps import iso

from .context import Info
from .money_fields import money_scalar
from .search import admin_product_matchers, matching, search_connection, variant_matchers


@dataclass(frozen=True, slots=True)
class InventoryItem:
    """The inventory item of a variant (one each in the sandbox), as its own GraphQL object."""

    variant: VariantRecord


def level_gid(level: InventoryLevel) -> str:
    return f"gid://shopify/InventoryLevel/{level.location.id}?inventory_item_id={level.variant.inventory_item_id}"


def _number(value: str | None, kind: str) -> int | None:
    parsed = parse_gid(value) if value else None
    return parsed.number if parsed is not None and parsed.kind == kind else None


# Roots


def resolve_product(_root: None, info: Info, id: str) -> ProductRecord | None:
    return info.context.store.products.get(_number(id, "Product") or 0)


PRODUCT_SORTS: dict[str, Callable[[ProductRecord], SortValue]] = {
    "ID": lambda p: p.id,
    "TITLE": lambda p: p.title.en_US.casefold(),
    "CREATED_AT": lambda p: iso(p.created_at),
    "UPDATED_AT": lambda p: iso(p.updated_at),
    "PUBLISHED_AT": lambda p: iso(p.published_at) if p.published_at else "",
    "PRODUCT_TYPE": lambda p: p.product_type.casefold(),
    "VENDOR": lambda p: p.vendor.casefold(),
    "INVENTORY_TOTAL": lambda p: p.total_inventory,
    "RELEVANCE": lambda p: p.id,
}


def resolve_products(_root: None, info: Info, **args: Any) -> Connection[ProductRecord]:
    store = info.context.store
    return search_connection(
        info, args, store.products, admin_product_matchers(store), PRODUCT_SORTS, cache="admin-products"
    )


def resolve_variant(_root: None, info: Info, id: str) -> VariantRecord | None:
    return info.context.store.variants.get(_number(id, "ProductVariant") or 0)


VARIANT_SORTS: dict[str, Callable[[VariantRecord], SortValue]] = {
    "ID": lambda v: v.id,
    "SKU": lambda v: v.sku,
    "TITLE": lambda v: v.title("en_US").casefold(),
    "NAME": lambda v: v.display_name.casefold(),
    "FULL_TITLE": lambda v: v.display_name.casefold(),
    "POSITION": lambda v: v.position,
    "INVENTORY_QUANTITY": lambda v: v.quantity_available,
    "INVENTORY_LEVELS_AVAILABLE": lambda v: v.quantity_available,
    "INVENTORY_MANAGEMENT": lambda v: v.id,
    "INVENTORY_POLICY": lambda v: v.id,
    "POPULAR": lambda v: -v.product.units_sold,
    "RELEVANCE": lambda v: v.id,
}


def resolve_variants(_root: None, info: Info, **args: Any) -> Connection[VariantRecord]:
    store = info.context.store
    return search_connection(
        info, args, store.variants, variant_matchers(store), VARIANT_SORTS, cache="admin-variants"
    )


def resolve_inventory_item(_root: None, info: Info, id: str) -> InventoryItem | None:
    variant = info.context.store.inventory_items.get(_number(id, "InventoryItem") or 0)
    return InventoryItem(variant) if variant else None


def resolve_inventory_items(_root: None, info: Info, **args: Any) -> Connection[InventoryItem]:
    ctx = info.context
    window = Window.of(args)
    items = {v.inventory_item_id: v for v in ctx.store.variants.values()}
    matchers = variant_matchers(ctx.store)
    found = matching(info, args.get("query"), ctx.store.variants, matchers)
    variants = list(items.values()) if found is None else found
    ordering = Ordering.sort(
        [InventoryItem(v) for v in variants], lambda i: (i.variant.inventory_item_id, i.variant.id)
    )
    return Connection(paginate(ordering, window, reverse=bool(args.get("reverse"))))


def find_level(store: Store, value: str) -> InventoryLevel | None:
    """The level an `InventoryLevel` gid (`…/<location>?inventory_item_id=<item>`) names."""
    parsed = parse_gid(value)
    if parsed is None or parsed.kind != "InventoryLevel" or not parsed.query.startswith("inventory_item_id="):
        return None
    item = parsed.query.removeprefix("inventory_item_id=")
    variant = store.inventory_items.get(int(item)) if item.isdigit() else None
    if variant is None or parsed.number is None:
        return None
    return next((level for level in variant.levels if level.location.id == parsed.number), None)


def resolve_inventory_level(_root: None, info: Info, id: str) -> InventoryLevel | None:
    return find_level(info.context.store, id)


def resolve_location(_root: None, info: Info, id: str | None = None) -> LocationRecord | None:
    locations = info.context.store.locations
    if id is None:  # no id: the shop's primary location
        return next(iter(locations.values()))
    return locations.get(_number(id, "Location") or 0)


def resolve_locations(_root: None, info: Info, **args: Any) -> Connection[LocationRecord]:
    return list_connection(list(info.context.store.locations.values()), args, lambda loc: loc.id)


# Objects


def _inventory_levels(item: InventoryItem, info: Info, **args: Any) -> Connection[InventoryLevel]:
    return list_connection(item.variant.levels, args, lambda level: level.location.id)


def _inventory_level(item: InventoryItem, info: Info, locationId: str, **_: Any) -> InventoryLevel | None:
    location = _number(locationId, "Location")
    return next((level for level in item.variant.levels if level.location.id == location), None)


def _quantities(level: InventoryLevel, info: Info, names: list[str]) -> list[dict[str, Any]]:
    unknown = [name for name in names if name not in QUANTITY_NAMES]
    if unknown:
        raise GraphQLError(
            f"Invalid quantity names: {', '.join(unknown)}. Valid names are: {', '.join(QUANTITY_NAMES)}.",
            extensions={"code": "BAD_REQUEST"},
        )
    base = level_gid(level).replace("InventoryLevel", "InventoryQuantity")
    return [
        {
            "id": f"{base}&name={name}",
            "name": name,
            "quantity": level.quantity(name),
            "updatedAt": iso(level.updated_at),
        }
        for name in names
    ]


def _product_variants(product: ProductRecord, info: Info, **args: Any) -> Connection[VariantRecord]:
    return list_connection(product.variants, args, lambda v: v.id)


CATALOG_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {
        "product": resolve_product,
        "products": resolve_products,
        "productVariant": resolve_variant,
        "productVariants": resolve_variants,
        "inventoryItem": resolve_inventory_item,
        "inventoryItems": resolve_inventory_items,
        "inventoryLevel": resolve_inventory_level,
        "location": resolve_location,
        "locations": resolve_locations,
    },
    "Product": {
        "id": lambda p, info: p.gid,
        "legacyResourceId": lambda p, info: str(p.id),
        "title": lambda p, info: p.title.en_US,
        "handle": lambda p, info: p.handle,
        "vendor": lambda p, info: p.vendor,
        "productType": lambda p, info: p.product_type,
        "tags": lambda p, info: p.tags,
        "status": lambda p, info: "ACTIVE" if p.published else "DRAFT",
        "createdAt": lambda p, info: iso(p.created_at),
        "updatedAt": lambda p, info: iso(p.updated_at),
        "publishedAt": lambda p, info: iso(p.published_at) if p.published_at else None,
        "totalInventory": lambda p, info: p.total_inventory,
        "variants": _product_variants,
        "description": lambda p, info: p.description.en_US,
        "descriptionHtml": lambda p, info: f"<p>{escape(p.description.en_US)}</p>",
    },
    "ProductVariant": {
        "id": lambda v, info: v.gid,
        "legacyResourceId": lambda v, info: str(v.id),
        "sku": lambda v, info: v.sku,
        "barcode": lambda v, info: v.barcode,
        "title": lambda v, info: v.title("en_US"),
        "displayName": lambda v, info: v.display_name,
        "price": lambda v, info: money_scalar(v.price),
        "compareAtPrice": lambda v, info: money_scalar(v.compare_at_price) if v.compare_at_price else None,
        "position": lambda v, info: v.position,
        "inventoryQuantity": lambda v, info: v.quantity_available,
        "sellableOnlineQuantity": lambda v, info: max(0, v.quantity_available),
        "availableForSale": lambda v, info: v.available_for_sale,
        "inventoryItem": lambda v, info: InventoryItem(v),
        "inventoryPolicy": lambda v, info: "DENY",
        "product": lambda v, info: v.product,
        "selectedOptions": lambda v, info: [
            {"name": value.option.name.en_US, "value": value.name.en_US} for value in v.option_values
        ],
        "createdAt": lambda v, info: iso(v.created_at),
        "updatedAt": lambda v, info: iso(v.updated_at),
        "taxable": lambda v, info: True,
    },
    "InventoryItem": {
        "id": lambda i, info: i.variant.inventory_item_gid,
        "legacyResourceId": lambda i, info: str(i.variant.inventory_item_id),
        "sku": lambda i, info: i.variant.sku,
        "tracked": lambda i, info: True,
        "requiresShipping": lambda i, info: True,
        "createdAt": lambda i, info: iso(i.variant.created_at),
        "updatedAt": lambda i, info: iso(max(level.updated_at for level in i.variant.levels)),
        "inventoryLevels": _inventory_levels,
        "inventoryLevel": _inventory_level,
        "variants": lambda i, info, **args: list_connection([i.variant], args, lambda v: v.id),
    },
    "InventoryLevel": {
        "id": lambda level, info: level_gid(level),
        "item": lambda level, info: InventoryItem(level.variant),
        "location": lambda level, info: level.location,
        "quantities": _quantities,
        "createdAt": lambda level, info: iso(level.variant.created_at),
        "updatedAt": lambda level, info: iso(level.updated_at),
        "isActive": lambda level, info: True,
    },
    "Location": {
        "id": lambda loc, info: loc.gid,
        "legacyResourceId": lambda loc, info: str(loc.id),
        "name": lambda loc, info: loc.name,
        "isActive": lambda loc, info: True,
        "fulfillsOnlineOrders": lambda loc, info: True,
        "createdAt": lambda loc, info: iso(EPOCH),
        "updatedAt": lambda loc, info: iso(EPOCH),
    },
}

__all__ = ["CATALOG_RESOLVERS", "InventoryItem", "find_level", "level_gid"]
