"""The floor asks each backend for what the page shows and no more, and assembles what the gateway serves."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import FieldNode, parse, visit
from graphql.language import Visitor

from bench.floor import Floor
from bench.floor_documents import ACCOUNT, COLLECTION, GATEWAY_FIELDS, PRODUCT, SEARCH, shopify_part
from bench.operations import ACCOUNT_PAGE, COLLECTION_PAGE, PRODUCT_PAGE, SEARCH_PAGE
from sandbox.runner import Sandbox
from tests.harness import Gateway, reset_sandbox, sandbox_stats


def _fields(document: str) -> list[str]:
    names: list[str] = []

    class Collect(Visitor):
        def enter_field(self, node: FieldNode, *_: Any) -> None:
            names.append(node.name.value)

    visit(parse(document), Collect())
    return names


CATALOG = {"content", "stock"}
ACCOUNT_FIELDS = {"profile", "conversations", "fulfilment", "invoices"}


@pytest.mark.parametrize(
    ("operation", "sent", "owned", "keys"),
    [
        (PRODUCT_PAGE, PRODUCT, CATALOG, {"sku"}),
        (COLLECTION_PAGE, COLLECTION, CATALOG, {"sku"}),
        (SEARCH_PAGE, SEARCH, CATALOG, {"sku"}),
        (ACCOUNT_PAGE, ACCOUNT, ACCOUNT_FIELDS, {"email", "name"}),
    ],
)
def test_shopify_gets_the_client_selection_without_the_gateway_fields(
    operation: str, sent: str, owned: set[str], keys: set[str]
) -> None:
    client, shopify = _fields(operation), _fields(sent)

    assert set(client) >= owned
    assert GATEWAY_FIELDS.isdisjoint(shopify)
    remaining = iter(client)
    assert all(name in remaining for name in shopify)  # the client's fields, in its order, none added
    assert set(shopify) >= keys  # the keys the other systems' answers are joined by


def test_a_gateway_field_s_whole_subtree_goes() -> None:
    sent = shopify_part('{ product(handle: "h") { title content { name media { url } } } }')

    assert _fields(sent) == ["product", "title"]


async def test_a_collection_page_is_one_call_per_backend_and_matches_the_gateway(
    floor: Floor, sandbox: Sandbox, gateway: Gateway
) -> None:
    await reset_sandbox(sandbox)
    page = await floor.collection_page("sweater", 24, None)
    stats = await sandbox_stats(sandbox)
    answer = await gateway.data(COLLECTION_PAGE, {"handle": "sweater", "first": 24})

    nodes = answer["collection"]["products"]["nodes"]
    assert page.errors == []
    assert page.handles == [node["handle"] for node in nodes]
    assert [product["name"] for product in page.products] == [node["content"]["name"] for node in nodes]
    assert [[v["stock"]["available"] for v in p["variants"]] for p in page.products] == [
        [v["stock"]["available"] for v in node["variants"]["nodes"]] for node in nodes
    ]
    assert {vendor: stats[vendor]["total"] for vendor in ("shopify", "akeneo", "odoo")} == {
        "shopify": 1,
        "akeneo": 1,
        "odoo": 1,
    }


async def test_a_product_page_has_content_and_stock_per_warehouse(floor: Floor, gateway: Gateway) -> None:
    listing = await floor.collection_page("sweater", 1, None)
    handle = listing.handles[0]

    page = await floor.product_page(handle)
    answer = (await gateway.data(PRODUCT_PAGE, {"handle": handle}))["product"]

    (product,) = page.products
    assert product["description"] == answer["content"]["description"]
    assert product["features"].splitlines() == answer["content"]["features"]
    assert [len(v["stock"]["warehouses"]) for v in product["variants"]] == [
        len(v["stock"]["warehouses"]) for v in answer["variants"]["nodes"]
    ]


async def test_a_search_page_keeps_the_order_of_shopify(floor: Floor, gateway: Gateway) -> None:
    page = await floor.search_page("classic", 10, None)
    answer = await gateway.data(SEARCH_PAGE, {"terms": "classic", "first": 10})

    assert page.handles == [node["handle"] for node in answer["search"]["nodes"] if node]
