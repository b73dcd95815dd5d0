"""The Storefront emulator refuses what Shopify refuses, with Shopify's status and body."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from sandbox.seed import generate
from tests.sandbox.shopify.operations import document

from .sandbox_client import STOREFRONT_PATH, ShopifySandbox, running

SHOP_AND_MENU = document("storefront", "ShopAndMenu")
NODES_BATCH = document("storefront", "NodesBatch")

STOREFRONT_SHOP_NAME = "query ShopName { shop { name } }"
STOREFRONT_TWO_OPERATIONS = "query A { shop { name } } query B { shop { description } }"
STOREFRONT_FIRST_PRODUCT = """
query FirstProduct($first: Int!) { products(first: $first) { nodes { id title variants(first: 1) { nodes { quantityAvailable } } } } }
"""
STOREFRONT_MENU = 'query Menu { menu(handle: "main-menu") { title } }'


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(60)) as sandbox:
        yield sandbox


async def test_a_wrong_token_is_a_401_with_shopifys_body(shop: ShopifySandbox) -> None:
    reply = await shop.storefront(STOREFRONT_SHOP_NAME, token="not-the-token")
    assert reply.status == 401
    assert reply.body == {"errors": [{"message": "", "extensions": {"code": "UNAUTHORIZED"}}]}


async def test_the_private_token_header_is_accepted(shop: ShopifySandbox) -> None:
    reply = await shop.post(
        STOREFRONT_PATH,
        json={"query": STOREFRONT_SHOP_NAME},
        headers={"Shopify-Storefront-Private-Token": "sandbox-storefront-token"},
    )
    assert reply.status == 200
    assert reply.body == {"data": {"shop": {"name": "Northwind Outfitters"}}}


async def test_tokenless_access_serves_the_catalog_but_not_menus_or_stock(shop: ShopifySandbox) -> None:
    # given: no token at all, as Shopify's tokenless Storefront access allows

    # when
    catalog = await shop.storefront(STOREFRONT_FIRST_PRODUCT, {"first": 1}, token=None)
    menu = await shop.storefront(STOREFRONT_MENU, token=None)

    # then
    assert catalog.status == 200
    assert catalog.body["data"]["products"]["nodes"][0]["title"]
    [denied] = catalog.body["errors"]
    assert denied["path"] == ["products", "nodes", 0, "variants", "nodes", 0, "quantityAvailable"]
    assert denied["extensions"]["code"] == "ACCESS_DENIED"
    assert menu.body["data"] == {"menu": None}
    assert menu.body["errors"][0]["message"] == (
        "Access denied for menu field. Required access: `unauthenticated_read_content` access scope."
    )


async def test_an_unknown_api_version_is_a_404(shop: ShopifySandbox) -> None:
    reply = await shop.post(
        "/api/2019-07/graphql.json",
        json={"query": STOREFRONT_SHOP_NAME},
        headers={"X-Shopify-Storefront-Access-Token": "sandbox-storefront-token"},
    )
    assert reply.status == 404
    assert reply.body == {"errors": "Not Found"}


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[1, 2]",
        b'{"variables": {}}',
        b'{"query": 42}',
        b'{"query": "{ shop { name } }", "variables": [1]}',
    ],
)
async def test_an_unreadable_body_is_a_400(shop: ShopifySandbox, body: bytes) -> None:
    reply = await shop.post(
        STOREFRONT_PATH,
        data=body,
        headers={
            "X-Shopify-Storefront-Access-Token": "sandbox-storefront-token",
            "Content-Type": "application/json",
        },
    )
    assert reply.status == 400
    assert reply.body == {"errors": {"query": "Required parameter missing or invalid"}}


async def test_application_graphql_bodies_are_raw_documents(shop: ShopifySandbox) -> None:
    reply = await shop.post(
        STOREFRONT_PATH,
        data=STOREFRONT_SHOP_NAME.encode(),
        headers={
            "X-Shopify-Storefront-Access-Token": "sandbox-storefront-token",
            "Content-Type": "application/graphql",
        },
    )
    assert reply.status == 200
    assert reply.body == {"data": {"shop": {"name": "Northwind Outfitters"}}}


@pytest.mark.parametrize(
    ("query", "error"),
    [
        (
            "{ shop { nam } }",
            {
                "message": "Field 'nam' doesn't exist on type 'Shop'",
                "locations": [{"line": 1, "column": 10}],
                "path": ["query", "shop", "nam"],
                "extensions": {"code": "undefinedField", "typeName": "Shop", "fieldName": "nam"},
            },
        ),
        (
            'query Q { product(handle: "x", foo: 1) { id } }',
            {
                "message": "Field 'product' doesn't accept argument 'foo'",
                "locations": [{"line": 1, "column": 32}],
                "path": ["query Q", "product", "foo"],
                "extensions": {
                    "code": "argumentNotAccepted",
                    "name": "product",
                    "typeName": "Field",
                    "argumentName": "foo",
                },
            },
        ),
        (
            "{ node { id } }",
            {
                "message": "Field 'node' is missing required arguments: id",
                "locations": [{"line": 1, "column": 3}],
                "path": ["query", "node"],
                "extensions": {
                    "code": "missingRequiredArguments",
                    "className": "Field",
                    "name": "node",
                    "arguments": "id",
                },
            },
        ),
        (
            '{ product(id: "123") { id } }',
            {
                "message": "Invalid global id '123'",
                "locations": [{"line": 1, "column": 15}],
                "path": ["query", "product", "id"],
                "extensions": {"code": "argumentLiteralsIncompatible", "typeName": "CoercionError"},
            },
        ),
        (
            "{ products(first: 1) }",
            {
                "message": "Field must have selections (field 'products' returns ProductConnection but has no "
                "selections. Did you mean 'products { ... }'?)",
                "locations": [{"line": 1, "column": 3}],
                "path": ["query", "products"],
                "extensions": {"code": "selectionMismatch", "nodeName": "field 'products'"},
            },
        ),
        (
            "{ shop { name }",
            {"message": "Unexpected end of document", "locations": [{"line": 1, "column": 16}]},
        ),
        (
            "{ shop { name } } }",
            {"message": 'Parse error on "}" (RCURLY) at [1, 19]', "locations": [{"line": 1, "column": 19}]},
        ),
    ],
)
async def test_invalid_documents_get_graphql_rubys_errors_with_status_200(
    shop: ShopifySandbox, query: str, error: dict[str, Any]
) -> None:
    reply = await shop.storefront(query)
    assert reply.status == 200
    assert reply.body == {"errors": [error]}


async def test_variables_are_checked_like_graphql_ruby(shop: ShopifySandbox) -> None:
    missing = await shop.storefront(STOREFRONT_FIRST_PRODUCT, {})
    wrong = await shop.storefront(STOREFRONT_FIRST_PRODUCT, {"first": "ten"})
    assert missing.body == {
        "errors": [
            {
                "message": "Variable $first of type Int! was provided invalid value",
                "locations": [{"line": 2, "column": 20}],
                "extensions": {
                    "value": None,
                    "problems": [{"path": [], "explanation": "Expected value to not be null"}],
                },
            }
        ]
    }
    assert wrong.body["errors"][0]["extensions"]["problems"] == [
        {"path": [], "explanation": 'Could not coerce value "ten" to Int'}
    ]


async def test_more_than_250_node_ids_is_refused_before_execution(shop: ShopifySandbox) -> None:
    ids = [f"gid://shopify/Product/{n}" for n in range(251)]
    reply = await shop.storefront(NODES_BATCH, {"ids": ids})
    assert reply.status == 200
    assert reply.body == {
        "errors": [
            {
                "message": "The input array size of 251 is greater than the maximum allowed of 250.",
                "locations": [{"line": 3, "column": 3}],
                "path": ["nodes", "ids"],
                "extensions": {"code": "MAX_INPUT_SIZE_EXCEEDED"},
            }
        ]
    }


async def test_operation_selection(shop: ShopifySandbox) -> None:
    chosen = await shop.storefront(STOREFRONT_TWO_OPERATIONS, operation_name="B")
    unnamed = await shop.storefront(STOREFRONT_TWO_OPERATIONS)
    unknown = await shop.storefront(STOREFRONT_TWO_OPERATIONS, operation_name="C")
    assert chosen.data == {"shop": {"description": "Clothing and gear for everyday adventures."}}
    assert unnamed.body == {"errors": [{"message": "An operation name is required"}]}
    assert unknown.body == {"errors": [{"message": 'No operation named "C"'}]}


async def test_faults_answer_with_shopifys_bodies(shop: ShopifySandbox) -> None:
    control = shop.sandbox.emulators["shopify"].control
    try:
        shop.sandbox.set_faults("shopify", down=True)
        down = await shop.storefront(STOREFRONT_SHOP_NAME)
        shop.sandbox.set_faults("shopify", down=False, error_rate=1)
        failing = await shop.storefront(STOREFRONT_SHOP_NAME)
    finally:
        control.reset()
    assert (down.status, down.body) == (503, {"errors": "Service Unavailable"})
    assert (failing.status, failing.body) == (500, {"errors": "An unexpected error occurred"})
