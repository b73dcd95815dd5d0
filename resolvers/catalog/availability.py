"""Availability of variants and products, from the ERP when it is the system of record for stock.

`availableForSale` is non-null in the Storefront API, so when the ERP fails these fall back to
Shopify's own figures (and say so in the response extensions) instead of nulling the product.
"""

from __future__ import annotations

from gateway.backends.http.errors import BackendError
from gateway.models.catalog import Product, Variant
from gateway.models.stock import VariantStock
from resolvers import loaders
from resolvers.context import RequestContext


async def variant_stock(context: RequestContext, sku: str | None) -> VariantStock | None:
    """The ERP's stock of a SKU; None without an ERP or a SKU. Raises the ERP's error."""
    loader = loaders.stock_by_sku(context)
    if loader is None or not sku:
        return None
    return await loader.load(sku)


def _from_erp(context: RequestContext) -> bool:
    return context.services.settings.stock_from_erp and context.services.stock is not None


async def _erp_stock(context: RequestContext, variant: Variant) -> VariantStock | Exception | None:
    try:
        return await variant_stock(context, variant.sku)
    except Exception as exc:
        if not isinstance(exc, BackendError):
            raise
        context.fallbacks.add(context.services.stock.service if context.services.stock else "erp")
        return exc


async def variant_available(context: RequestContext, variant: Variant) -> bool:
    if not _from_erp(context):
        return variant.available_for_sale
    stock = await _erp_stock(context, variant)
    if stock is None or isinstance(stock, Exception):
        return variant.available_for_sale
    return stock.available > 0


async def variant_quantity(context: RequestContext, variant: Variant) -> int | None:
    if not _from_erp(context):
        return variant.quantity_available
    stock = await _erp_stock(context, variant)
    if stock is None or isinstance(stock, Exception):
        return variant.quantity_available
    return stock.available


async def product_available(context: RequestContext, product: Product) -> bool:
    if not _from_erp(context):
        return product.available_for_sale
    loader = loaders.stock_by_sku(context)
    assert loader is not None
    results = await loaders.load_all(loader, product.skus)
    if any(isinstance(result, BaseException) for result in results):
        if not all(isinstance(r, BackendError) for r in results if isinstance(r, BaseException)):
            raise next(r for r in results if isinstance(r, BaseException))
        context.fallbacks.add(context.services.stock.service if context.services.stock else "erp")
        return product.available_for_sale
    return any(isinstance(stock, VariantStock) and stock.available > 0 for stock in results)


__all__ = ["product_available", "variant_available", "variant_quantity", "variant_stock"]
