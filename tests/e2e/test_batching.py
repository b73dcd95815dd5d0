"""One call per backend per query level, whatever the nesting, counted by the sandbox itself."""

from __future__ import annotations

from typing import Any

from sandbox.runner import Sandbox
from tests.harness import Gateway, reset_sandbox, sandbox_stats

LISTING = """
query Listing($first: Int!) @inContext(language: DE) {
  products(first: $first) {
    nodes {
      title
      availableForSale
      featuredImage { url }
      priceRange { minVariantPrice { amount currencyCode } }
      content { name features }
      variants(first: 10) { nodes { sku availableForSale stock { available lowStock } } }
    }
  }
}
"""

WARM_UP = "{ products(first: 1) { nodes { content { name } variants(first: 1) { nodes { stock { available } } } } } }"


async def _calls_for(
    gateway: Gateway, sandbox: Sandbox, query: str, variables: dict[str, Any]
) -> dict[str, dict[str, int]]:
    await reset_sandbox(sandbox)
    body = await gateway.query(query, variables)
    assert "errors" not in body, body["errors"]
    return {vendor: stats["requests"] for vendor, stats in (await sandbox_stats(sandbox)).items()}


async def test_listing_of_50_makes_one_call_per_backend(gateway: Gateway, clean_sandbox: Sandbox) -> None:
    # given: tokens, warehouses and the PIM's structure are fetched once, not per request
    await gateway.data(WARM_UP)

    # when
    calls = await _calls_for(gateway, clean_sandbox, LISTING, {"first": 50})

    # then
    assert calls["shopify"] == {"POST /api/2026-04/graphql.json": 1}
    assert calls["akeneo"] == {"GET /api/rest/v1/products-uuid": 1}
    assert calls["odoo"] == {"POST /json/2/stock.quant/search_read": 1}


async def test_akeneo_batches_are_chunked_at_its_cap(gateway: Gateway, clean_sandbox: Sandbox) -> None:
    await gateway.data(WARM_UP)
    query = """query { products(first: 120) { nodes { variants(first: 10) { nodes { sku } } content { name } } } }"""

    calls = await _calls_for(gateway, clean_sandbox, query, {})

    # 120 products → 120 content SKUs → two requests of at most 100
    assert calls["akeneo"] == {"GET /api/rest/v1/products-uuid": 2}


async def test_a_repeated_query_is_served_from_the_cache(gateway: Gateway, clean_sandbox: Sandbox) -> None:
    await gateway.data(LISTING, {"first": 24})

    calls = await _calls_for(gateway, clean_sandbox, LISTING, {"first": 24})

    assert calls == {"shopify": {}, "odoo": {}, "hubspot": {}, "akeneo": {}, "intercom": {}}


async def test_the_same_product_twice_in_one_query_is_fetched_once(
    gateway: Gateway, clean_sandbox: Sandbox
) -> None:
    product = next(p for p in clean_sandbox.world.products if p.published)
    query = """query($a: String!, $id: ID!) { a: product(handle: $a) { id } b: product(handle: $a) { id }
      c: product(id: $id) { id } d: node(id: $id) { id } }"""

    calls = await _calls_for(
        gateway, clean_sandbox, query, {"a": product.handle, "id": f"gid://shopify/Product/{product.id}"}
    )

    # the whole operation is Shopify's: it goes to Shopify as it is, in one request
    assert calls["shopify"] == {"POST /api/2026-04/graphql.json": 1}


async def test_a_collection_page_is_one_catalog_call(gateway: Gateway, clean_sandbox: Sandbox) -> None:
    await gateway.data(WARM_UP)
    collection = next(c for c in clean_sandbox.world.collections if len(c.product_ids) > 24)
    query = """query($handle: String!, $first: Int = 24) @inContext(language: FR) {
      collection(handle: $handle) { title
        products(first: $first, sortKey: BEST_SELLING) { nodes { title content { name }
          variants(first: 5) { nodes { sku stock { available } } } } pageInfo { hasNextPage } } } }"""

    calls = await _calls_for(gateway, clean_sandbox, query, {"handle": collection.handle})

    assert calls["shopify"] == {"POST /api/2026-04/graphql.json": 1}
    assert calls["akeneo"] == {"GET /api/rest/v1/products-uuid": 1}
    assert calls["odoo"] == {"POST /json/2/stock.quant/search_read": 1}


async def test_a_collection_page_with_filters_is_still_right(
    gateway: Gateway, clean_sandbox: Sandbox
) -> None:
    collection = next(c for c in clean_sandbox.world.collections if len(c.product_ids) > 5)
    query = """query($handle: String!) { collection(handle: $handle) {
      a: products(first: 3) { nodes { id } } b: products(first: 3, filters: [{available: true}]) { nodes { id } } } }"""

    data = await gateway.data(query, {"handle": collection.handle})

    assert len(data["collection"]["a"]["nodes"]) == 3
    assert len(data["collection"]["b"]["nodes"]) <= 3
