"""Grafting: Shopify's answer walked along the client's operation, with the gateway's fields put in place.

The walk follows the client's selection (its fragments, type conditions, `@skip`/`@include`) over
Shopify's data, so the answer has the client's response keys in the client's order, the reserved
keys the plan added are gone, and each gateway-owned field is a `Site`: a slot in the answer, the
field nodes that select it, the key values Shopify returned for it, and its path for errors. The
sites of the whole answer are then resolved together, one backend call per system.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import (
    BooleanValueNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLBoolean,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    InlineFragmentNode,
    SelectionSetNode,
    is_abstract_type,
    is_leaf_type,
    value_from_ast,
)

from .planning import TYPE_KEY, Plan

Path = tuple[str | int, ...]

_NULLED: Any = object()
"""A null where the schema forbids one: the nearest nullable parent becomes null, as the spec says."""


@dataclass(slots=True)
class Site:
    """One gateway-owned field in the answer, waiting for its value."""

    parent: str
    """Shopify's type of the object the field is on."""
    field: str
    target: dict[str, Any]
    """The answer object the value goes into, under `key`."""
    key: str
    nodes: tuple[FieldNode, ...]
    keys: Mapping[str, Any]
    """The key fields Shopify returned for this object, by their field names (aliases removed)."""
    path: Path


class Graft:
    """One walk of one answer; `sites` holds what it found, in document order."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
        plan: Plan,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.plan = plan
        self.sites: list[Site] = []
        self.overrides: list[Site] = []
        """Fields of Shopify's whose value another system may replace (`Plan.overrides`)."""
        self.misshapen: list[Path] = []
        """Where Shopify's answer was not of the schema's shape (an object where a list was due...)."""
        self.trusts_nulls = False
        """Shopify reported errors, so a null may be its own propagation: not counted as misshapen."""

    def root(
        self, selection_set: SelectionSetNode, root: GraphQLObjectType, data: Mapping[str, Any]
    ) -> dict[str, Any] | None:
        """The client's answer; None when a non-null root field could not be given a value."""
        out: dict[str, Any] | None = self._object((selection_set,), root, data, ())
        return out

    def _included(self, node: FieldNode | InlineFragmentNode | FragmentSpreadNode) -> bool:
        for directive in node.directives or ():
            name = directive.name.value
            if name not in ("skip", "include"):
                continue
            argument = next((a for a in directive.arguments or () if a.name.value == "if"), None)
            if argument is None:
                continue
            value = (
                argument.value.value
                if isinstance(argument.value, BooleanValueNode)
                else value_from_ast(argument.value, GraphQLBoolean, dict(self.variables))
            )
            if (name == "skip") == bool(value):
                return False
        return True

    def _applies(self, condition: str | None, runtime: GraphQLObjectType) -> bool:
        if condition is None or condition == runtime.name:
            return True
        named = self.schema.get_type(condition)
        return named is not None and is_abstract_type(named) and self.schema.is_sub_type(named, runtime)

    def _collect(
        self,
        selection_set: SelectionSetNode,
        runtime: GraphQLObjectType,
        fields: dict[str, list[FieldNode]],
        visited: set[str],
    ) -> None:
        for node in selection_set.selections:
            if not self._included(node):  # type: ignore[arg-type]
                continue
            if isinstance(node, FieldNode):
                fields.setdefault(node.alias.value if node.alias else node.name.value, []).append(node)
            elif isinstance(node, InlineFragmentNode):
                condition = node.type_condition.name.value if node.type_condition else None
                if self._applies(condition, runtime):
                    self._collect(node.selection_set, runtime, fields, visited)
            elif isinstance(node, FragmentSpreadNode):
                # A fragment spread twice adds nothing new: collected once, as the spec's
                # CollectFields does, so fan-outs stay linear.
                if node.name.value in visited:
                    continue
                visited.add(node.name.value)
                fragment = self.fragments[node.name.value]
                if self._applies(fragment.type_condition.name.value, runtime):
                    self._collect(fragment.selection_set, runtime, fields, visited)

    def _object(
        self,
        selection_sets: Sequence[SelectionSetNode],
        runtime: GraphQLObjectType,
        value: Mapping[str, Any],
        path: Path,
    ) -> dict[str, Any]:
        fields: dict[str, list[FieldNode]] = {}
        visited: set[str] = set()
        for selection_set in selection_sets:
            self._collect(selection_set, runtime, fields, visited)
        out: dict[str, Any] = {}
        for key, nodes in fields.items():
            name = nodes[0].name.value
            if name == "__typename":
                out[key] = runtime.name
                continue
            if name.startswith("__"):
                continue  # `__schema` and `__type` at the root: the gateway answers them itself
            planned = self.plan.keys.get((runtime.name, name))
            if planned is not None and (runtime.name, name) in self.plan.overrides:
                out[key] = value.get(key)  # Shopify's figure, until the system of record says otherwise
                keys = {field.name: value.get(field.alias) for field in planned}
                self.overrides.append(Site(runtime.name, name, out, key, tuple(nodes), keys, (*path, key)))
                continue
            if planned is not None:
                out[key] = None
                keys = {field.name: value.get(field.alias) for field in planned}
                self.sites.append(Site(runtime.name, name, out, key, tuple(nodes), keys, (*path, key)))
                continue
            completed = self._complete(runtime.fields[name].type, nodes, value.get(key), (*path, key))
            if completed is _NULLED:
                return None  # type: ignore[return-value]  # the caller nulls this object in turn
            out[key] = completed
        return out

    def _complete(self, type_: GraphQLOutputType, nodes: Sequence[FieldNode], value: Any, path: Path) -> Any:
        if isinstance(type_, GraphQLNonNull):
            completed = self._complete(type_.of_type, nodes, value, path)
            if completed is None:
                if value is None and not self.trusts_nulls:
                    self.misshapen.append(path)  # Shopify sent a null the schema forbids
                return _NULLED
            return completed
        if value is None:
            return None
        if isinstance(type_, GraphQLList):
            if not isinstance(value, list):
                self.misshapen.append(path)
                return None
            items = [
                self._complete(type_.of_type, nodes, item, (*path, index)) for index, item in enumerate(value)
            ]
            return None if any(item is _NULLED for item in items) else items
        if is_leaf_type(type_):
            if isinstance(value, dict | list):
                self.misshapen.append(path)
                return None
            return value
        if not isinstance(value, dict):
            self.misshapen.append(path)
            return None
        runtime: Any = type_
        if is_abstract_type(type_):
            runtime = self.schema.get_type(str(value.get(TYPE_KEY)))
            if not isinstance(runtime, GraphQLObjectType) or not self.schema.is_sub_type(type_, runtime):
                self.misshapen.append(path)
                return None
        selection_sets = [node.selection_set for node in nodes if node.selection_set is not None]
        return self._object(selection_sets, runtime, value, path)


__all__ = ["Graft", "Path", "Site"]
