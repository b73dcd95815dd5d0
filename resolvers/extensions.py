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


def _order_name(keys: Mapping[str, Any]) -> str | None:
    name = keys.get("name")
    return name if isinstance(name, str) and name else None


def _sku(keys: Mapping[str, Any]) -> str | None:
    sku = keys.get("sku")
    return sku if isinstance(sku, str) and sku else None


async def _by_key(keys: Sequence[str | None], loader: Any) -> Loaded:
    """Each distinct key loaded once; None for a site without a key or without a loader."""
    if loader is None:
        return [None] * len(keys)
    wanted = list(dict.fromkeys(key for key in keys if key))
    loaded = dict(zip(wanted, await loaders.load_all(loader, wanted), strict=True))
    return [loaded.get(key) if key else None for key in keys]


async def product_content(
    context: RequestContext, keys: Sequence[Mapping[str, Any]], *, texts: tuple[str, ...] | None = None
) -> Loaded:
    """`Product.content`: the PIM's content of each product's first SKU (`ProductContent` models);
    with `texts`, those texts alone, without attributes or media (the selection shows no others)."""
    loader = loaders.content_by_sku(context, texts=texts)
    return await _by_key([_first_variant_sku(k) for k in keys], loader)


async def variant_stock(context: RequestContext, keys: Sequence[Mapping[str, Any]]) -> Loaded:
    """`ProductVariant.stock`: the ERP's stock of each variant's SKU (`VariantStock` models)."""
    return await _by_key([_sku(k) for k in keys], loaders.stock_by_sku(context))


async def order_fulfilment(context: RequestContext, keys: Sequence[Mapping[str, Any]]) -> Loaded:
    """`Order.fulfilment`: the ERP's sale order and deliveries of each order's name (`Fulfilment` models).

    The name is the one Shopify returned for an order the caller may see (the customer's own
    token, or an id Shopify resolved for them): never a name from the client's document.
    """
    # The answer holds one buyer's orders, whatever else the planning saw.
    context.private = True
    return await _by_key([_order_name(k) for k in keys], loaders.fulfilment_by_order_name(context))


async def order_invoices(context: RequestContext, keys: Sequence[Mapping[str, Any]]) -> Loaded:
    """`Order.invoices`: the ERP's customer invoices of each order's name (`OrderInvoices` models)."""
    context.private = True
    return await _by_key([_order_name(k) for k in keys], loaders.invoices_by_order_name(context))


async def _erp_stock(context: RequestContext, skus: Sequence[str | None]) -> list[Any]:
    """The ERP's stock per SKU; None where it has no figure, and None for all if it failed (noted)."""
    loader = loaders.stock_by_sku(context)
    stock = context.services.stock
    if loader is None or stock is None or not context.services.settings.stock_from_erp:
        return [None] * len(skus)
    found = await _by_key(skus, loader)
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


def _email(keys: Mapping[str, Any]) -> str | None:
    """The customer's e-mail: the Storefront API's `email`, or the Customer Account API's
    `emailAddress { emailAddress }`."""
    email = keys.get("email")
    nested = keys.get("emailAddress")
    if email is None and isinstance(nested, dict):
        email = nested.get("emailAddress")
    return email if isinstance(email, str) and email else None


async def customer_profile(
    context: RequestContext, keys: Sequence[Mapping[str, Any]], *, segments: bool = True
) -> Loaded:
    """`Customer.profile`: the CRM's profile of each customer's e-mail (`CustomerProfile` models).

    The e-mail is the one Shopify answered for the request's own token; a customer without one has
    no profile.
    """
    return await _by_key([_email(k) for k in keys], loaders.profile_by_email(context, segments=segments))


async def customer_conversations(context: RequestContext, keys: Sequence[Mapping[str, Any]]) -> Loaded:
    """`Customer.conversations`: the chat's conversations of each customer's e-mail
    (`CustomerConversations` models; None where the chat has no contact of that e-mail)."""
    return await _by_key([_email(k) for k in keys], loaders.conversations_by_email(context))


def _variant_skus(keys: Mapping[str, Any]) -> list[str | None]:
    variants = keys.get("variants")
    nodes = variants.get("nodes") if isinstance(variants, dict) else None
    if not isinstance(nodes, list):
        return []
    return [_sku(node) if isinstance(node, dict) else None for node in nodes]


__all__ = [
    "Loaded",
    "order_fulfilment",
    "order_invoices",
    "product_available",
    "product_content",
    "variant_available",
    "variant_quantity",
    "variant_stock",
]
