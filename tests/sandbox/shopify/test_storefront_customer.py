"""Storefront customers: access tokens, the customer, its address and its orders."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from sandbox.seed import CUSTOMER_PASSWORD, Customer, generate
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox, running

TOKEN_CREATE = document("storefront", "CustomerAccessTokenCreate")
CUSTOMER_WITH_ORDERS = document("storefront", "CustomerWithOrders")

STOREFRONT_TOKEN_DELETE = """
mutation TokenDelete($token: String!) {
  customerAccessTokenDelete(customerAccessToken: $token) { deletedAccessToken userErrors { field message } }
}
"""


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(60)) as sandbox:
        yield sandbox


def with_orders(shop: ShopifySandbox, count: int = 2) -> Customer:
    return next(
        c for c in shop.world.customers if sum(o.customer_id == c.id for o in shop.world.orders) >= count
    )


async def sign_in(shop: ShopifySandbox, customer: Customer) -> str:
    reply = await shop.storefront(
        TOKEN_CREATE, {"input": {"email": customer.email, "password": CUSTOMER_PASSWORD}}
    )
    payload = reply.data["customerAccessTokenCreate"]
    assert payload["customerUserErrors"] == []
    token: str = payload["customerAccessToken"]["accessToken"]
    return token


async def test_signing_in_gives_a_token_that_expires(shop: ShopifySandbox) -> None:
    customer = shop.world.customers[0]
    reply = await shop.storefront(
        TOKEN_CREATE, {"input": {"email": customer.email.upper(), "password": CUSTOMER_PASSWORD}}
    )
    token = reply.data["customerAccessTokenCreate"]["customerAccessToken"]
    assert len(token["accessToken"]) == 32
    assert token["expiresAt"].endswith("Z")


@pytest.mark.parametrize(("email", "password"), [("nobody@example.com", CUSTOMER_PASSWORD), (None, "wrong")])
async def test_wrong_credentials_are_an_unidentified_customer(
    shop: ShopifySandbox, email: str | None, password: str
) -> None:
    reply = await shop.storefront(
        TOKEN_CREATE, {"input": {"email": email or shop.world.customers[0].email, "password": password}}
    )
    assert reply.data["customerAccessTokenCreate"] == {
        "customerAccessToken": None,
        "customerUserErrors": [
            {"code": "UNIDENTIFIED_CUSTOMER", "field": ["input"], "message": "Unidentified customer"}
        ],
    }


async def test_the_customer_and_their_orders(shop: ShopifySandbox) -> None:
    # given
    customer = with_orders(shop)
    orders = sorted(
        (o for o in shop.world.orders if o.customer_id == customer.id),
        key=lambda o: o.created_at,
        reverse=True,
    )
    token = await sign_in(shop, customer)

    # when
    got = (await shop.storefront(CUSTOMER_WITH_ORDERS, {"customerAccessToken": token, "first": 10})).data[
        "customer"
    ]

    # then
    assert got["id"] == f"gid://shopify/Customer/{customer.id}"
    assert got["email"] == customer.email
    assert got["displayName"] == f"{customer.first_name} {customer.last_name}"
    assert got["numberOfOrders"] == str(len(orders))
    assert got["defaultAddress"]["countryCodeV2"] == customer.country
    assert got["defaultAddress"]["formatted"][0] == f"{customer.first_name} {customer.last_name}"
    nodes = got["orders"]["nodes"]
    assert [n["name"] for n in nodes] == [o.name for o in orders]
    first = nodes[0]
    assert first["orderNumber"] == orders[0].number
    assert first["id"].startswith(f"gid://shopify/Order/{orders[0].id}?key=")
    assert first["financialStatus"] == orders[0].financial_status
    assert first["currencyCode"] == "EUR"
    assert [(li["variant"]["sku"], li["quantity"]) for li in first["lineItems"]["nodes"]] == [
        (line.sku, line.quantity) for line in orders[0].lines
    ]


async def test_orders_paginate(shop: ShopifySandbox) -> None:
    customer = with_orders(shop, 2)
    token = await sign_in(shop, customer)
    first = (await shop.storefront(CUSTOMER_WITH_ORDERS, {"customerAccessToken": token, "first": 1})).data
    page = first["customer"]["orders"]
    assert page["pageInfo"]["hasNextPage"] is True
    rest = (
        await shop.storefront(
            CUSTOMER_WITH_ORDERS,
            {"customerAccessToken": token, "first": 10, "after": page["pageInfo"]["endCursor"]},
        )
    ).data
    names = [n["name"] for n in page["nodes"]] + [n["name"] for n in rest["customer"]["orders"]["nodes"]]
    assert len(names) == len(set(names)) == sum(o.customer_id == customer.id for o in shop.world.orders)


async def test_an_unknown_or_deleted_token_gives_no_customer(shop: ShopifySandbox) -> None:
    token = await sign_in(shop, shop.world.customers[1])
    deleted = (await shop.storefront(STOREFRONT_TOKEN_DELETE, {"token": token})).data
    assert deleted["customerAccessTokenDelete"] == {"deletedAccessToken": token, "userErrors": []}
    for stale in (token, "not-a-token"):
        reply = await shop.storefront(CUSTOMER_WITH_ORDERS, {"customerAccessToken": stale, "first": 1})
        assert reply.data == {"customer": None}


async def test_customers_need_an_access_token_for_the_storefront(shop: ShopifySandbox) -> None:
    reply = await shop.storefront(TOKEN_CREATE, {"input": {"email": "a@b.c", "password": "x"}}, token=None)
    assert reply.body["data"] == {"customerAccessTokenCreate": None}
    assert reply.body["errors"][0]["extensions"]["code"] == "ACCESS_DENIED"
