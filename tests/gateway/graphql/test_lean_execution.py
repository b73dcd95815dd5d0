"""The lean executor answers exactly as graphql-core does: data, nulls, errors and their paths.

Every document runs through two gateways over the same sandbox, one on each executor, and the
answers must be equal (errors compared as a set: their order follows completion order).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from gateway.backends.http.errors import BackendUnavailable
from sandbox.runner import Sandbox
from tests.harness import Gateway, gateway_config, running_gateway, set_faults

FRAGMENTS = """
query Catalog($first: Int = 3, $images: Boolean = true, $skipVendor: Boolean = false) {
  list: products(first: $first, sortKey: TITLE) {
    nodes { ...Item ... on Product { vendor @skip(if: $skipVendor) } __typename }
    edges { cursor node { id } }
    pageInfo { hasNextPage endCursor }
  }
}
fragment Item on Product {
  id handle t: title
  featuredImage @include(if: $images) { url(transform: {maxWidth: 100, crop: CENTER}) altText }
  priceRange { minVariantPrice { amount currencyCode } }
  variants(first: 2) { nodes { sku selectedOptions { name value } price { amount } } }
  ... on Node { id }
}
"""

ENRICHED = """
query($handle: String!) @inContext(language: DE) {
  product(handle: $handle) {
    title availableForSale description(truncateAt: 20) options { name optionValues { name } }
    selectedOrFirstAvailableVariant(selectedOptions: [{name: "Size", value: "M"}]) { sku }
    content { name features attributes { code label value } }
    variants(first: 5) { nodes { sku availableForSale quantityAvailable stock { available lowStock
      warehouses { warehouse { code } available } } } }
  }
}
"""

NODES = """
query($ids: [ID!]!) {
  nodes(ids: $ids) { __typename id
    ... on ProductVariant { sku product { handle content { name } } }
    ... on Product { handle } ... on Collection { title } }
}
"""

NESTED_ASYNC = """
{ collections(first: 4) { nodes { handle products(first: 2) { nodes { title content { name } } } } } }
"""

SEARCH = """
query($q: String!) { search(query: $q, first: 3) { totalCount nodes { __typename ... on Product { title } } } }
"""

ERRORS: list[tuple[str, dict[str, Any]]] = [
    ('{ node(id: "nope") { id } }', {}),
    ("{ products(first: 300) { nodes { id } } }", {}),
    ('{ a: products(first: 2) { nodes { id } } b: product(id: "not-a-gid") { id } }', {}),
]


@pytest.fixture
async def gateways(clean_sandbox: Sandbox) -> AsyncIterator[tuple[Gateway, Gateway]]:
    no_cache = {"responses": False}
    async with (
        running_gateway(gateway_config(clean_sandbox, cache=no_cache)) as lean,
        running_gateway(
            gateway_config(clean_sandbox, cache=no_cache, server={"executor": "graphql-core"})
        ) as core,
    ):
        yield lean, core


def _normalized(body: dict[str, Any]) -> dict[str, Any]:
    errors = body.get("errors")
    if errors is not None:
        body = {**body, "errors": sorted(errors, key=lambda e: (str(e.get("path")), e["message"]))}
    return body


async def _same(
    gateways: tuple[Gateway, Gateway], query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    lean, core = gateways
    expected = await core.query(query, variables)
    got = await lean.query(query, variables)
    assert _normalized(got) == _normalized(expected)
    return got


async def test_fragments_aliases_directives_and_type_conditions(gateways: tuple[Gateway, Gateway]) -> None:
    body = await _same(gateways, FRAGMENTS)
    assert len(body["data"]["list"]["nodes"]) == 3
    await _same(gateways, FRAGMENTS, {"first": 5, "images": False, "skipVendor": True})


async def test_enriched_product(gateways: tuple[Gateway, Gateway], clean_sandbox: Sandbox) -> None:
    product = next(p for p in clean_sandbox.world.products if p.published and len(p.variants) > 1)

    body = await _same(gateways, ENRICHED, {"handle": product.handle})

    assert body["data"]["product"]["content"]["name"] == product.content.name.de_DE


async def test_nodes_of_every_type_with_deferred_children(
    gateways: tuple[Gateway, Gateway], clean_sandbox: Sandbox
) -> None:
    products = [p for p in clean_sandbox.world.products if p.published][:2]
    ids = [
        f"gid://shopify/ProductVariant/{products[0].variants[0].id}",
        f"gid://shopify/Product/{products[1].id}",
        f"gid://shopify/Collection/{clean_sandbox.world.collections[0].id}",
        "gid://shopify/Product/1",
    ]

    await _same(gateways, NODES, {"ids": ids})


async def test_async_fields_inside_lists(gateways: tuple[Gateway, Gateway]) -> None:
    body = await _same(gateways, NESTED_ASYNC)

    assert all(len(c["products"]["nodes"]) <= 2 for c in body["data"]["collections"]["nodes"])


async def test_abstract_search_results(gateways: tuple[Gateway, Gateway], clean_sandbox: Sandbox) -> None:
    await _same(gateways, SEARCH, {"q": clean_sandbox.world.products[0].title.en_US.split()[-1]})


@pytest.mark.parametrize(("query", "variables"), ERRORS)
async def test_errors_and_null_propagation(
    gateways: tuple[Gateway, Gateway], query: str, variables: dict[str, Any]
) -> None:
    body = await _same(gateways, query, variables)

    assert body["errors"]


async def test_backend_failures_in_nullable_fields(
    gateways: tuple[Gateway, Gateway], clean_sandbox: Sandbox
) -> None:
    product = next(p for p in clean_sandbox.world.products if p.published)
    await set_faults(clean_sandbox, "akeneo", down=True)
    await set_faults(clean_sandbox, "odoo", down=True)

    body = await _same(gateways, ENRICHED, {"handle": product.handle})

    assert body["data"]["product"]["content"] is None


async def test_a_late_null_reaches_the_nearest_nullable_ancestor(
    gateways: tuple[Gateway, Gateway], clean_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Collection.products is non-null and asynchronous: its failure arrives after the collection
    # was built, and must null the (nullable) collection, not just the field.
    async def down(*args: Any, **kwargs: Any) -> Any:
        raise BackendUnavailable("shopify", "POST /api/2026-04/graphql.json answered 503")

    for gateway in gateways:
        monkeypatch.setattr(gateway.app.state.gateway.services.catalog, "collection_products", down)
    handle = clean_sandbox.world.collections[0].handle
    # Two pages with different arguments: neither comes with the collection, both are fetched late.
    pages = "a: products(first: 2) { nodes { id } } b: products(first: 3) { nodes { id } }"
    query = f'{{ collection(handle: "{handle}") {{ title {pages} }} shop {{ name }} }}'

    body = await _same(gateways, query)

    assert body["data"]["collection"] is None
    assert body["data"]["shop"]["name"]
