"""`commerce-gateway compose` against the sandbox's Storefront API, as an operator runs it at deploy time."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
import yaml
from graphql import GraphQLObjectType, build_schema

from gateway.compose import compose_to_file
from sandbox.runner import Sandbox


def _config(tmp_path: Path, sandbox: Sandbox, **shopify: str) -> Path:
    backends = sandbox.backends_config()
    backends["shopify"].update(shopify)
    path = tmp_path / "gateway.yaml"
    path.write_text(yaml.safe_dump({"backends": {"shopify": backends["shopify"]}}))
    return path


def _args(
    config: Path, output: Path | None = None, against: Path | None = None, api: str = "storefront"
) -> argparse.Namespace:
    return argparse.Namespace(config=config, output=output, against=against, api=api)


async def test_composes_the_emulator_s_schema_with_the_gateway_s_fields(
    tmp_path: Path, sandbox: Sandbox
) -> None:
    output = tmp_path / "composed.graphql"

    assert await compose_to_file(_args(_config(tmp_path, sandbox), output)) == 0

    composed = build_schema(output.read_text(), assume_valid=True)
    product, variant = composed.type_map["Product"], composed.type_map["ProductVariant"]
    assert isinstance(product, GraphQLObjectType)
    assert isinstance(variant, GraphQLObjectType)
    assert str(product.fields["content"].type) == "ProductContent"
    assert str(variant.fields["stock"].type) == "VariantStock"
    assert "handle" in product.fields  # Shopify's own fields, read by introspection


async def test_against_an_older_composition_lists_what_breaks(
    tmp_path: Path, sandbox: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    config, current = _config(tmp_path, sandbox), tmp_path / "current.graphql"
    await compose_to_file(_args(config, current))
    older = tmp_path / "older.graphql"
    older.write_text(
        current.read_text().replace("type VariantStock {", "type VariantStock {\n  legacy: Int\n")
    )
    capsys.readouterr()

    assert await compose_to_file(_args(config, against=current)) == 0
    assert capsys.readouterr().out == f"no breaking or dangerous changes from {current}\n"
    assert await compose_to_file(_args(config, against=older)) == 1
    assert capsys.readouterr().out == "breaking  FIELD_REMOVED: Field VariantStock.legacy was removed.\n"


async def test_a_refused_token_is_a_clear_error(
    tmp_path: Path, sandbox: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await compose_to_file(_args(_config(tmp_path, sandbox, storefront_token="wrong"))) == 2

    assert capsys.readouterr().err == (
        "commerce-gateway compose: shopify: POST /api/2026-04/graphql.json: credentials refused (401)\n"
    )


async def test_an_unreadable_older_composition_is_a_clear_error(
    tmp_path: Path, sandbox: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.graphql"
    broken.write_text("type Product {")

    assert await compose_to_file(_args(_config(tmp_path, sandbox), against=broken)) == 2
    assert capsys.readouterr().err.startswith(
        f"commerce-gateway compose: --against {broken}: not a schema: Syntax Error"
    )


async def test_composes_the_customer_account_api_with_the_gateway_s_account_fields(
    tmp_path: Path, sandbox: Sandbox
) -> None:
    output = tmp_path / "account.graphql"

    assert await compose_to_file(_args(_config(tmp_path, sandbox), output, api="customer-account")) == 0

    composed = build_schema(output.read_text(), assume_valid=True)
    customer, order = composed.type_map["Customer"], composed.type_map["Order"]
    assert isinstance(customer, GraphQLObjectType)
    assert isinstance(order, GraphQLObjectType)
    assert str(customer.fields["profile"].type) == "CrmProfile"
    assert str(order.fields["invoices"].type) == "[ErpInvoice!]"
    assert "emailAddress" in customer.fields  # the account API's own names, read by introspection
    assert "Product" not in composed.type_map  # not the Storefront API
