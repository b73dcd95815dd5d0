"""Planning: the part of a client's operation that Shopify owns, as the one document sent to Shopify.

```python
plan = plan_operation(composed, document, "ProductPage", EXTENSIONS)
plan.upstream      # the client's selection without the gateway's fields, plus the keys they need
```

The client's own fields, aliases, arguments, fragments, inline fragments, directives (`@include`,
`@skip`, `@inContext`, `@defer`) and variables go to Shopify unchanged; only three things change:

- every field the gateway owns (`Product.content`, `ProductVariant.stock`...) is removed, with its
  whole subtree, and the selection it is keyed by (`Extension.requires`) is added beside it under a
  reserved alias (`__gw_<type>_<field>_<n>`);
- a selection on an interface or union gets `__gw_type: __typename`, so the answer can be walked
  along the client's type conditions, and a selection left empty keeps that one field;
- other operations, fragments no longer spread and variables no longer used are dropped (Shopify
  refuses unused ones).

The plan depends only on the document and the schema, so it is computed once per document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLCompositeType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    NameNode,
    OperationDefinitionNode,
    OperationType,
    SelectionNode,
    SelectionSetNode,
    get_named_type,
    parse,
    print_ast,
    visit,
)

from schema.joins import Extension, Override

from .document_uses import Uses
from .upstream_locations import client_locations

RESERVED_PREFIX = "__gw_"
"""Response keys the gateway adds to Shopify's document; no client alias may start with it."""
TYPE_KEY = f"{RESERVED_PREFIX}type"
"""`__typename` of an object in an abstract position, for walking type conditions."""


BUYER_TYPES = frozenset({"Cart", "Customer", "CustomerAccessToken", "Order"})
"""Storefront types whose values belong to one buyer: an answer that selects any is private."""
BUYER_ARGUMENTS = frozenset({"buyer", "buyerIdentity", "customerAccessToken"})
"""Arguments that make Shopify answer for one buyer (`@inContext(buyer:)` included)."""


class PlanningError(Exception):
    """The operation cannot be planned (it uses a reserved alias, or names no operation)."""


@dataclass(frozen=True, slots=True)
class KeyField:
    """One top-level field of an extension's key selection, as requested under its reserved alias."""

    alias: str
    name: str


