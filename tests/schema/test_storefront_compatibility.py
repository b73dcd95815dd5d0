"""The gateway's schema is a subset of the Storefront API 2026-04, plus its documented extensions.

Every type the gateway shares with Shopify has the same kind; every shared field the same type and
nullability; every argument the same type and default; every enum value exists in Shopify's enum.
A query written for the Storefront API's catalog therefore validates against the gateway unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    build_schema,
    print_ast,
    print_type,
)
from graphql.utilities.get_default_value_ast import get_default_value_ast

from schema import schema as gateway_schema

SPEC = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "specs" / "shopify" / "storefront_2026-04.graphql"
)

EXTENSION_TYPES = {
    "ProductContent",
    "ContentAttribute",
    "ContentMedia",
    "ContentCategory",
    "VariantStock",
    "WarehouseStock",
    "Warehouse",
}
"""Types the gateway adds from the PIM and the ERP; everything else must be Shopify's."""

EXTENSION_FIELDS = {("Product", "content"), ("ProductVariant", "stock")}


@pytest.fixture(scope="module")
def storefront() -> GraphQLSchema:
    if not SPEC.exists():
        pytest.skip(f"the Storefront API schema is not available at {SPEC} (shared specs absent)")
    return build_schema(SPEC.read_text())


def _default(argument: GraphQLArgument) -> str | None:
    # Strawberry prints an optional argument as `first: Int = null`; for every client that is the same
    # argument as Shopify's `first: Int` (omitting it and passing null mean the same thing).
    ast = get_default_value_ast(argument)
    printed = print_ast(ast) if ast else None
    return None if printed == "null" else printed


def _ours() -> dict[str, GraphQLNamedType]:
    return {
        name: t
        for name, t in gateway_schema._schema.type_map.items()
        if not name.startswith("__") and name not in {"String", "Int", "Float", "Boolean", "ID"}
    }


def test_every_type_is_shopifys_or_a_documented_extension(storefront: GraphQLSchema) -> None:
    unknown = sorted(set(_ours()) - set(storefront.type_map) - EXTENSION_TYPES)
    assert unknown == []


def test_shared_types_have_shopifys_shapes(storefront: GraphQLSchema) -> None:
    problems: list[str] = []
    for name, ours in _ours().items():
        theirs = storefront.type_map.get(name)
        if theirs is None:
            continue
        kinds = (
            GraphQLEnumType,
            GraphQLUnionType,
            GraphQLObjectType,
            GraphQLInterfaceType,
            GraphQLInputObjectType,
        )
        if [isinstance(ours, k) for k in kinds] != [isinstance(theirs, k) for k in kinds]:
            problems.append(f"{name}: {type(ours).__name__} here, {type(theirs).__name__} in Shopify")
            continue
        if isinstance(ours, GraphQLEnumType):
            assert isinstance(theirs, GraphQLEnumType)
            problems += [f"{name}.{v}: not a Shopify value" for v in ours.values if v not in theirs.values]
        elif isinstance(ours, GraphQLUnionType):
            assert isinstance(theirs, GraphQLUnionType)
            theirs_members = {t.name for t in theirs.types}
            problems += [
                f"{name}: member {t.name} is not Shopify's"
                for t in ours.types
                if t.name not in theirs_members
            ]
        elif isinstance(ours, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            assert isinstance(theirs, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType)
            for field_name, field in ours.fields.items():
                if (name, field_name) in EXTENSION_FIELDS:
                    continue
                their_field = theirs.fields.get(field_name)
                if their_field is None:
                    problems.append(f"{name}.{field_name}: not in Shopify's {name}")
                    continue
                if str(field.type) != str(their_field.type):
                    problems.append(f"{name}.{field_name}: {field.type} here, {their_field.type} in Shopify")
                for arg_name, arg in getattr(field, "args", {}).items():
                    their_arg = their_field.args.get(arg_name)
                    if their_arg is None:
                        problems.append(f"{name}.{field_name}({arg_name}): not a Shopify argument")
                    elif str(arg.type) != str(their_arg.type):
                        problems.append(
                            f"{name}.{field_name}({arg_name}): {arg.type} here, {their_arg.type} in Shopify"
                        )
                    elif _default(arg) != _default(their_arg):
                        problems.append(
                            f"{name}.{field_name}({arg_name}): default {_default(arg)} here, "
                            f"{_default(their_arg)} in Shopify"
                        )
    assert problems == [], "\n".join(problems)


def test_extensions_are_described() -> None:
    undocumented = []
    for name in EXTENSION_TYPES:
        named = gateway_schema._schema.type_map[name]
        assert isinstance(named, GraphQLObjectType)
        if not named.description:
            undocumented.append(name)
        undocumented += [f"{name}.{f}" for f, field in named.fields.items() if not field.description]
    assert undocumented == [], print_type(gateway_schema._schema.type_map["ProductContent"])
