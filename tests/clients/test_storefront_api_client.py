"""Shopify's `@shopify/storefront-api-client`, pointed at the demo served with `--tls`, as a storefront would be.

The client only speaks `https://` to a store domain; Node.js trusts the demo's CA through the exact
`NODE_EXTRA_CA_CERTS=` line the demo prints.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.demo_process import RunningDemo

from .node_packages import script_output

pytestmark = pytest.mark.usefixtures("node_packages")

SCRIPT = "storefront-api-client.mjs"

SAME_PRODUCT = """query($handle: String!) {
  product(handle: $handle) { content { name } variants(first: 3) { nodes { id stock { available } } } }
}"""


def test_a_product_with_content_and_stock_then_a_cart(tls_demo: RunningDemo, tls_dir: Path) -> None:
    assert tls_demo.ca is not None
    assert tls_demo.ca.parent == tls_dir
    output = script_output(
        SCRIPT,
        tls_demo.origin,
        env={
            "NODE_EXTRA_CA_CERTS": str(tls_demo.ca),
            "STOREFRONT_KEY": tls_demo.clients["storefront"]["key"],
        },
    )

    assert output["fetchFailure"] is None

    assert (
        output["apiUrl"]
        == tls_demo.storefront_url
        == f"https://127.0.0.1:{tls_demo.port}/api/2026-04/graphql.json"
    )
    read = output["product"]
    assert "errors" not in read, read["errors"]
    (product,) = read["data"]["products"]["nodes"]
    assert product["content"]["name"]
    variants = product["variants"]["nodes"]
    assert variants
    assert all(isinstance(variant["stock"]["available"], int) for variant in variants)
    # what Python's own client reads for the same product, through the same certificate
    direct = tls_demo.post("/api/2026-04/graphql.json", SAME_PRODUCT, {"handle": product["handle"]})
    assert direct["data"]["product"] == {
        "content": product["content"],
        "variants": {"nodes": [{"id": v["id"], "stock": v["stock"]} for v in variants]},
    }

    created = output["cart"]
    assert "errors" not in created, created["errors"]
    payload = created["data"]["cartCreate"]
    assert payload["userErrors"] == []
    assert payload["cart"]["id"].startswith("gid://shopify/Cart/")
    assert payload["cart"]["totalQuantity"] == 2
    assert payload["cart"]["lines"]["nodes"] == [
        {
            "quantity": 2,
            "merchandise": {
                "id": variants[0]["id"],
                "sku": variants[0]["sku"],
                "stock": variants[0]["stock"],
            },
        }
    ]


def test_without_the_printed_ca_node_refuses_the_certificate(tls_demo: RunningDemo) -> None:
    output = script_output(
        SCRIPT, tls_demo.origin, env={"STOREFRONT_KEY": tls_demo.clients["storefront"]["key"]}
    )

    assert output["fetchFailure"] == "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
    assert "data" not in output["product"]
    assert output["cart"] is None
