"""The Admin API's calculated query cost, requested (from the document) and actual (from the data).

Shopify's published model: a scalar or enum costs 0, an object 1, a connection 2 plus `first`
(or `last`) times the cost of one node, and a mutation 10. A plain list of objects is not sized
(the model prices connections only), so it costs one object. Fragments on an abstract type cost
the most expensive of them. The actual cost counts what came back: the same rules with the real
number of nodes.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    get_named_type,
    is_leaf_type,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values

MUTATION_COST = 10
MAX_QUERY_COST = 1000
"""Shopify refuses a single query whose requested cost is above this."""


def _fields(parent: Any) -> dict[str, GraphQLField]:
    fields = getattr(parent, "fields", None)
    return fields if isinstance(fields, dict) else {}


Selected = tuple[Any, FieldNode]
"""A field node with the type it is selected on (a fragment's type inside an abstract parent)."""


class _Walk:
    def __init__(
        self, schema: GraphQLSchema, document: DocumentNode, variables: VariableValues | None
    ) -> None:
        self.schema = schema
        self.variables = variables
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }

    def args(self, definition: GraphQLField, node: FieldNode) -> dict[str, Any]:
        try:
            return get_argument_values(definition, node, self.variables)
        except Exception:  # a bad argument fails at execution; here it simply costs nothing
            return {}

    def groups(
        self, parent: Any, selection_set: SelectionSetNode | None
    ) -> tuple[list[Selected], list[list[Selected]]]:
        """Fields that always apply, and the field lists of fragments on other types."""
        common: list[Selected] = []
        conditional: list[list[Selected]] = []
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                common.append((parent, selection))
                continue
            if isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is None:
                    continue
                condition, inner = fragment.type_condition.name.value, fragment.selection_set
            else:
                assert isinstance(selection, InlineFragmentNode)
                condition = selection.type_condition.name.value if selection.type_condition else parent.name
                inner = selection.selection_set
            target = self.schema.get_type(condition) or parent
            inner_common, inner_conditional = self.groups(target, inner)
            if condition == parent.name:
                common += inner_common
                conditional += inner_conditional
            else:
                conditional.append(inner_common + [f for group in inner_conditional for f in group])
        return common, conditional

    # Requested cost

    def requested(self, parent: Any, selection_set: SelectionSetNode | None) -> int:
        common, conditional = self.groups(parent, selection_set)
        cost = sum(self.field_requested(owner, node) for owner, node in common)
        return cost + max(
            (sum(self.field_requested(owner, node) for owner, node in group) for group in conditional),
            default=0,
        )

    def field_requested(self, parent: Any, node: FieldNode) -> int:
        if node.name.value.startswith("__"):
            return 0
        definition = _fields(parent).get(node.name.value)
        if definition is None:
            return 0
        named = get_named_type(definition.type)
        if is_leaf_type(named):
            return 0
        args = self.args(definition, node)
        if named.name.endswith("Connection"):
            size = args.get("first") or args.get("last") or 0
            return 2 + size * self.node_requested(named, node.selection_set)
        # A plain list of objects (`quantities`, `nodes(ids:)`) costs what one of its objects does.
        return 1 + self.requested(named, node.selection_set)

    def node_requested(self, connection: Any, selection_set: SelectionSetNode | None) -> int:
        """The requested cost of one node of a connection (through `edges { node }` or `nodes`)."""
        common, _ = self.groups(connection, selection_set)
        best = 0
        for _owner, node in common:
            definition = _fields(connection).get(node.name.value)
            if definition is None:
                continue
            if node.name.value == "nodes":
                best = max(best, 1 + self.requested(get_named_type(definition.type), node.selection_set))
            elif node.name.value == "edges":
                edge = get_named_type(definition.type)
                for _edge, inner in self.groups(edge, node.selection_set)[0]:
                    if inner.name.value == "node":
                        node_type = get_named_type(_fields(edge)["node"].type)
                        best = max(best, 1 + self.requested(node_type, inner.selection_set))
        return best

    # Actual cost

    def actual(self, parent: Any, selection_set: SelectionSetNode | None, value: Any) -> int:
        if not isinstance(value, dict):
            return 0
        common, conditional = self.groups(parent, selection_set)
        seen: set[str] = set()
        cost = 0
        # Which fragment applied shows in the data: count each response key once.
        for owner, node in common + [selected for group in conditional for selected in group]:
            key = (node.alias or node.name).value
            if key in seen or key not in value:
                continue
            seen.add(key)
            cost += self.field_actual(owner, node, value[key])
        return cost

    def field_actual(self, parent: Any, node: FieldNode, value: Any) -> int:
        definition = _fields(parent).get(node.name.value)
        if definition is None or value is None or node.name.value.startswith("__"):
            return 0
        named = get_named_type(definition.type)
        if is_leaf_type(named):
            return 0
        if named.name.endswith("Connection"):
            return 2 + self.nodes_actual(named, node.selection_set, value)
        if isinstance(value, list):
            return max(
                (1 + self.actual(named, node.selection_set, item) for item in value if item is not None),
                default=0,
            )
        return 1 + self.actual(named, node.selection_set, value)

    def nodes_actual(self, connection: Any, selection_set: SelectionSetNode | None, value: Any) -> int:
        best = 0
        for _owner, node in self.groups(connection, selection_set)[0]:
            key = (node.alias or node.name).value
            definition = _fields(connection).get(node.name.value)
            items = value.get(key) if isinstance(value, dict) else None
            if definition is None or not isinstance(items, list):
                continue
            if node.name.value == "nodes":
                node_type = get_named_type(definition.type)
                best = max(best, sum(1 + self.actual(node_type, node.selection_set, item) for item in items))
            elif node.name.value == "edges":
                edge = get_named_type(definition.type)
                node_type = get_named_type(_fields(edge)["node"].type)
                total = 0
                for _edge, inner in self.groups(edge, node.selection_set)[0]:
                    if inner.name.value == "node":
                        inner_key = (inner.alias or inner.name).value
                        total = sum(
                            1 + self.actual(node_type, inner.selection_set, item.get(inner_key))
                            for item in items
                            if isinstance(item, dict) and item.get(inner_key) is not None
                        )
                best = max(best, total)
        return best


def _variables(
    schema: GraphQLSchema, operation: OperationDefinitionNode, variables: dict[str, Any]
) -> VariableValues | None:
    coerced = get_variable_values(schema, operation.variable_definitions or (), variables)
    return None if isinstance(coerced, list) else coerced


def _mutation_fields(operation: OperationDefinitionNode) -> int:
    return sum(
        1
        for selection in operation.selection_set.selections
        if not (isinstance(selection, FieldNode) and selection.name.value.startswith("__"))
    )


def requested_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: dict[str, Any],
) -> int:
    if operation.operation == OperationType.MUTATION:
        return MUTATION_COST * _mutation_fields(operation)
    walk = _Walk(schema, document, _variables(schema, operation, variables))
    return walk.requested(schema.query_type, operation.selection_set)


def actual_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: dict[str, Any],
    data: Any,
) -> int:
    if operation.operation == OperationType.MUTATION:
        return MUTATION_COST * _mutation_fields(operation)
    walk = _Walk(schema, document, _variables(schema, operation, variables))
    return walk.actual(schema.query_type, operation.selection_set, data)


__all__ = ["MAX_QUERY_COST", "MUTATION_COST", "actual_cost", "requested_cost"]
