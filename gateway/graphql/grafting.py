"""Grafting: Shopify's answer walked along the client's operation, with the gateway's fields put in place.

The walk follows the client's selection (its fragments, type conditions, `@skip`/`@include`) over
Shopify's data, so the answer has the client's response keys in the client's order, the reserved
keys the plan added are gone, and each gateway-owned field is a `Site`: a slot in the answer, the
field nodes that select it, the key values Shopify returned for it, and its path for errors. The
sites of the whole answer are then resolved together, one backend call per system.
"""

from __future__ import annotations

import dataclasses
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
from graphql.execution.values import VariableValues, get_argument_values

from .planning import TYPE_KEY, KeyField, Plan

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
    arguments: Mapping[str, Any]
    """The field's arguments, coerced (defaults applied, variables substituted)."""
    selected: frozenset[str] = frozenset()
    """The names of the fields selected on the value, through every fragment and whatever their
    directives: a load may read only what these need."""


_TYPENAME, _SHOPIFY, _SITE, _OVERRIDE = "typename", "shopify", "site", "override"


@dataclass(frozen=True, slots=True)
class _Field:
    """One response key of an object, as collected: what kind of value it gets, and from where."""

    key: str
    name: str
    nodes: tuple[FieldNode, ...]
    kind: str
    type: GraphQLOutputType | None = None
    """Shopify's fields: the field's type, which its value is completed along."""
    planned: tuple[KeyField, ...] = ()
    """Gateway-owned fields and overrides: the key fields requested beside them."""
    children: tuple[SelectionSetNode, ...] = ()
    """Shopify's fields: the selections of the field's nodes, merged."""
    arguments: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    """Gateway-owned fields: their arguments, coerced."""
    selected: frozenset[str] = frozenset()
    """Gateway-owned fields: the names of the fields selected on their value (`Site.selected`)."""


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
        self._collected: dict[tuple[tuple[int, ...], str], list[_Field]] = {}
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

    def _fields(self, selection_sets: Sequence[SelectionSetNode], runtime: GraphQLObjectType) -> list[_Field]:
        """The fields one object of `runtime` answers: collected once per selection and type, not per
        object (a page of 50 products with 10 variants each collects twice, not 550 times)."""
        memo_key = (tuple(id(selection_set) for selection_set in selection_sets), runtime.name)
        found = self._collected.get(memo_key)
        if found is not None:
            return found
        collected: dict[str, list[FieldNode]] = {}
        visited: set[str] = set()
        for selection_set in selection_sets:
            self._collect(selection_set, runtime, collected, visited)
        found = []
        for key, nodes in collected.items():
            name = nodes[0].name.value
            if name == "__typename":
                found.append(_Field(key, name, (), _TYPENAME))
            elif name.startswith("__"):
                continue  # `__schema` and `__type` at the root: the gateway answers them itself
            elif (planned := self.plan.keys.get((runtime.name, name))) is not None:
                kind = _OVERRIDE if (runtime.name, name) in self.plan.overrides else _SITE
                definition = runtime.fields[name]
                # Valid documents merge only fields of equal arguments, so the first node speaks for all.
                arguments = (
                    get_argument_values(definition, nodes[0], VariableValues({}, dict(self.variables)))
                    if definition.args
                    else {}
                )
                selected = self._selected(nodes, set())
                found.append(
                    _Field(
                        key, name, tuple(nodes), kind, planned=planned, arguments=arguments, selected=selected
                    )
                )
            else:
                children = tuple(node.selection_set for node in nodes if node.selection_set is not None)
                found.append(
                    _Field(key, name, tuple(nodes), _SHOPIFY, runtime.fields[name].type, children=children)
                )
        self._collected[memo_key] = found
        return found

    def _selected(
        self, nodes: Sequence[FieldNode | FragmentDefinitionNode | InlineFragmentNode], visited: set[str]
    ) -> frozenset[str]:
        """The field names `nodes` select on their value, fragments followed (each once)."""
        names: set[str] = set()
        for node in nodes:
            for selection in node.selection_set.selections if node.selection_set else ():
                if isinstance(selection, FieldNode):
                    names.add(selection.name.value)
                elif isinstance(selection, InlineFragmentNode):
                    names |= self._selected((selection,), visited)
                elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in visited:
                    visited.add(selection.name.value)
                    fragment = self.fragments.get(selection.name.value)
                    if fragment is not None:
                        names |= self._selected((fragment,), visited)
        return frozenset(names)

    def _object(
        self,
        selection_sets: Sequence[SelectionSetNode],
        runtime: GraphQLObjectType,
        value: Mapping[str, Any],
        path: Path,
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field in self._fields(selection_sets, runtime):
            key = field.key
            if field.kind is _SHOPIFY:
                assert field.type is not None
                completed = self._complete(field.type, field.children, value.get(key), (*path, key))
                if completed is _NULLED:
                    return None  # type: ignore[return-value]  # the caller nulls this object in turn
                out[key] = completed
            elif field.kind is _TYPENAME:
                out[key] = runtime.name
            else:
                # Shopify's figure stands for an override until the system of record says otherwise.
                out[key] = value.get(key) if field.kind is _OVERRIDE else None
                keys = {planned.name: value.get(planned.alias) for planned in field.planned}
                site = Site(
                    runtime.name,
                    field.name,
                    out,
                    key,
                    field.nodes,
                    keys,
                    (*path, key),
                    field.arguments,
                    field.selected,
                )
                (self.overrides if field.kind is _OVERRIDE else self.sites).append(site)
        return out

    def _complete(
        self, type_: GraphQLOutputType, children: tuple[SelectionSetNode, ...], value: Any, path: Path
    ) -> Any:
        if isinstance(type_, GraphQLNonNull):
            completed = self._complete(type_.of_type, children, value, path)
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
                self._complete(type_.of_type, children, item, (*path, index))
                for index, item in enumerate(value)
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
        return self._object(children, runtime, value, path)


__all__ = ["Graft", "Path", "Site"]
