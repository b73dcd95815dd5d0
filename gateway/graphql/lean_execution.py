"""A lean executor for validated queries: the same results as graphql-core, at a fraction of the cost.

graphql-core spends most of a listing page's time in per-field machinery (resolve info, middleware
hooks, incremental-delivery bookkeeping, an awaitable check and a completion dispatch per value);
Strawberry adds a resolver wrapper per field on top. The gateway's objects keep what they show in
plain attributes, so most fields need none of that: this executor reads them with `getattr`,
completes values with a few type checks, and calls Strawberry's resolver wrapper only for fields
that have a resolver.

Asynchronous resolvers run in waves: a pass over the tree starts every awaitable it meets and
leaves a slot for its value; the wave then awaits them all together (so the DataLoaders of a
whole level batch at once) and completes each result into its slot, which may start the next
wave. Null propagation follows the spec: a null in a non-null position nulls the nearest nullable
ancestor, even when it arrives after the ancestor was built.

Queries only, without introspection: mutations (serial execution) and introspection documents go
to graphql-core (`handles` says which).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from graphql import (
    BooleanValueNode,
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLAbstractType,
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLError,
    GraphQLField,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    GraphQLString,
    InlineFragmentNode,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    is_leaf_type,
    located_error,
)
from graphql.execution.values import VariableValues, get_argument_values
from graphql.pyutils import Path, Undefined
from graphql.type.definition import GraphQLResolveInfoHelpers
from strawberry.execution.is_awaitable import optimized_is_awaitable
from strawberry.schema import Schema as StrawberrySchema
from strawberry.types import Info
from strawberry.types.arguments import convert_arguments
from strawberry.types.field import StrawberryField

PROPAGATE: Any = object()
"""A null that must move up to the nearest nullable position; its error is already recorded."""

Fields = dict[str, list[FieldNode]]
Selected = list[tuple[str, list[FieldNode], GraphQLField | None, "_FieldPlan | None"]]
"""Collected fields of one object type: response key, nodes, definition and plan (None for __typename)."""

_BUILTIN_SCALARS = {
    GraphQLString: str,
    GraphQLID: str,
    GraphQLInt: int,
    GraphQLFloat: float,
    GraphQLBoolean: bool,
}
"""Built-in scalars whose Python values of exactly this type serialize to themselves."""


@dataclass(slots=True)
class _Slot:
    """Where a value sits in the response, so a late null can still reach its nearest nullable owner."""

    container: dict[str, Any] | list[Any]
    key: Any
    nullable: bool
    parent: _Slot | None
    nulled: bool = False
    """A null propagated through or into this slot: what was below it is no longer in the response."""


@dataclass(frozen=True, slots=True)
class _FieldPlan:
    """How to read one field: from an attribute, by calling its resolver, or through Strawberry's wrapper."""

    python_name: str | None = None
    """The attribute to read, for fields without a resolver."""
    resolver: StrawberryField | None = None
    """A plain resolver, called directly with arguments converted once per field node."""
    takes_self: bool = False
    info_name: str | None = None
    """The resolver's `info` parameter, if it has one."""
    wrapped: Callable[..., Any] | None = None
    """Strawberry's own wrapper (graphql-core's calling convention), for fields with extensions."""
    builtin: type | None = None
    """For an attribute of a built-in scalar type, the Python type whose values are returned as is."""
    nullable: bool = True


def _field_plan(field: GraphQLField) -> _FieldPlan:
    definition: StrawberryField | None = (field.extensions or {}).get("strawberry-definition")
    nullable = not isinstance(field.type, GraphQLNonNull)
    if definition is None:
        return _FieldPlan(wrapped=field.resolve, nullable=nullable)
    if getattr(field.resolve, "_is_default", False) and not definition.is_async:
        named = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
        builtin = _BUILTIN_SCALARS.get(named) if isinstance(named, GraphQLScalarType) else None
        return _FieldPlan(python_name=definition.python_name, builtin=builtin, nullable=nullable)
    resolver = definition.base_resolver
    if resolver is None or definition.extensions or resolver.parent_parameter or resolver.root_parameter:
        # Permissions and field extensions live in Strawberry's wrapper: let it run them.
        return _FieldPlan(wrapped=field.resolve)
    info = resolver.info_parameter
    return _FieldPlan(
        resolver=definition,
        takes_self=resolver.self_parameter is not None,
        info_name=info.name if info else None,
    )


def _has_variables(node: ValueNode) -> bool:
    if isinstance(node, VariableNode):
        return True
    if isinstance(node, ListValueNode):
        return any(_has_variables(value) for value in node.values)
    if isinstance(node, ObjectValueNode):
        return any(_has_variables(field.value) for field in node.fields)
    return False


