"""Apollo Client and its normalized `InMemoryCache` against the gateway's Storefront path.

Apollo adds `__typename` to every selection and keys objects by `__typename` and `id`: the gateway's
answers must carry both for Shopify's objects, and its own types (stock, content) must answer
`__typename` too, for the cache to hold one entry per product and per variant.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.demo_process import RunningDemo

from .node_packages import script_output

pytestmark = pytest.mark.usefixtures("node_packages")


@pytest.fixture(scope="module")
def apollo(http_demo: RunningDemo) -> dict[str, Any]:
    return script_output("apollo-client.mjs", f"{http_demo.origin}/api/2026-04/graphql.json")


def test_the_repeated_query_is_answered_from_the_cache(apollo: dict[str, Any]) -> None:
    assert apollo["requests"] == {"afterFirst": 1, "afterSecond": 1, "total": 2}
    assert apollo["second"] == apollo["first"]
    products = apollo["first"]["products"]["nodes"]
    assert len(products) == 2
    assert all(product["content"]["name"] for product in products)


def test_products_and_variants_are_normalized_by_typename_and_id(apollo: dict[str, Any]) -> None:
    cache = apollo["cache"]
    products = apollo["first"]["products"]["nodes"]
    for product in products:
        entry = cache[f"Product:{product['id']}"]
        assert entry["__typename"] == "Product"
        assert entry["title"] == product["title"]
        assert entry["content"] == {"__typename": "ProductContent", "name": product["content"]["name"]}

    stocked = apollo["stock"]["product"]
    assert stocked["id"] == products[0]["id"]
    variants = stocked["variants"]["nodes"]
    assert variants
    connection = next(
        value for key, value in cache[f"Product:{stocked['id']}"].items() if key.startswith("variants")
    )
    assert connection["nodes"] == [{"__ref": f"ProductVariant:{variant['id']}"} for variant in variants]
    for variant in variants:
        entry = cache[f"ProductVariant:{variant['id']}"]
        assert entry["sku"] == variant["sku"]
        assert isinstance(entry["stock"]["available"], int)
        assert entry["stock"] == variant["stock"]
