"""`@shopify/hydrogen-react`'s `createStorefrontClient`, given the plain-HTTP demo as its store domain.

Hydrogen builds the Storefront API's URL and its public-token headers; the storefront sends them with
fetch. It keeps an `http://` domain as given, so it needs no certificate.
"""

from __future__ import annotations

import pytest

from tests.demo_process import RunningDemo

from .node_packages import script_output

pytestmark = pytest.mark.usefixtures("node_packages")

SAME_LISTING = """query @inContext(country: FR, language: FR) {
  products(first: 2) { nodes { handle title content { name } variants(first: 2) { nodes { sku stock { available } } } } }
}"""


def test_its_url_and_headers_reach_the_gateway_in_the_shopper_s_context(http_demo: RunningDemo) -> None:
    key = http_demo.clients["storefront"]["key"]
    output = script_output("hydrogen-react.mjs", http_demo.origin, env={"STOREFRONT_KEY": key})

    assert (
        output["url"]
        == http_demo.storefront_url
        == f"http://127.0.0.1:{http_demo.port}/api/2026-04/graphql.json"
    )
    assert output["headers"]["X-Shopify-Storefront-Access-Token"] == key
    assert output["headers"]["X-SDK-Version"] == "2026-04"
    assert output["status"] == 200
    body = output["body"]
    assert "errors" not in body, body["errors"]
    products = body["data"]["products"]["nodes"]
    assert len(products) == 2
    assert all(product["content"]["name"] for product in products)
    assert all(isinstance(v["stock"]["available"], int) for p in products for v in p["variants"]["nodes"])
    assert body["data"] == http_demo.post("/api/2026-04/graphql.json", SAME_LISTING)["data"]
