"""Storefront-style catalog queries through the gateway, merged with PIM content and ERP stock."""

from __future__ import annotations

import pytest

from sandbox.runner import Sandbox
from sandbox.seed import Product, World
from tests.harness import Gateway, storefront_call

# What a Hydrogen-style storefront sends: fragments, aliases, variables with defaults, __typename,
# inline fragments, @include, nodes and edges side by side.
CATALOG = """
query Catalog($first: Int = 5, $withImages: Boolean = true) @inContext(country: DE, language: EN) {
  page: products(first: $first, sortKey: TITLE) {
    nodes { ...ProductItem }
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
fragment ProductItem on Product {
  __typename
  id
  handle
  title
  featuredImage @include(if: $withImages) { url(transform: {maxWidth: 300}) altText width height }
  priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount currencyCode } }
  ... on Node { nodeId: id }
}
"""

PRODUCT_PAGE = """
query ProductPage($handle: String!, $language: LanguageCode) @inContext(language: $language) {
  product(handle: $handle) {
    id title vendor productType availableForSale
    description(truncateAt: 40)
    options { name optionValues { name } }
    selectedOrFirstAvailableVariant(selectedOptions: []) { sku }
    variants(first: 10) {
      nodes {
        sku title availableForSale quantityAvailable
        price { amount currencyCode }
        selectedOptions { name value }
        stock { available inStock lowStock reserved warehouses { warehouse { name code } onHand reserved available } }
      }
    }
    content { sku locale name description features attributes { code label value } media { url } categories { code } }
  }
}
"""


def _by_handle(world: World, handle: str) -> Product:
    return next(p for p in world.products if p.handle == handle)


def _available(world: World, sku: str) -> int:
    return sum(level.available for level in world.stock if level.sku == sku)


async def test_storefront_catalog_query_runs_unchanged(gateway: Gateway, sandbox: Sandbox) -> None:
    # minified, as Hydrogen sends it
    data = await gateway.data(" ".join(CATALOG.split()))

    page = data["page"]
    assert len(page["nodes"]) == 5
    titles = [n["title"] for n in page["nodes"]]
    assert titles == sorted(titles)
    first = page["nodes"][0]
    assert first["__typename"] == "Product"
    assert first["nodeId"] == first["id"]
    assert first["id"].startswith("gid://shopify/Product/")
    assert "width=300" in first["featuredImage"]["url"]
    assert first["priceRange"]["minVariantPrice"]["currencyCode"] == "EUR"
    assert [e["node"]["id"] for e in page["edges"]] == [n["id"] for n in page["nodes"]]
    assert page["pageInfo"]["hasNextPage"] is True
    assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]


