"""Shopify's `ID` accepts only global ids: anything else is refused before execution.

graphql-ruby coerces `ID` arguments to Shopify's GlobalID class, so `product(id: "123")` fails
validation with `Invalid global id '123'` (a literal) or as an invalid variable value.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLInputType,
    GraphQLSchema,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_named_type,
    get_nullable_type,
    is_input_object_type,
    is_list_type,
    visit,
)

from .document_paths import locate
from .ids import parse_gid


def _is_id(type_: Any) -> bool:
    return type_ is not None and get_named_type(type_).name == "ID"


def literal_errors(schema: GraphQLSchema, document: DocumentNode) -> list[dict[str, Any]]:
    """`Invalid global id` errors for the ID literals of a valid document."""
    found: list[StringValueNode] = []
    type_info = TypeInfo(schema)

    class Finder(Visitor):
        def enter_string_value(self, node: StringValueNode, *_args: Any) -> None:
            if _is_id(type_info.get_input_type()) and parse_gid(node.value) is None:
                found.append(node)

    visit(document, TypeInfoVisitor(type_info, Finder()))
    if not found:
        return []
    places = locate(document)
    errors = []
    for node in found:
        location = node.loc.source.get_location(node.loc.start) if node.loc else None
        where = places.get(id(node))
        errors.append(
            {
                "message": f"Invalid global id '{node.value}'",
                "locations": [{"line": location.line, "column": location.column}] if location else [],
                "path": where.path if where else [],
                "extensions": {"code": "argumentLiteralsIncompatible", "typeName": "CoercionError"},
            }
        )
    return errors


def value_problems(value: Any, type_: GraphQLInputType, path: list[str | int]) -> Iterator[dict[str, Any]]:
    """graphql-ruby `problems` for the non-global ids inside a variable's value."""
    nullable = get_nullable_type(type_)
    if value is None:
        return
    if is_list_type(nullable):
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            yield from value_problems(
                item, nullable.of_type, [*path, index] if isinstance(value, list) else path
            )
    elif is_input_object_type(nullable) and isinstance(value, dict):
        for name, field in nullable.fields.items():
            if name in value:
                yield from value_problems(value[name], field.type, [*path, name])
    elif _is_id(nullable) and isinstance(value, str) and parse_gid(value) is None:
        yield {"path": path, "explanation": f"Invalid global id '{value}'"}


__all__ = ["literal_errors", "value_problems"]