def handles(operation: OperationDefinitionNode, introspective: bool) -> bool:
    """Whether this executor runs the operation: a query of a document that asks nothing of the schema."""
    return operation.operation is OperationType.QUERY and not introspective


class LeanExecutor:
    """Runs queries over one Strawberry schema; field plans are shared by every execution."""

    def __init__(self, schema: StrawberrySchema) -> None:
        self.strawberry = schema
        self.schema = schema._schema
        self.config = schema.config
        self.scalars = schema.schema_converter.scalar_registry
        self._plans: dict[int, _FieldPlan] = {}
        self._enum_names: dict[str, dict[Any, str]] = {}

    def enum_name(self, enum: GraphQLEnumType, value: Any) -> str | None:
        """The GraphQL name of an enum's Python value, looked up in a table built once per enum."""
        names = self._enum_names.get(enum.name)
        if names is None:
            names = self._enum_names[enum.name] = {v.value: name for name, v in enum.values.items()}
        try:
            # Strawberry hands out Python Enum members; the GraphQL type maps their values to names.
            return names.get(value.value if isinstance(value, Enum) else value)
        except TypeError:  # an unhashable value: let the enum's own serializer say what is wrong
            return None

    def plan(self, field: GraphQLField) -> _FieldPlan:
        found = self._plans.get(id(field))
        if found is None:
            found = self._plans[id(field)] = _field_plan(field)
        return found

    async def execute(
        self,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        variables: VariableValues,
        context: Any,
    ) -> ExecutionResult:
        run = _Execution(self, document, operation, variables, context)
        return await run.run()


