"""The requested cost of an operation, counted the way Shopify counts it, before anything runs.

The model is Shopify's calculated query cost: a scalar or an enum costs 0, an object 1, a
connection 2 plus what each object it may return costs (`first` or `last` of them: the literal,
the variable's value or its default, the page-size maximum when neither is given), so costs
multiply through nested connections. A root mutation field costs 10 whatever its payload selects.
A selection on an interface or a union costs the most expensive of its members. The schema's own
fields (`__typename`, `__schema`, `__type`) are free. A field the gateway owns is loaded from its
own system, in bulk, whatever it selects: it costs one object, so the estimate stays comparable
with Shopify's for the same document.

Inside a connection, `edges` and `pageInfo` are part of the connection's 2; each node (through
`nodes` or `edges { node }`) costs one object plus its own selections, and is counted `first`
times; any other object field of the connection (`filters`) is counted once.

Fragments make a document a graph: `fragment F0 on Shop { ...F1 ...F1 }` spreads F1 twice, and
twenty such levels stand for a million fields. Each fragment's cost is therefore computed once, the
first time it is spread, and reused at every other spread, so the work is linear in the document's
size; costs are added and multiplied saturating at COST_CAP, so an exponential document gets an
exact number while it fits and the cap past it, never an ever-growing integer. The walk keeps its
own stack: neither nesting nor a chain of fragments can reach Python's recursion limit. Unknown
fragments and spreads back into a fragment being counted (a cycle) cost nothing: validation
rejects such documents, and the estimate must not fail on them either.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    BooleanValueNode,
    DirectiveNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLCompositeType,
    GraphQLField,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionNode,
    ValueNode,
    VariableNode,
    get_named_type,
    is_abstract_type,
    is_composite_type,
    is_leaf_type,
)

OBJECT_COST = 1
CONNECTION_COST = 2
MUTATION_COST = 10
MAX_PAGE_SIZE = 250
"""What a connection asked for without `first` or `last` is counted at: the Storefront API's largest page."""
COST_CAP = 2**53 - 1
"""Costs stop growing here: the largest integer every JSON reader holds exactly, far above any budget."""


@dataclass(frozen=True, slots=True)
class RequestedCost:
    points: int
    """The operation's requested cost, at most COST_CAP."""
    visits: int
    """Selections walked plus fragment costs reused: at most the selections the document holds
    plus its spreads, however often each fragment is spread."""

    @property
    def capped(self) -> bool:
        return self.points >= COST_CAP


def requested_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Mapping[str, Any],
    *,
    owned: Container[tuple[str, str]] = (),
    max_page_size: int = MAX_PAGE_SIZE,
) -> RequestedCost:
    """The cost of `operation` with its coerced `variables`; `owned` holds the gateway's own
    fields as (parent type, field) pairs."""
    root = schema.get_root_type(operation.operation)
    if root is None:
        return RequestedCost(0, 0)
    walk = _Walk(schema, document, variables, owned, max_page_size)
    return RequestedCost(walk.run(root, operation.selection_set.selections), walk.visits)


def over_budget(cost: RequestedCost, budget: int) -> dict[str, Any]:
    """The body refusing an operation that costs more than `budget`, sent before anything else is.

    A request error, as Shopify's is: 200 under `application/json` (400 under the GraphQL response
    type); the error's `extensions.cost` and the response's have the shape an answer's cost has."""
    points = f"at least {cost.points}" if cost.capped else str(cost.points)
    message = f"The operation's requested cost is {points}, above the budget of {budget} for one operation."
    summary = {"requestedQueryCost": cost.points, "maximumAvailable": budget}
    error = {"message": message, "extensions": {"code": "MAX_COST_EXCEEDED", "cost": summary}}
    return {"errors": [error], "extensions": {"cost": summary}}


def with_estimate(extensions: dict[str, Any], cost: RequestedCost) -> dict[str, Any]:
    """The answer's `extensions`, with the estimate as `cost.requestedQueryCost` unless Shopify sent its own."""
    reported = extensions.get("cost")
    if not isinstance(reported, dict):
        return {**extensions, "cost": {"requestedQueryCost": cost.points}}
    if "requestedQueryCost" in reported:
        return extensions
    return {**extensions, "cost": {**reported, "requestedQueryCost": cost.points}}


def _add(a: int, b: int) -> int:
    return min(COST_CAP, a + b)


