"""Shopify's cap on list inputs: more than 250 values is refused before execution.

List arguments and input fields whose description in the emulator's SDL says "at most 250"
(`nodes(ids:)`, `cartLinesAdd(lines:)`…, the lists Shopify caps) get `MAX_INPUT_SIZE_EXCEEDED` with
the path of the argument, and no `data`, as graphql-ruby's argument validation answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_named_type,
    get_nullable_type,
    is_input_object_type,
    is_list_type,
    visit,
)
from graphql.execution.values import get_argument_values, get_variable_values

MAX_INPUT_SIZE = 250
_LIMIT_MARK = f"at most {MAX_INPUT_SIZE}"

Limited = tuple[OperationDefinitionNode | None, FieldNode, GraphQLField]
"""A field with a capped list argument, and its operation (None inside a fragment)."""


def limited_fields(schema: GraphQLSchema, limited: set[int], document: DocumentNode) -> list[Limited]:
    """The fields of a document whose list arguments are capped, with their operation."""
    if not limited:
        return []
    found: list[Limited] = []
    type_info = TypeInfo(schema)

    class Finder(Visitor):
        operation: OperationDefinitionNode | None = None

        def enter_operation_definition(self, node: OperationDefinitionNode, *_args: Any) -> None:
            self.operation = node

        def enter_fragment_definition(self, *_args: Any) -> None:
            self.operation = None

        def enter_field(self, node: FieldNode, *_args: Any) -> None:
            definition = type_info.get_field_def()
            if definition is not None and id(definition) in limited:
                found.append((self.operation, node, definition))

    visit(document, TypeInfoVisitor(type_info, Finder()))
    return found


def input_size_errors(
    schema: GraphQLSchema,
    limited: list[Limited],
    operation: OperationDefinitionNode,
    variables: dict[str, Any],
) -> list[dict[str, Any]]:
    """`MAX_INPUT_SIZE_EXCEEDED` errors for the capped lists the operation passes too long."""
    checks = [(node, definition) for owner, node, definition in limited if owner in (None, operation)]
    if not checks:
        return []
    coerced = get_variable_values(schema, operation.variable_definitions or (), variables)
    if isinstance(coerced, list):
        return []
    errors: list[dict[str, Any]] = []
    for node, definition in checks:
        try:
            values = get_argument_values(definition, node, coerced)
        except GraphQLError:  # a fragment field using a variable this operation lacks: left to execution
            continue
        for name, arg in definition.args.items():
            for path, size in _oversized(values.get(name), arg.type, [name], arg.description or ""):
                location = node.loc.source.get_location(node.loc.start) if node.loc else None
                errors.append(
                    {
                        "message": f"The input array size of {size} is greater than the maximum allowed of {MAX_INPUT_SIZE}.",
                        "locations": [{"line": location.line, "column": location.column}] if location else [],
                        "path": [(node.alias or node.name).value, *path],
                        "extensions": {"code": "MAX_INPUT_SIZE_EXCEEDED"},
                    }
                )
    return errors


def _oversized(value: Any, type_: Any, path: list[str], description: str) -> Iterator[tuple[list[str], int]]:
    nullable = get_nullable_type(type_)
    if value is None:
        return
    if is_list_type(nullable):
        if _LIMIT_MARK in description and len(value) > MAX_INPUT_SIZE:
            yield path, len(value)
        for item in value:
            yield from _oversized(item, nullable.of_type, path, "")
    elif is_input_object_type(nullable) and isinstance(value, dict):
        input_type: GraphQLInputObjectType = nullable
        for name, input_field in input_type.fields.items():
            if name in value:
                yield from _oversized(
                    value[name], input_field.type, [*path, name], input_field.description or ""
                )


def limited_arguments(schema: GraphQLSchema) -> set[int]:
    """Ids of the field definitions with a list argument (or input field) capped at 250 items."""
    capped_inputs: set[str] = set()
    for named in schema.type_map.values():
        if is_input_object_type(named) and any(
            _LIMIT_MARK in (f.description or "") for f in named.fields.values()
        ):
            capped_inputs.add(named.name)
    found: set[int] = set()
    for named in schema.type_map.values():
        fields = getattr(named, "fields", None)
        if not isinstance(fields, dict) or is_input_object_type(named):
            continue
        for definition in fields.values():
            for arg in definition.args.values():
                if _LIMIT_MARK in (arg.description or "") or _reaches(
                    get_named_type(arg.type), capped_inputs, set()
                ):
                    found.add(id(definition))
    return found


def _reaches(named: Any, capped: set[str], seen: set[str]) -> bool:
    if not is_input_object_type(named) or named.name in seen:
        return False
    if named.name in capped:
        return True
    seen.add(named.name)
    return any(_reaches(get_named_type(f.type), capped, seen) for f in named.fields.values())


__all__ = ["MAX_INPUT_SIZE", "Limited", "input_size_errors", "limited_arguments", "limited_fields"]