class _Execution:
    def __init__(
        self,
        executor: LeanExecutor,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        variables: VariableValues,
        context: Any,
    ) -> None:
        self.executor = executor
        self.schema = executor.schema
        self.operation = operation
        self.variables = variables
        self.coerced = variables.coerced
        self.context = context
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.errors: list[GraphQLError] = []
        self.pending: list[tuple[Awaitable[Any], Callable[[Any], None]]] = []
        self._subfields: dict[tuple[str, tuple[int, ...]], Selected] = {}
        self._arguments: dict[int, dict[str, Any]] = {}
        self._converted: dict[int, dict[str, Any]] = {}
        self._locations: dict[int, GraphQLError] = {}
        self._helpers = GraphQLResolveInfoHelpers(gather=asyncio.gather, track=lambda values: None)  # type: ignore[arg-type]

    async def run(self) -> ExecutionResult:
        root_type = self.schema.query_type
        assert root_type is not None
        holder: dict[str, Any] = {"data": None}
        root = _Slot(holder, "data", True, None)
        fields: Fields = {}
        self._collect(root_type, self.operation.selection_set, fields, set())
        data = self._execute_fields(root_type, None, self._selected(root_type, fields), None, root)
        holder["data"] = None if data is PROPAGATE else data
        while self.pending:
            wave, self.pending = self.pending, []
            results = await asyncio.gather(*(awaitable for awaitable, _ in wave), return_exceptions=True)
            for (_, done), result in zip(wave, results, strict=True):
                done(result)
        return ExecutionResult(holder["data"], self.errors or None)

    # --- fields --------------------------------------------------------------------------------

    def _include(self, node: FieldNode | FragmentSpreadNode | InlineFragmentNode) -> bool:
        for directive in node.directives or ():
            name = directive.name.value
            if name not in ("skip", "include"):
                continue
            value_node = directive.arguments[0].value if directive.arguments else None
            value: Any
            if isinstance(value_node, BooleanValueNode):
                value = value_node.value
            elif isinstance(value_node, VariableNode):
                value = self.coerced.get(value_node.name.value)
            else:
                continue
            if (name == "skip" and value is True) or (name == "include" and value is False):
                return False
        return True

    def _applies(self, condition: str | None, runtime_type: GraphQLObjectType) -> bool:
        if condition is None or condition == runtime_type.name:
            return True
        conditional = self.schema.get_type(condition)
        return isinstance(conditional, GraphQLAbstractType) and self.schema.is_sub_type(
            conditional, runtime_type
        )

    def _collect(
        self,
        runtime_type: GraphQLObjectType,
        selection_set: SelectionSetNode,
        fields: Fields,
        visited: set[str],
    ) -> None:
        for selection in selection_set.selections:
            if not self._include(selection):  # type: ignore[arg-type]
                continue
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                fields.setdefault(key, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition.name.value if selection.type_condition else None
                if self._applies(condition, runtime_type):
                    self._collect(runtime_type, selection.selection_set, fields, visited)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if name in visited or fragment is None:
                    continue
                visited.add(name)
                if self._applies(fragment.type_condition.name.value, runtime_type):
                    self._collect(runtime_type, fragment.selection_set, fields, visited)

    def _selected(self, runtime_type: GraphQLObjectType, fields: Fields) -> Selected:
        selected: Selected = []
        for key, nodes in fields.items():
            name = nodes[0].name.value
            if name == "__typename":
                selected.append((key, nodes, None, None))
            else:
                field = runtime_type.fields[name]
                selected.append((key, nodes, field, self.executor.plan(field)))
        return selected

    def _subfields_of(self, runtime_type: GraphQLObjectType, nodes: list[FieldNode]) -> Selected:
        key = (runtime_type.name, tuple(id(node) for node in nodes))
        found = self._subfields.get(key)
        if found is None:
            fields: Fields = {}
            visited: set[str] = set()
            for node in nodes:
                if node.selection_set is not None:
                    self._collect(runtime_type, node.selection_set, fields, visited)
            found = self._subfields[key] = self._selected(runtime_type, fields)
        return found

    def _arguments_of(self, field: GraphQLField, node: FieldNode) -> dict[str, Any]:
        if not field.args:
            return {}
        cached = self._arguments.get(id(node))
        if cached is not None:
            return cached
        arguments = get_argument_values(field, node, self.variables)
        # One execution has one set of variables, so a node's arguments never change within it:
        # the fifty products of a page share one coercion of `variants(first: 10)`.
        self._arguments[id(node)] = arguments
        return arguments

    def _execute_fields(
        self, parent_type: GraphQLObjectType, source: Any, fields: Selected, path: Path | None, owner: _Slot
    ) -> Any:
        result: dict[str, Any] = {}
        for key, nodes, field, plan in fields:
            if field is None or plan is None:
                result[key] = parent_type.name
                continue
            if plan.builtin is not None:
                # Most of a response: a string or number attribute, returned as it is (no path needed).
                value = getattr(source, plan.python_name)  # type: ignore[arg-type]
                if type(value) is plan.builtin or (value is None and plan.nullable):
                    result[key] = value
                    continue
            value = self._execute_field(
                parent_type, field, source, nodes, Path(path, key, parent_type.name), result, key, owner
            )
            if value is PROPAGATE:
                return PROPAGATE
            result[key] = value
        return result

    def _execute_field(
        self,
        parent_type: GraphQLObjectType,
        field: GraphQLField,
        source: Any,
        nodes: list[FieldNode],
        path: Path,
        container: dict[str, Any],
        key: str,
        owner: _Slot,
    ) -> Any:
        return_type = field.type
        nullable = not isinstance(return_type, GraphQLNonNull)
        try:
            plan = self.executor.plan(field)
            if plan.python_name is not None:
                value = getattr(source, plan.python_name)
            else:
                value = self._resolve(plan, field, parent_type, source, nodes, path)
                if optimized_is_awaitable(value):
                    slot = _Slot(container, key, nullable, owner)
                    self.pending.append((value, self._deferred(return_type, nodes, path, slot)))
                    return None
            completed = self._complete(return_type, nodes, path, value, container, key, owner)
        except Exception as exc:
            self.errors.append(self._located(exc, nodes, path.as_list()))
            return None if nullable else PROPAGATE
        if completed is PROPAGATE and nullable:
            return None
        return completed

    def _resolve(
        self,
        plan: _FieldPlan,
        field: GraphQLField,
        parent_type: GraphQLObjectType,
        source: Any,
        nodes: list[FieldNode],
        path: Path,
    ) -> Any:
        raw_info = GraphQLResolveInfo(
            nodes[0].name.value,
            nodes,
            field.type,
            parent_type,
            path,
            self.schema,
            self.fragments,
            None,
            self.operation,
            # Strawberry's resolvers read the plain coerced dict, as its own executor passes it.
            self.coerced,  # type: ignore[arg-type]
            self.context,
            optimized_is_awaitable,  # type: ignore[arg-type]
            None,
            self._helpers,
        )
        if plan.resolver is None:
            assert plan.wrapped is not None
            return plan.wrapped(source, raw_info, **self._arguments_of(field, nodes[0]))
        kwargs = self._converted.get(id(nodes[0]))
        if kwargs is None:
            kwargs = convert_arguments(
                self._arguments_of(field, nodes[0]),
                plan.resolver.arguments,
                scalar_registry=self.executor.scalars,
                config=self.executor.config,
            )
            self._converted[id(nodes[0])] = kwargs
        if plan.info_name is not None:
            kwargs = {**kwargs, plan.info_name: Info(_raw_info=raw_info, _field=plan.resolver)}
        base = plan.resolver.base_resolver
        assert base is not None
        return base(source, **kwargs) if plan.takes_self else base(**kwargs)

    def _deferred(
        self, return_type: GraphQLOutputType, nodes: list[FieldNode], path: Path, slot: _Slot
    ) -> Callable[[Any], None]:
        def done(value: Any) -> None:
            if self._detached(slot.parent):
                # An ancestor was nulled meanwhile: this value (and any error) is no longer part of the
                # response, and graphql-core reports nothing from such a subtree either.
                return
            try:
                if isinstance(value, BaseException):
                    raise value
                completed = self._complete(
                    return_type, nodes, path, value, slot.container, slot.key, slot.parent
                )
            except Exception as exc:
                self.errors.append(self._located(exc, nodes, path.as_list()))
                completed = PROPAGATE
            if completed is PROPAGATE:
                self._null_out(slot)
            else:
                slot.container[slot.key] = completed

        return done

    def _located(self, exc: Exception, nodes: list[FieldNode], path: list[str | int]) -> GraphQLError:
        """graphql-core's `located_error`, with the line and column of each field node found once.

        Finding a location scans the document's text; when a backend is down, a page of 50 products
        has one error per variant under the same field node, and would scan it ~170 times.
        """
        if isinstance(exc, GraphQLError):
            return located_error(exc, nodes, path)
        message = getattr(exc, "message", None)
        error = GraphQLError(str(exc) if message is None else str(message), path=path, original_error=exc)
        located = self._locations.get(id(nodes[0]))
        if located is None:
            # graphql-core works out the source, positions and line/column; this error only holds them.
            located = self._locations[id(nodes[0])] = GraphQLError("", nodes)
        error.nodes, error.source = located.nodes, located.source
        error.positions, error.locations = located.positions, located.locations
        return error

    @staticmethod
    def _null_out(slot: _Slot | None) -> None:
        while slot is not None:
            slot.nulled = True
            if slot.nullable:
                slot.container[slot.key] = None
                return
            slot = slot.parent

    @staticmethod
    def _detached(slot: _Slot | None) -> bool:
        while slot is not None:
            if slot.nulled:
                return True
            slot = slot.parent
        return False

    # --- values --------------------------------------------------------------------------------

    def _complete(
        self,
        return_type: GraphQLOutputType,
        nodes: list[FieldNode],
        path: Path,
        value: Any,
        container: dict[str, Any] | list[Any],
        key: Any,
        owner: _Slot | None,
        nullable: bool = True,
    ) -> Any:
        if isinstance(value, Exception):
            raise value
        if isinstance(return_type, GraphQLNonNull):
            completed = self._complete(return_type.of_type, nodes, path, value, container, key, owner, False)
            if completed is None:
                raise TypeError(
                    f"Cannot return null for non-nullable field {path.typename}.{nodes[0].name.value}."
                )
            return completed
        if value is None or value is Undefined:
            return None
        if isinstance(return_type, GraphQLList):
            return self._complete_list(
                return_type, nodes, path, value, _Slot(container, key, nullable, owner)
            )
        builtin = _BUILTIN_SCALARS.get(return_type)  # type: ignore[arg-type]
        if builtin is not None and type(value) is builtin:
            return value
        if isinstance(return_type, GraphQLEnumType):
            name = self.executor.enum_name(return_type, value)
            if name is not None:
                return name
        if is_leaf_type(return_type):
            serialized = return_type.serialize(value)
            if serialized is None or serialized is Undefined:
                raise TypeError(f"Expected a value of type '{return_type}' but received: {value!r}")
            return serialized
        runtime_type = self._runtime_type(return_type, value)
        slot = _Slot(container, key, nullable, owner)
        return self._execute_fields(runtime_type, value, self._subfields_of(runtime_type, nodes), path, slot)

    def _complete_list(
        self, return_type: GraphQLList[Any], nodes: list[FieldNode], path: Path, value: Any, list_slot: _Slot
    ) -> Any:
        item_type = return_type.of_type
        item_nullable = not isinstance(item_type, GraphQLNonNull)
        items: list[Any] = []
        for index, item in enumerate(value):
            item_path = Path(path, index, None)
            try:
                completed = self._complete(item_type, nodes, item_path, item, items, index, list_slot)
            except Exception as exc:
                self.errors.append(self._located(exc, nodes, item_path.as_list()))
                completed = PROPAGATE
            if completed is PROPAGATE:
                if not item_nullable:
                    return PROPAGATE
                completed = None
            items.append(completed)
        return items

    def _runtime_type(self, return_type: GraphQLOutputType, value: Any) -> GraphQLObjectType:
        if isinstance(return_type, GraphQLObjectType):
            return return_type
        definition = getattr(type(value), "__strawberry_definition__", None)
        runtime = self.schema.get_type(definition.name) if definition is not None else None
        if not isinstance(runtime, GraphQLObjectType) or not self.schema.is_sub_type(
            return_type,  # type: ignore[arg-type]
            runtime,
        ):
            assert isinstance(return_type, GraphQLAbstractType)
            raise TypeError(
                f"Abstract type '{return_type.name}' cannot resolve a value of {type(value).__name__}."
            )
        return runtime


__all__ = ["LeanExecutor", "handles"]
