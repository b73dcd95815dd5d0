"""The Storefront API's own path: Shopify answers what it owns, the gateway adds its fields, unchanged otherwise.

Each Shopify-owned answer is compared with the emulator's own answer to the same document (the
gateway's fields stripped by the benchmark floor's derivation, code of its own); each gateway
field with what the catalog path (`/graphql`) resolves for the same product from the PIM and ERP.
"""

from __future__ import annotations

from typing import Any

import pytest

from bench.floor_documents import shopify_part
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate
from tests.harness import (
    Gateway,
    gateway_config,
    odoo_call,
    reset_sandbox,
    running_gateway,
    sandbox_stats,
    set_faults,
    storefront_call,
)

API = "/api/2026-04/graphql.json"

PRODUCT_PAGE = """
query ProductPage($handle: String!, $first: Int = 3, $withStock: Boolean = true)
@inContext(country: FR, language: FR) {
  product(handle: $handle) {
    ...ProductCard
    seo { title }
    content { name features attributes { code label value } }
    alias: variants(first: $first) {
      nodes { id sku title price { amount currencyCode } stock @include(if: $withStock) { available warehouses { warehouse { code } available } } }
    }
  }
  shop { name }
}
fragment ProductCard on Product { id handle title vendor featuredImage { url altText } }
"""

SEARCH = """
query Search($q: String!) @inContext(language: DE) {
  search(query: $q, first: 6) {
    totalCount
    nodes {
      __typename
      ... on Product { handle content { name } variants(first: 2) { nodes { sku stock { available } } } }
      ... on Page { handle }
    }
  }
}
"""

NODES = """query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on ProductVariant { sku stock { inStock } } } }"""

MINIFIED = "query Min($h:String!)@inContext(language:EN){product(handle:$h){title content{name}}}"


def strip_gateway_fields(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: strip_gateway_fields(v) for k, v in value.items() if k not in ("content", "stock")}
    if isinstance(value, list):
        return [strip_gateway_fields(v) for v in value]
    return value


async def post(
    gateway: Gateway, query: str, variables: dict[str, Any] | None = None, path: str = API
) -> dict[str, Any]:
    async with gateway.http.post(
        f"{gateway.url}{path}", json={"query": query, "variables": variables or {}}
    ) as response:
        assert response.status == 200, await response.text()
        body: dict[str, Any] = await response.json()
        return body


@pytest.fixture
async def handle(gateway: Gateway) -> str:
    data = await gateway.data("{ products(first: 1) { nodes { handle } } }")
    found: str = data["products"]["nodes"][0]["handle"]
    # Composes the schema, and has the PIM grant a token and describe its attributes, once per
    # process, before the counted requests.
    await post(gateway, MINIFIED, {"h": found})
    return found


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (PRODUCT_PAGE, {}),
        (PRODUCT_PAGE, {"first": 1, "withStock": False}),
        (SEARCH, {"q": "classic"}),
        (MINIFIED, {}),
    ],
)
async def test_shopify_owned_answers_equal_the_emulator_s(
    gateway: Gateway, clean_sandbox: Sandbox, handle: str, query: str, variables: dict[str, Any]
) -> None:
    variables = {"handle": handle, "h": handle, **variables}
    ours = await post(gateway, query, variables)
    theirs = await storefront_call(clean_sandbox, shopify_part(query), variables)

    assert "errors" not in ours, ours["errors"]
    assert strip_gateway_fields(ours["data"]) == theirs["data"]


async def test_the_gateway_fields_equal_the_catalog_path_s(gateway: Gateway, handle: str) -> None:
    query = PRODUCT_PAGE.replace("...ProductCard", "title").replace(
        "fragment ProductCard on Product { id handle title vendor featuredImage { url altText } }", ""
    )
    forwarded = (await post(gateway, query, {"handle": handle}))["data"]["product"]
    catalog = (await post(gateway, query, {"handle": handle}, path="/graphql"))["data"]["product"]

    assert forwarded["content"] == catalog["content"]
    assert forwarded["alias"]["nodes"] == catalog["alias"]["nodes"]
    assert forwarded["content"]["name"]
    assert all(node["stock"]["warehouses"] for node in forwarded["alias"]["nodes"])


