"""`schema.graphql` at the repository root is the sandbox's composition; it must never drift from the code.

It is what `commerce-gateway compose` writes against the sandbox's Storefront API: Shopify's schema
as the emulator serves it, with the gateway's own types and fields added. Reviewing its diff is how
a change to the served schema is seen.
"""

from __future__ import annotations

from pathlib import Path

from graphql import (
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    print_schema,
)

from gateway.compose import composed_schema
from gateway.config import load_config
from gateway.graphql.composition import owned_definitions, probe_schema
from sandbox.runner import Sandbox
from schema import STRAWBERRY_CONFIG
from schema.extensions import EXTENSIONS

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "schema.graphql"


async def test_schema_file_is_the_sandboxs_composition(sandbox: Sandbox, tmp_path: Path) -> None:
    config = load_config(ROOT / "deploy" / "gateway.example.yaml")
    config = config.model_copy(
        update={
            "backends": config.backends.model_copy(
                update={
                    "shopify": config.backends.shopify.model_copy(update={"url": sandbox.urls["shopify"]})
                }
            )
        }
    )

    printed = print_schema(await composed_schema(config)) + "\n"

    assert SCHEMA_FILE.read_text() == printed, (
        "schema.graphql is out of date: with `commerce-gateway sandbox` running, run "
        "`commerce-gateway compose --config deploy/gateway.example.yaml -o schema.graphql`"
    )


def _undescribed(schema: GraphQLSchema, names: set[str]) -> list[str]:
    missing = []
    for name in sorted(names):
        named = schema.type_map[name]
        if not named.description:
            missing.append(name)
        if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            continue
        for field_name, field in named.fields.items():
            if not field.description:
                missing.append(f"{name}.{field_name}")
            if isinstance(field, GraphQLField):
                missing += [
                    f"{name}.{field_name}({a})" for a, arg in field.args.items() if not arg.description
                ]
    return missing


def test_every_type_field_and_argument_the_gateway_owns_is_described() -> None:
    owned = probe_schema(EXTENSIONS, STRAWBERRY_CONFIG)
    names = {definition.name.value for definition in owned_definitions(EXTENSIONS, STRAWBERRY_CONFIG)}

    assert _undescribed(owned, names) == []