@dataclass(frozen=True, slots=True)
class Plan:
    """What is sent to Shopify for one operation, and how to read the keys back."""

    upstream: str
    """The document sent to Shopify: one operation and the fragments it spreads."""
    operation_name: str | None
    operation_type: str
    """`query`, `mutation` or `subscription`."""
    variables: frozenset[str]
    """The client's variables the upstream operation still uses: only these are forwarded."""
    keys: Mapping[tuple[str, str], tuple[KeyField, ...]] = field(default_factory=dict)
    """Per (parent type, extension field): the aliased key fields added beside it."""
    extends: bool = False
    """Whether the client selected any field the gateway owns."""
    overrides: frozenset[tuple[str, str]] = frozenset()
    """The (parent type, field) pairs of Shopify's whose value another system may replace."""
    locations: Mapping[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    """Upstream (line, column) to the client's: where Shopify's error locations point in the client's text."""
    private: bool = False
    """Whether Shopify's answer is for one buyer (a cart, a customer, a buyer's context): never shared."""


def key_fields(extension: Extension | Override) -> tuple[KeyField, ...]:
    """The reserved aliases an extension's or override's key selection is requested under."""
    selection = _selection_of(extension.requires)
    return tuple(
        KeyField(f"{RESERVED_PREFIX}{extension.parent}_{extension.field}_{index}", node.name.value)
        for index, node in enumerate(selection.selections)
        if isinstance(node, FieldNode)
    )


def _selection_of(text: str) -> SelectionSetNode:
    operation = parse(f"{{ {text} }}").definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    return operation.selection_set


def _aliased_key(extension: Extension | Override) -> list[SelectionNode]:
    selection = _selection_of(extension.requires)
    aliased: list[SelectionNode] = []
    for key, node in zip(key_fields(extension), selection.selections, strict=True):
        assert isinstance(node, FieldNode)
        aliased.append(
            FieldNode(
                alias=NameNode(value=key.alias),
                name=node.name,
                arguments=node.arguments,
                directives=node.directives,
                selection_set=node.selection_set,
            )
        )
    return aliased


def _typename() -> FieldNode:
    return FieldNode(alias=NameNode(value=TYPE_KEY), name=NameNode(value="__typename"))


class _Planner:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        extensions: Sequence[Extension],
        overrides: Sequence[Override],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.extensions = {(e.parent, e.field): e for e in extensions}
        self.overrides = {(o.parent, o.field): o for o in overrides}
        self.overridden: set[tuple[str, str]] = set()
        self.planned: dict[str, FragmentDefinitionNode] = {}
        self.keys: dict[tuple[str, str], tuple[KeyField, ...]] = {}
        self.extends = False
        self.private = False

    def selection_set(
        self, selection_set: SelectionSetNode, parent: GraphQLCompositeType
    ) -> SelectionSetNode:
        kept: list[SelectionNode] = []
        needed: dict[str, Extension | Override] = {}
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                if node.alias is not None and node.alias.value.startswith(RESERVED_PREFIX):
                    raise PlanningError(
                        f"aliases starting with {RESERVED_PREFIX} are reserved: {node.alias.value}"
                    )
                extension = self.extensions.get((parent.name, node.name.value))
                if extension is not None:
                    needed[extension.field] = extension
                    self.keys[(parent.name, extension.field)] = key_fields(extension)
                    self.extends = True
                    continue
                override = self.overrides.get((parent.name, node.name.value))
                if override is not None:
                    # Shopify's value is kept as the fallback; the key comes along to look up the truth.
                    needed[override.field] = override
                    self.keys[(parent.name, override.field)] = key_fields(override)
                    self.overridden.add((parent.name, override.field))
                kept.append(self.field(node, parent))
            elif isinstance(node, InlineFragmentNode):
                condition = (
                    self.schema.get_type(node.type_condition.name.value) if node.type_condition else parent
                )
                assert isinstance(condition, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType)
                self.private |= condition.name in BUYER_TYPES
                kept.append(
                    InlineFragmentNode(
                        loc=node.loc,
                        type_condition=node.type_condition,
                        directives=node.directives,
                        selection_set=self.selection_set(node.selection_set, condition),
                    )
                )
            else:
                assert isinstance(node, FragmentSpreadNode)
                self.fragment(node.name.value)
                kept.append(node)
        for wanted in needed.values():
            kept.extend(_aliased_key(wanted))
        if isinstance(parent, GraphQLInterfaceType | GraphQLUnionType) or not kept:
            kept.append(_typename())
        return SelectionSetNode(selections=tuple(kept))

    def field(self, node: FieldNode, parent: GraphQLCompositeType) -> FieldNode:
        self.private |= any(argument.name.value in BUYER_ARGUMENTS for argument in node.arguments or ())
        if node.selection_set is None or node.name.value.startswith("__"):
            return node
        assert isinstance(parent, GraphQLObjectType | GraphQLInterfaceType)
        child = get_named_type(parent.fields[node.name.value].type)
        self.private |= child.name in BUYER_TYPES
        assert isinstance(child, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType)
        return FieldNode(
            loc=node.loc,
            alias=node.alias,
            name=node.name,
            arguments=node.arguments,
            directives=node.directives,
            selection_set=self.selection_set(node.selection_set, child),
        )

    def fragment(self, name: str) -> None:
        if name in self.planned:
            return
        definition = self.fragments[name]
        condition = self.schema.get_type(definition.type_condition.name.value)
        assert isinstance(condition, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType)
        self.private |= condition.name in BUYER_TYPES
        self.planned[name] = definition  # before recursing: a cycle would have failed validation anyway
        self.planned[name] = FragmentDefinitionNode(
            loc=definition.loc,
            name=definition.name,
            type_condition=definition.type_condition,
            directives=definition.directives,
            selection_set=self.selection_set(definition.selection_set, condition),
        )


def _chosen(document: DocumentNode, operation_name: str | None) -> OperationDefinitionNode:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        for operation in operations:
            if operation.name is not None and operation.name.value == operation_name:
                return operation
        raise PlanningError(f"no operation named {operation_name!r} in the document")
    if len(operations) != 1:
        raise PlanningError("the document holds several operations: name the one to run (operationName)")
    return operations[0]


def plan_operation(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    extensions: Sequence[Extension],
    overrides: Sequence[Override] = (),
) -> Plan:
    """Plan one operation of a validated document against the composed schema."""
    operation = _chosen(document, operation_name)
    root = schema.get_root_type(operation.operation)
    if root is None:
        raise PlanningError(f"the schema has no {operation.operation.value} type")
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    planner = _Planner(schema, fragments, extensions, overrides)
    selection = planner.selection_set(operation.selection_set, root)
    uses = Uses()
    body = DocumentNode(
        definitions=(
            OperationDefinitionNode(
                operation=operation.operation, selection_set=selection, directives=operation.directives
            ),
            *planner.planned.values(),
        )
    )
    visit(body, uses)
    upstream = OperationDefinitionNode(
        loc=operation.loc,
        operation=operation.operation,
        name=operation.name,
        variable_definitions=tuple(
            d for d in operation.variable_definitions or () if d.variable.name.value in uses.variables
        ),
        directives=operation.directives,
        selection_set=selection,
    )
    planned = DocumentNode(definitions=(upstream, *planner.planned.values()))
    printed = print_ast(planned)
    return Plan(
        upstream=printed,
        locations=client_locations(planned, printed),
        operation_name=operation.name.value if operation.name else None,
        operation_type=operation.operation.value,
        variables=frozenset(uses.variables),
        keys=dict(planner.keys),
        extends=planner.extends,
        overrides=frozenset(planner.overridden),
        private=planner.private
        or operation.operation is not OperationType.QUERY
        or any(
            argument.name.value in BUYER_ARGUMENTS
            for directive in operation.directives or ()
            for argument in directive.arguments or ()
        ),
    )


__all__ = [
    "BUYER_ARGUMENTS",
    "BUYER_TYPES",
    "RESERVED_PREFIX",
    "TYPE_KEY",
    "KeyField",
    "Plan",
    "PlanningError",
    "key_fields",
    "plan_operation",
]