async def test_one_call_per_system_for_the_whole_answer(
    gateway: Gateway, clean_sandbox: Sandbox, handle: str
) -> None:
    await reset_sandbox(clean_sandbox)
    body = await post(gateway, SEARCH, {"q": "classic"})

    stats = await sandbox_stats(clean_sandbox)
    assert len(body["data"]["search"]["nodes"]) > 1
    assert {vendor: stats[vendor]["total"] for vendor in ("shopify", "akeneo", "odoo")} == {
        "shopify": 1,
        "akeneo": 1,
        "odoo": 1,
    }


async def test_nodes_keep_their_order_and_types(gateway: Gateway, handle: str) -> None:
    product = (await post(gateway, PRODUCT_PAGE, {"handle": handle}))["data"]["product"]
    ids = [product["id"], *(node["id"] for node in product["alias"]["nodes"])]

    nodes = (await post(gateway, NODES, {"ids": ids}))["data"]["nodes"]

    assert [node["id"] for node in nodes] == ids
    assert nodes[0] == {"__typename": "Product", "id": ids[0]}
    assert all(
        node["__typename"] == "ProductVariant" and isinstance(node["stock"]["inStock"], bool)
        for node in nodes[1:]
    )


async def test_a_cart_mutation_is_forwarded_with_stock_on_its_lines(gateway: Gateway, handle: str) -> None:
    variant = (await post(gateway, PRODUCT_PAGE, {"handle": handle}))["data"]["product"]["alias"]["nodes"][0]
    mutation = """
    mutation Add($lines: [CartLineInput!]!) {
      cartCreate(input: { lines: $lines }) {
        cart { totalQuantity lines(first: 5) { nodes { quantity merchandise { ... on ProductVariant { sku stock { available } } } } } }
        userErrors { field message }
      }
    }
    """

    payload = (await post(gateway, mutation, {"lines": [{"merchandiseId": variant["id"], "quantity": 2}]}))[
        "data"
    ]["cartCreate"]

    assert payload["userErrors"] == []
    assert payload["cart"]["totalQuantity"] == 2
    (line,) = payload["cart"]["lines"]["nodes"]
    assert line["merchandise"] == {
        "sku": variant["sku"],
        "stock": {"available": variant["stock"]["available"]},
    }


async def test_a_failing_pim_costs_only_its_fields(
    gateway: Gateway, clean_sandbox: Sandbox, handle: str
) -> None:
    products = (await gateway.data("{ products(first: 2) { nodes { handle } } }"))["products"]["nodes"]
    other = products[1]["handle"]  # not loaded before: no cached content to serve stale
    await set_faults(clean_sandbox, "akeneo", down=True)
    body = await post(gateway, PRODUCT_PAGE, {"handle": other})

    product = body["data"]["product"]
    assert product["content"] is None
    assert product["title"]
    assert all(node["stock"] is not None for node in product["alias"]["nodes"])
    (error,) = body["errors"]
    assert error["path"] == ["product", "content"]
    assert error["extensions"]["service"] == "akeneo"


async def test_shopify_errors_come_back_with_the_client_s_paths(gateway: Gateway, handle: str) -> None:
    body = await post(gateway, "{ products(first: 300) { nodes { handle content { name } } } }")
    theirs = body["errors"]

    assert body["data"] is None or body["data"].get("products") is None
    assert theirs
    assert all(
        not str(segment).startswith("__gw_") for error in theirs for segment in error.get("path") or ()
    )


async def test_introspection_shows_the_gateway_fields(gateway: Gateway) -> None:
    body = await post(gateway, '{ __type(name: "ProductVariant") { fields { name } } shop { name } }')

    names = [field["name"] for field in body["data"]["__type"]["fields"]]
    assert "stock" in names
    assert "sku" in names
    assert body["data"]["shop"]["name"]


async def test_a_reserved_alias_is_refused(gateway: Gateway) -> None:
    body = await post(gateway, "{ shop { __gw_name: name } }")

    assert body["errors"][0]["message"] == "aliases starting with __gw_ are reserved: __gw_name"


