"""Where the gateway's own fields attach to Shopify's objects, and the keys each one is joined by.

Composition (`gateway.graphql.composition`) adds each extension to Shopify's schema; planning
asks Shopify for its `requires` selection beside the client's, so the gateway can load the
extension's value from its own system.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog.content import ProductContent
from .catalog.stock import VariantStock


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
    ),
    Extension(
        parent="ProductVariant",
        field="stock",
        type=VariantStock,
        description="Live stock per warehouse from the ERP; null when the ERP has no such SKU.",
        requires="sku",
    ),
)

__all__ = ["EXTENSIONS", "Extension"]
