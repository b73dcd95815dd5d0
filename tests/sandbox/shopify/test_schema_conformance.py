"""Every type, field, argument and enum value our Shopify SDLs declare exists identically at Shopify."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    is_specified_directive,
)

from sandbox.shopify.admin.schema import admin_schema
from sandbox.shopify.storefront.schema import storefront_schema
from tests.shopify_specs import needs_specs, real_admin, real_storefront

pytestmark = needs_specs


def _arguments(args: dict[str, Any]) -> dict[str, tuple[str, Any]]:
    return {name: (str(arg.type), arg.default_value) for name, arg in args.items()}


def differences(ours: GraphQLSchema, real: GraphQLSchema) -> list[str]:
    """Everything in `ours` that Shopify's schema does not have exactly so."""
    problems: list[str] = []
    for name, ours_type in ours.type_map.items():
        if name.startswith("__"):
            continue
        real_type = real.type_map.get(name)
        if real_type is None or type(real_type) is not type(ours_type):
            problems.append(f"type {name}: missing or of another kind at Shopify")
            continue
        if isinstance(ours_type, GraphQLObjectType | GraphQLInterfaceType):
            assert isinstance(real_type, GraphQLObjectType | GraphQLInterfaceType)
            real_interfaces = {i.name for i in real_type.interfaces}
            for interface in ours_type.interfaces:
                if interface.name not in real_interfaces:
                    problems.append(f"{name} implements {interface.name}: not at Shopify")
            for field_name, field in ours_type.fields.items():
                real_field = real_type.fields.get(field_name)
                if real_field is None:
                    problems.append(f"{name}.{field_name}: no such field")
                elif str(real_field.type) != str(field.type):
                    problems.append(f"{name}.{field_name}: {field.type} here, {real_field.type} at Shopify")
                elif _arguments(field.args) != _arguments(real_field.args):
                    problems.append(f"{name}.{field_name}: arguments differ")
        elif isinstance(ours_type, GraphQLInputObjectType):
            assert isinstance(real_type, GraphQLInputObjectType)
            ours_fields = {n: (str(f.type), f.default_value) for n, f in ours_type.fields.items()}
            real_fields = {n: (str(f.type), f.default_value) for n, f in real_type.fields.items()}
            if ours_fields != real_fields:
                problems.append(f"input {name}: fields differ")
        elif isinstance(ours_type, GraphQLEnumType):
            assert isinstance(real_type, GraphQLEnumType)
            extra = set(ours_type.values) - set(real_type.values)
            if extra:
                problems.append(f"enum {name}: {sorted(extra)} not at Shopify")
        elif isinstance(ours_type, GraphQLUnionType):
            assert isinstance(real_type, GraphQLUnionType)
            if {t.name for t in ours_type.types} != {t.name for t in real_type.types}:
                problems.append(f"union {name}: members differ")
    for directive in ours.directives:
        if is_specified_directive(directive):  # graphql-core's own @deprecated, @skip…
            continue
        real_directive = real.get_directive(directive.name)
        if real_directive is None:
            problems.append(f"@{directive.name}: not at Shopify")
        elif _arguments(directive.args) != _arguments(real_directive.args) or set(directive.locations) != set(
            real_directive.locations
        ):
            problems.append(f"@{directive.name}: arguments or locations differ")
    return problems


SCHEMAS: list[tuple[str, Callable[[], GraphQLSchema], Callable[[], GraphQLSchema]]] = [
    ("storefront", storefront_schema, real_storefront),
    ("admin", admin_schema, real_admin),
]


@pytest.mark.parametrize(("api", "ours", "real"), SCHEMAS, ids=[s[0] for s in SCHEMAS])
def test_our_sdl_is_a_faithful_subset_of_shopifys(
    api: str, ours: Callable[[], GraphQLSchema], real: Callable[[], GraphQLSchema]
) -> None:
    # when
    problems = differences(ours(), real())

    # then
    assert problems == []


def test_the_check_catches_a_field_that_shopify_does_not_have() -> None:
    # given: our storefront SDL with one invented field
    from graphql import build_schema

    from sandbox.shopify.storefront.schema import storefront_sdl

    invented = build_schema(
        storefront_sdl().replace(
            "type Shop implements HasMetafields & Node {",
            "type Shop implements HasMetafields & Node {\n  invented: Int",
        )
    )

    # when
    problems = differences(invented, real_storefront())

    # then
    assert problems == ["Shop.invented: no such field"]