async def test_a_gateway_started_while_shopify_is_down_answers_503_until_it_can_compose(
    clean_sandbox: Sandbox,
) -> None:
    await set_faults(clean_sandbox, "shopify", down=True)
    async with running_gateway(gateway_config(clean_sandbox)) as started:
        for path in ("/graphql", API):
            async with started.http.post(
                f"{started.url}{path}", json={"query": "{ shop { name } }"}
            ) as response:
                body = await response.json()
                assert response.status == 503
                assert response.headers["Retry-After"] == "5"
            assert body["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"


async def test_get_serves_queries_and_refuses_mutations(gateway: Gateway, handle: str) -> None:
    url = f"{gateway.url}{API}"
    async with gateway.http.get(url, params={"query": "{ shop { name } }"}) as response:
        assert response.status == 200
        assert (await response.json())["data"]["shop"]["name"]
    async with gateway.http.get(url, params={"query": "mutation { cartCreate { cart { id } } }"}) as response:
        assert response.status == 405


AVAILABILITY = """
query($first: Int!) {
  products(first: $first) {
    nodes { handle availableForSale variants(first: 10) { nodes { sku availableForSale quantityAvailable stock { available } } } }
  }
}
"""


async def test_stock_follows_the_erp_wherever_a_variant_appears(
    gateway: Gateway, clean_sandbox: Sandbox
) -> None:
    products = (await post(gateway, AVAILABILITY, {"first": 30}))["data"]["products"]["nodes"]
    shopify = (await storefront_call(clean_sandbox, shopify_part(AVAILABILITY), {"first": 30}))["data"][
        "products"
    ]["nodes"]

    variants = [v for p in products for v in p["variants"]["nodes"]]
    assert all(v["quantityAvailable"] == v["stock"]["available"] for v in variants)
    assert all(v["availableForSale"] == (v["stock"]["available"] > 0) for v in variants)
    assert all(
        p["availableForSale"] == any(v["stock"]["available"] > 0 for v in p["variants"]["nodes"])
        for p in products
    )
    assert len(shopify) == len(products)


async def test_a_reservation_in_the_erp_shows_though_shopify_has_not_heard_of_it() -> None:
    shop = generate(12, seed=8)
    product, variant = next((p, v) for p, v in shop.variants() if p.published)
    query = "query($h: String!) { product(handle: $h) { variants(first: 20) { nodes { sku quantityAvailable } } } }"
    async with Sandbox(shop, SandboxSettings(port_base=0)) as sandbox:
        config = gateway_config(sandbox, cache={"ttl": {"stock": 0}})
        async with running_gateway(config) as gateway:
            [order] = await odoo_call(
                sandbox,
                "sale.order",
                "create",
                vals_list=[
                    {
                        "partner_id": shop.customers[0].odoo_partner_id,
                        "order_line": [[0, 0, {"product_id": variant.odoo_id, "product_uom_qty": 2}]],
                    }
                ],
            )
            before = (await storefront_call(sandbox, query, {"h": product.handle}))["data"]
            await odoo_call(sandbox, "sale.order", "action_confirm", ids=[order])
            ours = (await post(gateway, query, {"h": product.handle}))["data"]
            theirs = (await storefront_call(sandbox, query, {"h": product.handle}))["data"]

    def quantity(data: dict[str, Any]) -> int:
        found: int = next(
            v["quantityAvailable"] for v in data["product"]["variants"]["nodes"] if v["sku"] == variant.sku
        )
        return found

    assert quantity(theirs) == quantity(before)  # Shopify has not heard of the reservation
    assert quantity(ours) == quantity(before) - 2


async def test_with_the_erp_down_shopify_s_figures_stand_and_the_answer_says_so(
    gateway: Gateway, clean_sandbox: Sandbox
) -> None:
    await set_faults(clean_sandbox, "odoo", down=True)
    body = await post(gateway, AVAILABILITY.replace(" stock { available }", ""), {"first": 5})
    shopify = await storefront_call(clean_sandbox, shopify_part(AVAILABILITY), {"first": 5})

    assert "errors" not in body
    assert strip_gateway_fields(body["data"]) == shopify["data"]
    assert body["extensions"]["fallbacks"] == ["odoo"]


async def test_fragments_nested_in_the_gateway_s_own_types_are_followed(
    gateway: Gateway, handle: str
) -> None:
    query = """
    query($h: String!) { product(handle: $h) { content { ...Copy } } }
    fragment Copy on ProductContent { name attributes { ...Attribute } }
    fragment Attribute on ContentAttribute { ...Code label }
    fragment Code on ContentAttribute { code }
    """
    forwarded = (await post(gateway, query, {"h": handle}))["data"]["product"]["content"]
    catalog = (await post(gateway, query, {"h": handle}, path="/graphql"))["data"]["product"]["content"]

    assert forwarded == catalog
    assert forwarded["attributes"]
    assert all(attribute["code"] and attribute["label"] for attribute in forwarded["attributes"])