async def test_pages_walk_forward_without_gaps(gateway: Gateway, sandbox: Sandbox) -> None:
    query = "query($after: String) { products(first: 50, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }"
    seen: list[str] = []
    after = None
    while True:
        page = (await gateway.data(query, {"after": after}))["products"]
        seen += [n["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    published = [p for p in sandbox.world.products if p.published]
    assert len(seen) == len(set(seen)) == len(published)


async def test_product_page_merges_shopify_pim_and_erp(gateway: Gateway, sandbox: Sandbox) -> None:
    product = next(p for p in sandbox.world.products if p.published and len(p.variants) > 1)

    data = await gateway.data(PRODUCT_PAGE, {"handle": product.handle})

    got = data["product"]
    assert got["title"] == product.title.en_US
    assert len(got["description"].removesuffix("…")) <= 40  # Shopify's truncation marks the cut
    assert [v["sku"] for v in got["variants"]["nodes"]] == [v.sku for v in product.variants]
    for variant in got["variants"]["nodes"]:
        available = _available(sandbox.world, variant["sku"])
        assert variant["stock"]["available"] == available
        assert variant["quantityAvailable"] == available  # the ERP is the system of record by default
        assert variant["availableForSale"] is (available > 0)
        assert {w["warehouse"]["code"] for w in variant["stock"]["warehouses"]} == {"BER", "LYS", "NWK"}
    assert got["availableForSale"] is any(_available(sandbox.world, v.sku) > 0 for v in product.variants)
    content = got["content"]
    assert content["locale"] == "en_US"
    assert content["name"] == product.content.name.en_US
    assert content["features"] == [f.en_US for f in product.content.features]
    assert {"material", "care", "dimensions"} <= {a["code"] for a in content["attributes"]}
    material = next(a for a in content["attributes"] if a["code"] == "material")
    assert material["value"] == product.content.material.en
    assert content["media"]
    assert all(m["url"].startswith("/media/akeneo/") for m in content["media"])


async def test_in_context_switches_language_and_currency(gateway: Gateway, sandbox: Sandbox) -> None:
    product = next(p for p in sandbox.world.products if p.published)
    query = """query($handle: String!) @inContext(country: US, language: FR) {
      product(handle: $handle) { title priceRange { minVariantPrice { currencyCode } }
        content { locale name features attributes { code label value } } } }"""

    got = (await gateway.data(query, {"handle": product.handle}))["product"]

    assert got["title"] == product.title.fr_FR
    assert got["priceRange"]["minVariantPrice"]["currencyCode"] == "USD"
    assert got["content"]["locale"] == "fr_FR"
    assert got["content"]["name"] == product.content.name.fr_FR
    assert got["content"]["features"] == [f.fr_FR for f in product.content.features]
    material = next(a for a in got["content"]["attributes"] if a["code"] == "material")
    assert material["label"] == "Matière"
    assert material["value"] == product.content.material.fr


@pytest.mark.parametrize(
    "selection",
    [
        "content { ...Content } } } fragment Content on ProductContent { name attributes { code value } }",
        "content { name ... on ProductContent { attributes { code value } } } } }",
        "card: content { name } again: content { attributes { code value } } } }",
    ],
    ids=["fragment", "inline fragment", "another alias"],
)
async def test_attributes_selected_anywhere_are_read_with_the_texts(
    gateway: Gateway, sandbox: Sandbox, selection: str
) -> None:
    # the texts alone are read when nothing selects attributes or media: here something does
    product = next(p for p in sandbox.world.products if p.published)
    query = f"""query($handle: String!) @inContext(language: FR) {{ product(handle: $handle) {{ {selection}"""

    got = (await gateway.data(query, {"handle": product.handle}))["product"]

    attributes = [a for content in got.values() for a in content.get("attributes", ())]
    material = next(a for a in attributes if a["code"] == "material")
    assert material["value"] == product.content.material.fr
    assert [content["name"] for content in got.values() if "name" in content] == [product.content.name.fr_FR]


async def test_unknown_language_falls_back_to_the_default_locale(gateway: Gateway, sandbox: Sandbox) -> None:
    product = next(p for p in sandbox.world.products if p.published)
    query = """query($handle: String!) @inContext(language: IT) { product(handle: $handle) { content { locale name } } }"""

    content = (await gateway.data(query, {"handle": product.handle}))["product"]["content"]

    assert content == {"locale": "en_US", "name": product.content.name.en_US}


async def test_collection_page_with_nested_products(gateway: Gateway, sandbox: Sandbox) -> None:
    collection = next(c for c in sandbox.world.collections if len(c.product_ids) > 3)
    query = """query($handle: String!) { collection(handle: $handle) { id handle title
      products(first: 3) { nodes { id title } pageInfo { hasNextPage } } } }"""

    got = (await gateway.data(query, {"handle": collection.handle}))["collection"]

    assert got["title"] == collection.title.en_US
    assert len(got["products"]["nodes"]) == 3


async def test_node_and_nodes_resolve_each_type(gateway: Gateway, sandbox: Sandbox) -> None:
    product = next(p for p in sandbox.world.products if p.published)
    collection = sandbox.world.collections[0]
    ids = [
        f"gid://shopify/Product/{product.id}",
        f"gid://shopify/ProductVariant/{product.variants[0].id}",
        f"gid://shopify/Collection/{collection.id}",
        "gid://shopify/Product/1",
    ]
    query = """query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
      ... on Product { handle } ... on ProductVariant { sku product { handle } } ... on Collection { handle } } }"""

    nodes = (await gateway.data(query, {"ids": ids}))["nodes"]

    assert [n and n["__typename"] for n in nodes] == ["Product", "ProductVariant", "Collection", None]
    assert nodes[1]["sku"] == product.variants[0].sku
    assert nodes[1]["product"]["handle"] == product.handle


@pytest.mark.parametrize(
    "query",
    ['{ node(id: "not-a-gid") { id } }', "{ products(first: 251) { nodes { id } } }"],
    ids=["bad-global-id", "page-over-250"],
)
async def test_shopifys_refusals_reach_the_client_as_shopify_sent_them(
    gateway: Gateway, sandbox: Sandbox, query: str
) -> None:
    body = await gateway.query(query)

    expected = await storefront_call(sandbox, query, {})
    assert expected["errors"]
    assert body["errors"] == expected["errors"]
    assert body.get("data") == expected.get("data")


async def test_search_finds_products_by_title(gateway: Gateway, sandbox: Sandbox) -> None:
    word = sandbox.world.products[0].title.en_US.split()[-1]
    query = """query($q: String!) { search(query: $q, first: 10, types: [PRODUCT]) {
      totalCount nodes { ... on Product { title } } } }"""

    got = (await gateway.data(query, {"q": word}))["search"]

    assert got["totalCount"] >= 1
    assert all(word.lower() in n["title"].lower() for n in got["nodes"])
