"""What an operation needs of its caller's scopes, read from the fields it selects.

Every field a document selects, through fragments and inline fragments, is looked up here by its
schema coordinate (`Customer.profile`). Root query fields not listed read the catalog; root
mutation fields go by their family (`cart...`, `customerAccessToken...`, `customer...`). A client
lacking any scope an operation needs is refused the whole operation before anything runs, with
`ACCESS_DENIED` naming the first field that needs it, the way Shopify refuses a token without the
access a field needs.
"""

from __future__ import annotations

from collections.abc import Mapping

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    get_named_type,
)

from gateway.models.scopes import (
    CART_WRITE,
    CATALOG_READ,
    CHAT_READ,
    CHECKOUT_WRITE,
    CUSTOMER_READ,
    CUSTOMER_WRITE,
    ORDERS_READ,
)

FIELD_SCOPES: Mapping[tuple[str, str], str] = {
    ("Query", "customer"): CUSTOMER_READ,
    ("Query", "cart"): CART_WRITE,
    ("Query", "order"): ORDERS_READ,  # the Customer Account API's
    ("Customer", "orders"): ORDERS_READ,
    ("Customer", "profile"): CUSTOMER_READ,
    ("Customer", "conversations"): CHAT_READ,
    ("Order", "fulfilment"): ORDERS_READ,
    ("Order", "invoices"): ORDERS_READ,
}
"""Fields that need more than what their parent's scope gives; root fields under `Query` and `Mutation`."""

MUTATION_FAMILIES: tuple[tuple[str, str], ...] = (
    ("cart", CART_WRITE),
    ("customerAccessToken", CUSTOMER_READ),  # signing in and out reads, it changes no account
    ("customer", CUSTOMER_WRITE),
)
"""Root mutation fields by name prefix, the first match deciding; any other mutation is checkout."""


def _root_scope(operation: OperationType, field: str) -> str:
    if operation is OperationType.MUTATION:
        return next(
            (scope for prefix, scope in MUTATION_FAMILIES if field.startswith(prefix)), CHECKOUT_WRITE
        )
    return CATALOG_READ


def required_scopes(
    schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode
) -> dict[str, str]:
    """Each scope the operation needs, with the coordinate of the first field that needs it.

    The document must be valid against `schema`: unknown fields and types are passed over.
    """
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    root = schema.get_root_type(operation.operation)
    root_name = "Mutation" if operation.operation is OperationType.MUTATION else "Query"
    needed: dict[str, str] = {}
    visited: set[str] = set()

    def walk(parent: object, selections: SelectionSetNode, at_root: bool) -> None:
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                name = selection.name.value
                if name.startswith("__"):
                    continue  # introspection and `__typename` need no scope
                parent_name = getattr(parent, "name", "")
                coordinate = f"{parent_name}.{name}"
                # Root types go by their operation (Shopify names its query type `QueryRoot`).
                scope = FIELD_SCOPES.get((root_name if at_root else parent_name, name))
                if scope is None and at_root:
                    scope = _root_scope(operation.operation, name)
                if scope is not None:
                    needed.setdefault(scope, coordinate)
                fields = parent.fields if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType) else {}
                definition = fields.get(name)
                if selection.selection_set is not None and definition is not None:
                    walk(get_named_type(definition.type), selection.selection_set, False)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = schema.get_type(condition.name.value) if condition is not None else parent
                walk(inner, selection.selection_set, at_root)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = fragments.get(selection.name.value)
                # A fragment's scopes do not depend on where it is spread, except at the root.
                key = f"{selection.name.value}:{at_root}"
                if fragment is None or key in visited:
                    continue
                visited.add(key)
                walk(schema.get_type(fragment.type_condition.name.value), fragment.selection_set, at_root)

    if root is not None:
        walk(root, operation.selection_set, True)
    return needed


__all__ = ["FIELD_SCOPES", "MUTATION_FAMILIES", "required_scopes"]
