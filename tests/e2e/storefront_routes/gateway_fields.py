"""The gateway's own fields added to a Storefront document, and found again in its answer.

A storefront in front of the gateway asks for `content` on products (from the PIM) and `stock` on
variants (from the ERP) wherever its documents select them: on a field of that type, and on a type
condition for it inside a union or interface (a cart line's `merchandise { ... on ProductVariant }`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
    get_named_type,
    is_abstract_type,
    parse,
    print_ast,
    strip_ignored_characters,
)

from sandbox.shopify.storefront.schema import storefront_schema

ADDED = {
    "Product": "content { sku locale name features attributes { code label value } }",
    "ProductVariant": "stock { available inStock lowStock warehouses { warehouse { code } available } }",
}
"""What a storefront adds from the gateway's own systems, by the Shopify type it hangs on."""
ADDED_KEYS = frozenset({"content", "stock"})


# Adding the gateway's fields to a document


@cache
def _added_field(type_name: str) -> SelectionNode:
    operation = parse(f"{{ {ADDED[type_name]} }}").definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    return operation.selection_set.selections[0]


def _with_added(selection_set: SelectionSetNode, type_name: str) -> SelectionSetNode:
    return replace(selection_set, selections=(*selection_set.selections, _added_field(type_name)))


def _extend(selection_set: SelectionSetNode, parent: GraphQLNamedType) -> SelectionSetNode:
    schema = storefront_schema()
    selections: list[SelectionNode] = []
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode) and selection.selection_set is not None:
            assert isinstance(parent, GraphQLObjectType | GraphQLInterfaceType)
            inner = get_named_type(parent.fields[selection.name.value].type)
            extended = _extend(selection.selection_set, inner)
            if inner.name in ADDED:
                extended = _with_added(extended, inner.name)
            selection = replace(selection, selection_set=extended)
        elif isinstance(selection, InlineFragmentNode):
            condition = selection.type_condition
            inner = schema.get_type(condition.name.value) if condition else parent
            assert inner is not None
            extended = _extend(selection.selection_set, inner)
            # On a union or interface the type condition is where the object's own fields go.
            if condition and is_abstract_type(parent) and inner.name in ADDED:
                extended = _with_added(extended, inner.name)
            selection = replace(selection, selection_set=extended)
        selections.append(selection)
    return replace(selection_set, selections=tuple(selections))


def with_gateway_fields(document: str) -> str:
    """`document` with `content` on every product and `stock` on every variant it selects."""
    schema = storefront_schema()
    definitions = []
    for definition in parse(document).definitions:
        root: GraphQLNamedType | None
        if isinstance(definition, OperationDefinitionNode):
            root = schema.get_root_type(definition.operation)
        elif isinstance(definition, FragmentDefinitionNode):
            root = schema.get_type(definition.type_condition.name.value)
        else:
            definitions.append(definition)
            continue
        assert root is not None
        definitions.append(replace(definition, selection_set=_extend(definition.selection_set, root)))
    printed = print_ast(DocumentNode(definitions=tuple(definitions)))
    # A document sent minified stays minified.
    return strip_ignored_characters(printed) if "\n" not in document.strip() else printed


# Reading answers


def without_added(ours: Any, theirs: Any) -> Any:
    """`ours` less the gateway fields that Shopify's answer (`theirs`) does not have at that place."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return {
            key: without_added(value, theirs.get(key))
            for key, value in ours.items()
            if key in theirs or key not in ADDED_KEYS
        }
    if isinstance(ours, list) and isinstance(theirs, list) and len(ours) == len(theirs):
        return [without_added(mine, their) for mine, their in zip(ours, theirs, strict=True)]
    return ours


def added_values(ours: Any, theirs: Any, key: str) -> Iterator[Any]:
    """Each value of the gateway field `key` in `ours` where Shopify's answer has no such key."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        for name, value in ours.items():
            if name == key and name not in theirs:
                yield value
            elif name in theirs:
                yield from added_values(value, theirs[name], key)
    elif isinstance(ours, list) and isinstance(theirs, list):
        for mine, their in zip(ours, theirs, strict=False):
            yield from added_values(mine, their, key)


def has_key(value: Any, keys: frozenset[str]) -> bool:
    if isinstance(value, dict):
        return any(key in keys or has_key(inner, keys) for key, inner in value.items())
    if isinstance(value, list):
        return any(has_key(inner, keys) for inner in value)
    return False


__all__ = ["ADDED", "ADDED_KEYS", "added_values", "has_key", "with_gateway_fields", "without_added"]
