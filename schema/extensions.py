"""Where the gateway's own fields attach to Shopify's objects, and the keys each one is joined by.

Composition (`gateway.graphql.composition`) adds each extension to Shopify's schema; planning
asks Shopify for its `requires` selection beside the client's, so the gateway can load the
extension's value from its own system. An override is a field Shopify has whose value another
system holds the truth of (stock, when the ERP is the system of record): Shopify's value is asked
for too, and kept wherever that system cannot say.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from resolvers import extensions as load
from resolvers.context import RequestContext

from .catalog.content import ProductContent
from .catalog.stock import VariantStock

SiteLoad = Callable[[RequestContext, Sequence[Mapping[str, Any]]], Awaitable[list[Any]]]
"""Given each site's key fields (aliases removed), its value, None, or the exception that cost it."""


@dataclass(frozen=True, slots=True)
class Extension:
    """A field the gateway adds to one of Shopify's object types."""

    parent: str
    """Shopify's type that gets the field, e.g. `Product`."""
    field: str
    type: type
    """The Strawberry type of the field's value (nullable: a failing system nulls only its fields)."""
    description: str
    requires: str
    """The selection on `parent` that the value is keyed by, in Shopify's terms."""
    load: SiteLoad
    """Loads the values of every site of the field in one answer, in one batch per system."""


@dataclass(frozen=True, slots=True)
class Override:
    """A field of Shopify's whose value the gateway takes from another system where it can."""

    parent: str
    field: str
    requires: str
    """The selection on `parent` that the value is keyed by, in Shopify's terms."""
    load: SiteLoad
    """Per site: the value, or None to keep Shopify's (the system has no figure or failed)."""


async def _content(context: RequestContext, keys: Sequence[Mapping[str, Any]]) -> list[Any]:
    default = context.services.settings.default_locale
    return [
        ProductContent.from_model(m, context.locale, default) if _is_model(m) else m
        for m in await load.product_content(context, keys)
    ]


async def _stock(context: RequestContext, keys: Sequence[Mapping[str, Any]]) -> list[Any]:
    threshold = context.services.settings.low_stock_threshold
    return [
        VariantStock.from_model(m, threshold) if _is_model(m) else m
        for m in await load.variant_stock(context, keys)
    ]


def _is_model(value: Any) -> bool:
    return value is not None and not isinstance(value, BaseException)


EXTENSIONS = (
    Extension(
        parent="Product",
        field="content",
        type=ProductContent,
        description=(
            "Marketing content from the PIM in the operation's language (`@inContext(language:)`), "
            "falling back to the default locale; null when the PIM has no content for the product."
        ),
        # A variant inherits its product model's content: the first variant's SKU speaks for all.
        requires="variants(first: 1) { nodes { sku } }",
        load=_content,
    ),
    Extension(
        parent="ProductVariant",
        field="stock",
        type=VariantStock,
        description="Live stock per warehouse from the ERP; null when the ERP has no such SKU.",
        requires="sku",
        load=_stock,
    ),
)

STOCK_OVERRIDES = (
    Override("ProductVariant", "availableForSale", "sku", load.variant_available),
    Override("ProductVariant", "quantityAvailable", "sku", load.variant_quantity),
    # Every variant's SKU: a product is for sale when one of its variants is.
    Override("Product", "availableForSale", "variants(first: 250) { nodes { sku } }", load.product_available),
)
"""Where the ERP is the system of record for stock (`catalog.stock_source: erp`)."""

__all__ = ["EXTENSIONS", "STOCK_OVERRIDES", "Extension", "Override", "SiteLoad"]