@dataclass(slots=True)
class _Frame:
    """One selection set being counted, on `type`; its total goes where `into` says."""

    type: GraphQLCompositeType
    selections: tuple[SelectionNode, ...]
    into: _Into
    index: int = 0
    each: int = 0
    """What every object of `type` costs (for a connection: what each of its nodes costs)."""
    once: int = 0
    """On a connection only: what its fields other than the nodes cost, counted once."""
    member: dict[str, int] = field(default_factory=dict)
    """On an interface or a union: what the fragments that apply to only some members add, by member."""

    def total(self) -> tuple[int, int]:
        return _add(self.each, max(self.member.values(), default=0)), self.once


@dataclass(frozen=True, slots=True)
class _Into:
    """Where a finished frame's total goes: a field of the parent frame (base + multiplier × each,
    plus once), or a fragment applying on `condition` (remembered under `fragment` when named)."""

    parent: _Frame | None
    base: int = 0
    multiplier: int = 1
    condition: GraphQLCompositeType | None = None
    fragment: str | None = None
    is_field: bool = False
    on_connection: bool = False
    """The field is a connection's own field other than its nodes: counted once, not per node."""


class _Walk:
    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        variables: Mapping[str, Any],
        owned: Container[tuple[str, str]],
        max_page_size: int,
    ) -> None:
        self.schema = schema
        self.variables = variables
        self.owned = owned
        self.max_page_size = max_page_size
        self.mutation = schema.mutation_type
        self.fragments: dict[str, FragmentDefinitionNode] = {}
        for definition in document.definitions:
            if isinstance(definition, FragmentDefinitionNode):
                self.fragments.setdefault(
                    definition.name.value, definition
                )  # a repeated name: validation says so
        self.costs: dict[str, tuple[int, int]] = {}
        """Each fragment's total, computed once."""
        self.counting: set[str] = set()
        self.members: dict[str, frozenset[str]] = {}
        self.visits = 0

    def run(self, root: GraphQLObjectType, selections: tuple[SelectionNode, ...]) -> int:
        result = 0
        stack = [_Frame(root, selections, _Into(None))]
        while stack:
            frame = stack[-1]
            child = self._step(frame)
            if child is not None:
                stack.append(child)
                continue
            stack.pop()
            each, once = frame.total()
            into = frame.into
            if into.fragment is not None:
                self.costs[into.fragment] = (each, once)
                self.counting.discard(into.fragment)
            if into.parent is None:
                result = _add(each, once)
            elif into.is_field:
                self._field(into.parent, into, each, once)
            else:
                self._fragment(into.parent, into.condition, each, once)
        return result

    def _step(self, frame: _Frame) -> _Frame | None:
        """Counts the frame's selections up to the next one whose cost needs a frame of its own."""
        while frame.index < len(frame.selections):
            selection = frame.selections[frame.index]
            frame.index += 1
            self.visits += 1
            if not self._included(selection.directives):
                continue
            if isinstance(selection, FieldNode):
                child = self._field_frame(frame, selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = (
                    self._composite(selection.type_condition.name.value) if selection.type_condition else None
                )
                child = _Frame(
                    condition or frame.type,
                    selection.selection_set.selections,
                    _Into(frame, condition=condition),
                )
            else:
                assert isinstance(selection, FragmentSpreadNode)
                child = self._spread_frame(frame, selection.name.value)
            if child is not None:
                return child
        return None

    def _field_frame(self, frame: _Frame, node: FieldNode) -> _Frame | None:
        name = node.name.value
        parent = frame.type
        if name.startswith("__"):
            return None  # the schema's own fields, and everything under them, are free
        if parent is self.mutation:
            frame.each = _add(frame.each, MUTATION_COST)
            return None
        if (parent.name, name) in self.owned:
            frame.each = _add(frame.each, OBJECT_COST)
            return None
        definition: GraphQLField | None = getattr(parent, "fields", {}).get(name)
        if definition is None:
            return None
        named = get_named_type(definition.type)
        if is_leaf_type(named) or not is_composite_type(named):
            return None
        on_connection = _is_connection(parent)
        if on_connection and name == "pageInfo":
            return None  # part of the connection's own cost
        if on_connection and name == "edges":
            into = _Into(frame, base=0, is_field=True)
        elif on_connection and name == "nodes":
            into = _Into(frame, base=OBJECT_COST, is_field=True)
        elif _is_connection(named):
            size = self._page_size(definition, node)
            into = _Into(frame, CONNECTION_COST, size, is_field=True, on_connection=on_connection)
        else:
            into = _Into(frame, base=OBJECT_COST, is_field=True, on_connection=on_connection)
        assert isinstance(named, GraphQLCompositeType)
        selections = node.selection_set.selections if node.selection_set else ()
        return _Frame(named, selections, into)

    def _spread_frame(self, frame: _Frame, name: str) -> _Frame | None:
        definition = self.fragments.get(name)
        if definition is None or name in self.counting:
            return None  # unknown, or a cycle back into a fragment being counted
        condition = self._composite(definition.type_condition.name.value)
        if condition is None:
            return None
        known = self.costs.get(name)
        if known is not None:
            self._fragment(frame, condition, *known)
            return None
        self.counting.add(name)
        return _Frame(
            condition, definition.selection_set.selections, _Into(frame, condition=condition, fragment=name)
        )

    def _field(self, frame: _Frame, into: _Into, each: int, once: int) -> None:
        cost = _add(into.base, _add(min(COST_CAP, into.multiplier * each), once))
        if into.on_connection:
            frame.once = _add(frame.once, cost)
        else:
            frame.each = _add(frame.each, cost)

    def _fragment(self, frame: _Frame, condition: GraphQLCompositeType | None, each: int, once: int) -> None:
        """Adds a fragment's total where it applies: to every object of the frame's type, or to some members."""
        frame.once = _add(frame.once, once)
        if condition is None or condition is frame.type or not is_abstract_type(frame.type):
            frame.each = _add(frame.each, each)  # on an object type, a valid fragment always applies
            return
        members = self._members(frame.type)
        applies = members & self._members(condition)
        if len(applies) == len(members):
            frame.each = _add(frame.each, each)
            return
        for member in applies:
            frame.member[member] = _add(frame.member.get(member, 0), each)

    def _members(self, type_: GraphQLCompositeType) -> frozenset[str]:
        found = self.members.get(type_.name)
        if found is None:
            if is_abstract_type(type_):
                found = frozenset(t.name for t in self.schema.get_possible_types(type_))
            else:
                found = frozenset((type_.name,))
            self.members[type_.name] = found
        return found

    def _composite(self, name: str) -> GraphQLCompositeType | None:
        found = self.schema.get_type(name)
        return found if is_composite_type(found) else None

    def _page_size(self, definition: GraphQLField, node: FieldNode) -> int:
        given = {argument.name.value: argument.value for argument in node.arguments or ()}
        sizes = []
        for name in ("first", "last"):
            value: Any = None
            if name in given:
                value = self._value(given[name])
            elif name in definition.args:
                default = definition.args[name].default  # the schema's default, as a literal or a value
                if default is not None:
                    value = self._value(default.literal) if default.literal is not None else default.value
            if isinstance(value, int) and not isinstance(value, bool):
                sizes.append(max(0, value))
        return max(sizes) if sizes else self.max_page_size

    def _value(self, node: ValueNode) -> Any:
        if isinstance(node, IntValueNode):
            return int(node.value)
        if isinstance(node, BooleanValueNode):
            return node.value
        if isinstance(node, VariableNode):
            return self.variables.get(node.name.value)
        return None

    def _included(self, directives: tuple[DirectiveNode, ...] | None) -> bool:
        """Whether `@skip` and `@include` keep the selection (a skipped one is never asked for)."""
        for directive in directives or ():
            name = directive.name.value
            if name not in ("skip", "include"):
                continue
            condition = next(
                (self._value(a.value) for a in directive.arguments or () if a.name.value == "if"), None
            )
            if isinstance(condition, bool) and condition == (name == "skip"):
                return False
        return True


def _is_connection(type_: Any) -> bool:
    """A Relay connection as Shopify's schemas name them: `…Connection` with `edges` or `nodes`."""
    if not isinstance(type_, GraphQLObjectType) or not type_.name.endswith("Connection"):
        return False
    return "edges" in type_.fields or "nodes" in type_.fields


__all__ = [
    "COST_CAP",
    "MAX_PAGE_SIZE",
    "MUTATION_COST",
    "RequestedCost",
    "over_budget",
    "requested_cost",
    "with_estimate",
]
