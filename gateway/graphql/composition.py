"""The gateway's schema: Shopify's Storefront schema as Shopify serves it, plus the gateway's own fields.

```python
composed = compose(build_client_schema(introspection), EXTENSIONS)
print(print_schema(composed))
```

Shopify's types, fields, arguments and descriptions come from its introspection, never from the
project; the gateway adds only its extensions (a field on one of Shopify's objects, typed with the
gateway's own Strawberry types). Composition refuses what would make the result ambiguous: an
owned type named like one of Shopify's, a field Shopify already has, a parent type Shopify lacks, or
a key selection that Shopify's schema cannot answer. Each refusal names both sides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import strawberry
from graphql import (
    DocumentNode,
    GraphQLObjectType,
    GraphQLSchema,
    NoUnusedFragmentsRule,
    ObjectTypeExtensionNode,
    ScalarTypeDefinitionNode,
    TypeDefinitionNode,
    extend_schema,
    find_breaking_changes,
    find_dangerous_changes,
    parse,
    print_schema,
    specified_rules,
    validate,
)
from strawberry.schema.config import StrawberryConfig

from schema.joins import Extension

KEY_RULES = tuple(rule for rule in specified_rules if rule is not NoUnusedFragmentsRule)
"""A key selection is checked as a fragment on its parent type, which no operation spreads."""


class CompositionError(Exception):
    """The extensions cannot be composed with this upstream schema; the message names both sides."""


@strawberry.type(name="GatewayCompositionProbe")
class _Probe:
    """Strawberry needs a query type to print the gateway's types; it is dropped from the result."""

    probe: bool = strawberry.field(description="Never served.")


def probe_schema(extensions: Sequence[Extension], config: StrawberryConfig | None = None) -> GraphQLSchema:
    """A graphql-core schema holding the extensions' Strawberry types (and what they reach), resolvers included."""
    strawberry_schema = strawberry.Schema(query=_Probe, types=[e.type for e in extensions], config=config)
    return strawberry_schema._schema


def owned_definitions(
    extensions: Sequence[Extension], config: StrawberryConfig | None = None
) -> list[TypeDefinitionNode]:
    """The SDL definitions of the extensions' Strawberry types and every type they reach."""
    printed = print_schema(probe_schema(extensions, config))
    return [
        definition
        for definition in parse(printed).definitions
        if isinstance(definition, TypeDefinitionNode) and definition.name.value != "GatewayCompositionProbe"
    ]


def graphql_name(extension: Extension) -> str:
    """The GraphQL name of the extension's Strawberry type."""
    name: str = extension.type.__strawberry_definition__.name  # type: ignore[attr-defined]
    return name


def field_type(extension: Extension) -> str:
    """The extension field's type in SDL: its Strawberry type's name, or a list of it."""
    return f"[{graphql_name(extension)}!]" if extension.many else graphql_name(extension)


@dataclass(frozen=True, slots=True)
class _Checked:
    definitions: list[TypeDefinitionNode]
    extensions: list[ObjectTypeExtensionNode]


def _check(
    upstream: GraphQLSchema, extensions: Sequence[Extension], config: StrawberryConfig | None
) -> _Checked:
    definitions: list[TypeDefinitionNode] = []
    for definition in owned_definitions(extensions, config):
        name = definition.name.value
        theirs = upstream.type_map.get(name)
        if theirs is None:
            definitions.append(definition)
        elif not isinstance(definition, ScalarTypeDefinitionNode):
            # A scalar is a name for a serialization, and the gateway's and Shopify's agree by name;
            # any other type of the same name would leave one of the two unreachable.
            raise CompositionError(
                f"the gateway's type {name} has the name of the Storefront API's type {name}"
            )
    nodes: list[ObjectTypeExtensionNode] = []
    for extension in extensions:
        where = f"{extension.parent}.{extension.field}"
        parent = upstream.type_map.get(extension.parent)
        if not isinstance(parent, GraphQLObjectType):
            raise CompositionError(
                f"the gateway's field {where} extends {extension.parent}, which the Storefront API has no object type of"
            )
        if extension.field in parent.fields:
            raise CompositionError(
                f"the gateway's field {where} clashes with the Storefront API's field {where}"
            )
        key = parse(f"fragment GatewayKey on {extension.parent} {{ {extension.requires} }}")
        problems = validate(upstream, key, KEY_RULES)
        if problems:
            raise CompositionError(
                f"the gateway's field {where} is keyed by `{extension.requires}`, which the Storefront API's "
                f"{extension.parent} cannot answer: {problems[0].message}"
            )
        description = extension.description.replace('"""', '\\"""')
        field_sdl = (
            f'extend type {extension.parent} {{\n  """{description}"""\n'
            f"  {extension.field}{extension.arguments}: {field_type(extension)}\n}}"
        )
        node = parse(field_sdl).definitions[0]
        assert isinstance(node, ObjectTypeExtensionNode)
        nodes.append(node)
    return _Checked(definitions, nodes)


def extension_document(
    upstream: GraphQLSchema, extensions: Sequence[Extension], config: StrawberryConfig | None = None
) -> DocumentNode:
    """The SDL the gateway adds to `upstream`: its own types and the fields that attach them."""
    checked = _check(upstream, extensions, config)
    return DocumentNode(definitions=(*checked.definitions, *checked.extensions))


def compose(
    upstream: GraphQLSchema, extensions: Sequence[Extension], config: StrawberryConfig | None = None
) -> GraphQLSchema:
    """Shopify's schema extended with the gateway's fields; raises `CompositionError` on any clash.

    `upstream` is taken as Shopify serves it (build it with `assume_valid=True`): the real Storefront
    schema breaks a rule graphql-core enforces (an interface's `id` is deprecated on one of its
    implementations), and what Shopify serves is, for a gateway, the truth to forward. The
    gateway's own SDL is still validated as it is added.
    """
    return extend_schema(upstream, extension_document(upstream, extensions, config), assume_valid=True)


def changes(old: GraphQLSchema, new: GraphQLSchema) -> tuple[list[str], list[str]]:
    """The breaking and the dangerous changes from `old` to `new`, as `TYPE: description` lines."""
    breaking = [f"{change.type.name}: {change.description}" for change in find_breaking_changes(old, new)]
    dangerous = [f"{change.type.name}: {change.description}" for change in find_dangerous_changes(old, new)]
    return breaking, dangerous


__all__ = [
    "CompositionError",
    "changes",
    "compose",
    "extension_document",
    "field_type",
    "graphql_name",
    "owned_definitions",
    "probe_schema",
]
