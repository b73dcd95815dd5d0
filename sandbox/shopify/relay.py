"""Relay connection objects both APIs return, and the resolvers of their fields."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from graphql import GraphQLResolveInfo, GraphQLSchema

from .connections import Page, Window, page_of_list

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Edge(Generic[T]):
    cursor: str
    node: T


@dataclass(slots=True)
class Connection(Generic[T]):
    """One page of a connection; `extra` computes fields like `filters` only when asked."""

    page: Page[T]
    extra: Mapping[str, Callable[[], Any]] = field(default_factory=dict)

    @property
    def edges(self) -> list[Edge[T]]:
        page = self.page
        return [Edge(page.cursor(i), item) for i, item in enumerate(page.items)]

    @property
    def page_info(self) -> dict[str, Any]:
        page = self.page
        has_items = bool(page.items)
        return {
            "hasNextPage": page.has_next_page,
            "hasPreviousPage": page.has_previous_page,
            "startCursor": page.cursor(0) if has_items else None,
            "endCursor": page.cursor(len(page.items) - 1) if has_items else None,
        }


def list_connection(
    items: Sequence[T], args: Mapping[str, Any], ids: Callable[[T], int] | None = None
) -> Connection[T]:
    """A connection over a short list in its natural order (`reverse: true` walks it backwards)."""
    window = Window.of(dict(args))
    page = page_of_list(list(items)[::-1] if args.get("reverse") else items, window, ids)
    # Every connection type that has `totalCount` counts the whole list, whatever page is read.
    return Connection(page, {"totalCount": lambda: len(items)})


def _edges(conn: Connection[Any], info: GraphQLResolveInfo[Any]) -> list[Edge[Any]]:
    return conn.edges


def _nodes(conn: Connection[Any], info: GraphQLResolveInfo[Any]) -> list[Any]:
    return conn.page.items


def _page_info(conn: Connection[Any], info: GraphQLResolveInfo[Any]) -> dict[str, Any]:
    return conn.page_info


def _extra(conn: Connection[Any], info: GraphQLResolveInfo[Any]) -> Any:
    return conn.extra[info.field_name]()


def bind_connections(schema: GraphQLSchema) -> None:
    """Resolve the fields of every `…Connection` type from a `Connection` object."""
    for name, named in schema.type_map.items():
        if not name.endswith("Connection") or name.startswith("__"):
            continue
        fields = getattr(named, "fields", None)
        if not isinstance(fields, dict):
            continue
        for field_name, definition in fields.items():
            if field_name == "edges":
                definition.resolve = _edges
            elif field_name == "nodes":
                definition.resolve = _nodes
            elif field_name == "pageInfo":
                definition.resolve = _page_info
            else:
                definition.resolve = _extra


Resolver = Callable[..., Any]


def bind(schema: GraphQLSchema, resolvers: Mapping[str, Mapping[str, Resolver]]) -> None:
    """Attach resolvers by type and field name; a name the schema lacks is a programming error."""
    for type_name, fields in resolvers.items():
        named = schema.type_map[type_name]
        definitions = getattr(named, "fields", None)
        assert isinstance(definitions, dict), type_name
        for field_name, resolver in fields.items():
            definitions[field_name].resolve = resolver


def bind_abstract_types(schema: GraphQLSchema, type_names: Mapping[type, str]) -> None:
    """Tell every interface and union which GraphQL type a record class stands for."""

    def resolve_type(value: Any, info: GraphQLResolveInfo[Any], abstract: Any) -> str | None:
        return type_names.get(type(value))

    for named in schema.type_map.values():
        if hasattr(named, "resolve_type") and not named.name.startswith("__"):
            named.resolve_type = resolve_type


__all__ = [
    "Connection",
    "Edge",
    "Resolver",
    "bind",
    "bind_abstract_types",
    "bind_connections",
    "list_connection",
]
