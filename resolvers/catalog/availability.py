"""Availability of variants and products, from the ERP when it is the system of record for stock.

`availableForSale` is non-null in the Storefront API, so when the ERP fails these fall back to
Shopify's own figures (and say so in the response extensions) instead of nulling the product.
"""

from __future__ import annotations

from gateway.models.catalog import Product, Variant
from gateway.models.stock import VariantStock
from resolvers.context import RequestContext

from .enrichment import Enrichment


def _erp_stock(context: RequestContext, enrichment: Enrichment, sku: str | None) -> VariantStock | None:
    """The ERP's stock of a SKU; None when the ERP is not the source, has no such SKU or failed."""
    services = context.services
    if not services.settings.stock_from_erp or services.stock is None or not sku:
        return None
    found = enrichment.stock.get(sku)
    if isinstance(found, BaseException):
        context.fallbacks.add(services.stock.service)
        return None
    return found


def variant_available(context: RequestContext, enrichment: Enrichment, variant: Variant) -> bool:
    stock = _erp_stock(context, enrichment, variant.sku)
    return variant.available_for_sale if stock is None else stock.available > 0


def variant_quantity(context: RequestContext, enrichment: Enrichment, variant: Variant) -> int | None:
    stock = _erp_stock(context, enrichment, variant.sku)
    return variant.quantity_available if stock is None else stock.available


def product_available(context: RequestContext, enrichment: Enrichment, product: Product) -> bool:
    stocks = [_erp_stock(context, enrichment, sku) for sku in product.skus]
    if not stocks or any(stock is None for stock in stocks):
        # Not from the ERP, or the ERP could not say for every variant: Shopify's figure stands.
        return product.available_for_sale
    return any(stock is not None and stock.available > 0 for stock in stocks)


__all__ = ["product_available", "variant_available", "variant_quantity"]
