"""`schema.customer-account.graphql` is the sandbox's Customer Account API composition; it must never drift.

It is what `commerce-gateway compose --api customer-account` writes against the sandbox: Shopify's
Customer Account API as the emulator serves it, with the gateway's account fields added.
"""

from __future__ import annotations

from pathlib import Path

from graphql import GraphQLObjectType, build_schema, print_schema

from gateway.compose import composed_account_schema
from gateway.config import load_config
from sandbox.runner import Sandbox
from schema.extensions import ACCOUNT_EXTENSIONS, EXTENSIONS

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "schema.customer-account.graphql"


async def test_schema_file_is_the_sandboxs_account_composition(sandbox: Sandbox) -> None:
    config = load_config(ROOT / "deploy" / "gateway.example.yaml")
    shopify = config.backends.shopify.model_copy(update={"url": sandbox.urls["shopify"]})
    config = config.model_copy(update={"backends": config.backends.model_copy(update={"shopify": shopify})})

    printed = print_schema(await composed_account_schema(config)) + "\n"

    assert SCHEMA_FILE.read_text() == printed, (
        "schema.customer-account.graphql is out of date: with `commerce-gateway sandbox` running, run "
        "`commerce-gateway compose --api customer-account --config deploy/gateway.example.yaml "
        "-o schema.customer-account.graphql`"
    )


def test_the_account_fields_are_the_storefront_s_types_under_the_same_names() -> None:
    storefront = build_schema((ROOT / "schema.graphql").read_text(), assume_valid=True)
    account = build_schema(SCHEMA_FILE.read_text(), assume_valid=True)

    for extension in ACCOUNT_EXTENSIONS:
        ours, theirs = account.type_map[extension.parent], storefront.type_map[extension.parent]
        assert isinstance(ours, GraphQLObjectType)
        assert isinstance(theirs, GraphQLObjectType)
        assert str(ours.fields[extension.field].type) == str(theirs.fields[extension.field].type)
    assert {(e.parent, e.field) for e in ACCOUNT_EXTENSIONS} <= {(e.parent, e.field) for e in EXTENSIONS}
    assert [e.requires for e in ACCOUNT_EXTENSIONS] == [
        "emailAddress { emailAddress }",
        "emailAddress { emailAddress }",
        "name",
        "name",
    ]
