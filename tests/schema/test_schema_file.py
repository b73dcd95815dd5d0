"""`schema.graphql` at the repository root is the printed schema; it must never drift from the code."""

from __future__ import annotations

from pathlib import Path

from graphql import GraphQLField, GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType

from schema import schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_schema_file_matches_the_code() -> None:
    printed = schema.as_str() + "\n"

    assert SCHEMA_FILE.read_text() == printed, (
        "schema.graphql is out of date: run `commerce-gateway schema -o schema.graphql`"
    )


def test_every_field_and_argument_is_described() -> None:
    missing = []
    for name, named in schema._schema.type_map.items():
        if name.startswith("__") or not isinstance(
            named, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType
        ):
            continue
        if not named.description and name not in {"QueryRoot"}:
            missing.append(name)
        for field_name, field in named.fields.items():
            if not field.description:
                missing.append(f"{name}.{field_name}")
            if isinstance(field, GraphQLField):
                missing += [
                    f"{name}.{field_name}({a})" for a, arg in field.args.items() if not arg.description
                ]
    assert missing == []
