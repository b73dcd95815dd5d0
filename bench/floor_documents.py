"""The Storefront documents the floor sends: each client operation with the gateway's own fields removed.

The least any gateway could ask Shopify for is the client's own selection, less the fields that
come from other systems (`Product.content` from the PIM, `ProductVariant.stock` from the ERP,
`Customer.profile` from the CRM, `Customer.conversations` from the chat, `Order.fulfilment` and
`Order.invoices` from the ERP), plus the keys those fields are joined by (a variant's `sku`, a
customer's `email`, an order's `name`, which every measured operation selects already). Deriving the floor's documents from the operations keeps that true whenever an
operation changes: the floor cannot ask for more than the client did, nor for less.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    REMOVE,
    SKIP,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    parse,
    print_ast,
    visit,
)

from .operations import (
    ACCOUNT_PAGE,
    CART_LINES_ADD,
    COLLECTION_PAGE,
    HYDROGEN_PRODUCT_PAGE,
    PRODUCT_PAGE,
    SEARCH_PAGE,
)

GATEWAY_FIELDS = frozenset({"content", "stock", "profile", "conversations", "fulfilment", "invoices"})
"""Fields of the measured operations that the gateway resolves itself; Shopify never sees them."""


class _WithoutGatewayFields(Visitor):
    def enter_field(self, node: FieldNode, *_: Any) -> Any:
        return REMOVE if node.name.value in GATEWAY_FIELDS else None


class _Used(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.variables: set[str] = set()
        self.fragments: set[str] = set()

    def enter_variable(self, node: VariableNode, *_: Any) -> None:
        self.variables.add(node.name.value)

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
        self.fragments.add(node.name.value)

    def enter_variable_definition(self, node: VariableDefinitionNode, *_: Any) -> Any:
        return SKIP  # a definition is not a use


def shopify_part(operation: str) -> str:
    """`operation` as Shopify receives it from a gateway that sends only what the client selected.

    Variables and fragments that only the removed fields used go too: Shopify refuses unused ones.
    """
    stripped = visit(parse(operation), _WithoutGatewayFields())
    used = _Used()
    visit(stripped, used)
    kept: list[Any] = []
    for definition in stripped.definitions:
        if isinstance(definition, FragmentDefinitionNode):
            if definition.name.value in used.fragments:
                kept.append(definition)
        elif isinstance(definition, OperationDefinitionNode):
            variables = tuple(
                d for d in definition.variable_definitions or () if d.variable.name.value in used.variables
            )
            kept.append(
                OperationDefinitionNode(
                    operation=definition.operation,
                    name=definition.name,
                    variable_definitions=variables,
                    directives=definition.directives,
                    selection_set=definition.selection_set,
                )
            )
    return print_ast(DocumentNode(definitions=tuple(kept)))


PRODUCT = shopify_part(PRODUCT_PAGE)
COLLECTION = shopify_part(COLLECTION_PAGE)
SEARCH = shopify_part(SEARCH_PAGE)
HYDROGEN_PRODUCT = shopify_part(HYDROGEN_PRODUCT_PAGE)
CART_ADD = shopify_part(CART_LINES_ADD)
CART_STOCK_READ = """query($cartId: ID!, $id: ID!) {
  cart(id: $cartId) { lines(first: 250) { nodes { quantity merchandise { ... on ProductVariant { sku } } } } }
  node(id: $id) { ... on ProductVariant { sku } }
}"""
"""What a cart add is held to the ERP's stock by: the SKUs and quantities in the cart, the added variant's SKU."""
ACCOUNT = shopify_part(ACCOUNT_PAGE)

__all__ = [
    "ACCOUNT",
    "CART_ADD",
    "CART_STOCK_READ",
    "COLLECTION",
    "GATEWAY_FIELDS",
    "HYDROGEN_PRODUCT",
    "PRODUCT",
    "SEARCH",
    "shopify_part",
]
