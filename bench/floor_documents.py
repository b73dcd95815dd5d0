"""The Storefront documents the floor sends: each client operation with the gateway's own fields removed.

The least any gateway could ask Shopify for is the client's own selection, less the fields that
come from other systems (`Product.content` from the PIM, `ProductVariant.stock` from the ERP),
plus the keys those fields are joined by (a variant's `sku`, which every measured operation
selects already). Deriving the floor's documents from the operations keeps that true whenever an
operation changes: the floor cannot ask for more than the client did, nor for less.
"""

from __future__ import annotations

from typing import Any

from graphql import REMOVE, FieldNode, Visitor, parse, print_ast, visit

from .operations import COLLECTION_PAGE, PRODUCT_PAGE, SEARCH_PAGE

GATEWAY_FIELDS = frozenset({"content", "stock"})
"""Fields of the measured operations that the gateway resolves itself; Shopify never sees them."""


class _WithoutGatewayFields(Visitor):
    def enter_field(self, node: FieldNode, *_: Any) -> Any:
        return REMOVE if node.name.value in GATEWAY_FIELDS else None


def shopify_part(operation: str) -> str:
    """`operation` as Shopify receives it from a gateway that sends only what the client selected."""
    return print_ast(visit(parse(operation), _WithoutGatewayFields()))


PRODUCT = shopify_part(PRODUCT_PAGE)
COLLECTION = shopify_part(COLLECTION_PAGE)
SEARCH = shopify_part(SEARCH_PAGE)

__all__ = ["COLLECTION", "GATEWAY_FIELDS", "PRODUCT", "SEARCH", "shopify_part"]
