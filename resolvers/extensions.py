"""The values of the gateway's fields on Shopify's objects, loaded for a whole answer at once.

Each loader takes the key fields Shopify returned for every site of one field in the answer (a
variant's `sku`; a product's first variant's `sku`), loads them in one batch through the source
cache and the request's DataLoaders, and returns the gateway's model, None, or the backend's error
per site, in order (`schema.extensions` turns the models into the schema's types).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from . import loaders
from .context import RequestContext

Loaded = list[Any]
"""Per site, in order: its model, None, or the exception that cost it."""


def _first_variant_sku(keys: Mapping[str, Any]) -> str | None:
    variants = keys.get("variants")
    nodes = variants.get("nodes") if isinstance(variants, dict) else None
    if not isinstance(nodes, list) or not nodes or not isinstance(nodes[0], dict):
        return None
    sku = nodes[0].get("sku")
    return sku if isinstance(sku, str) and sku else None


def _sku(keys: Mapping[str, Any]) -> str | None:
    sku = keys.get("sku")
    return sku if isinstance(sku, str) and sku else None


async def _by_sku(skus: Sequence[str | None], loader: Any) -> Loaded:
    if loader is None:
        return [None] * len(skus)
    wanted = list(dict.fromkeys(sku for sku in skus if sku))
    loaded = dict(zip(wanted, await loaders.load_all(loader, wanted), strict=True))
    return [loaded.get(sku) if sku else None for sku in skus]


async def product_content(
    context: RequestContext, keys: Sequence[Mapping[str, Any]], *, texts: tuple[str, ...] | None = None
) -> Loaded:
    """`Product.content`: the PIM's content of each product's first SKU (`ProductContent` models);
    with `texts`, those texts alone, without attributes or media (the selection shows no others)."""
    loader = loaders.content_by_sku(context, texts=texts)
    return await _by_sku([_first_variant_sku(k) for k in keys], loader)


async def variant_stock(context: RequestContext, keys: Sequence[Mapping[str, Any]]) -> Loaded:
    """`ProductVariant.stock`: the ERP's stock of each variant's SKU (`VariantStock` models)."""
    return await _by_sku([_sku(k) for k in keys], loaders.stock_by_sku(context))


async def _erp_stock(context: RequestContext, skus: Sequence[str | None]) -> list[Any]:
    """The ERP's stock per SKU; None where it has no figure, and None for all if it failed (noted)."""
    loader = loaders.stock_by_sku(context)
    stock = context.services.stock
    if loader is None or stock is None or not context.services.settings.stock_from_erp:
        return [None] * len(skus)
    found = await _by_sku(skus, loader)
    if any(isinstance(value, BaseException) for value in found):
        # Shopify's own figure stands in, and the answer says so (`extensions.fallbacks`).
        context.fallbacks.add(stock.service)
    return [None if isinstance(value, BaseException) else value for value in found]


async def variant_available(context: RequestContext, keys: Sequence[Mapping[str, Any]]) -> Loaded:
    """`ProductVariant.availableForSale` from the ERP: whether any unit is available."""
    return [
        None if s is None else s.available > 0 for s in await _erp_stock(context, [_sku(k) for k in keys])
    ]


async def variant_quantity(context: RequestContext, keys: Sequence[Mapping[str, Any]]) -> Loaded:
    """`ProductVariant.quantityAvailable` from the ERP."""
    return [None if s is None else s.available for s in await _erp_stock(context, [_sku(k) for k in keys])]


async def product_available(context: RequestContext, keys: Sequence[Mapping[str, Any]]) -> Loaded:
    """`Product.availableForSale` from the ERP, when it has a figure for every variant of the product."""
    skus_of = [_variant_skus(k) for k in keys]
    flat = [sku for skus in skus_of for sku in skus]
    stocks = iter(await _erp_stock(context, flat))
    values: Loaded = []
    for skus in skus_of:
        found = [next(stocks) for _ in skus]
        complete = bool(found) and all(s is not None for s in found)
        values.append(any(s.available > 0 for s in found) if complete else None)
    return values


def _variant_skus(keys: Mapping[str, Any]) -> list[str | None]:
    variants = keys.get("variants")
    nodes = variants.get("nodes") if isinstance(variants, dict) else None
    if not isinstance(nodes, list):
        return []
    return [_sku(node) if isinstance(node, dict) else None for node in nodes]


__all__ = [
    "Loaded",
    "product_available",
    "product_content",
    "variant_available",
    "variant_quantity",
    "variant_stock",
]
