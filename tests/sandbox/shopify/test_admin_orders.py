"""Admin orders: search, `orderCreate` (stock claims, userErrors) and `orderCancel` (restock, job),
all seen by the Storefront of the same store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from sandbox.seed import CUSTOMER_PASSWORD, generate
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox, running

ORDERS_FOR_CUSTOMER = document("admin", "OrdersForCustomer")
ORDER_BY_ID = document("admin", "OrderById")
ORDER_CREATE = document("admin", "OrderCreate")
ORDER_CANCEL = document("admin", "OrderCancel")
STOCK_BY_SKU = document("admin", "StockBySku")
NODES_BATCH = document("storefront", "NodesBatch")
TOKEN_CREATE = document("storefront", "CustomerAccessTokenCreate")
CUSTOMER_WITH_ORDERS = document("storefront", "CustomerWithOrders")

ADMIN_JOB = "query Job($id: ID!) { job(id: $id) { id done } }"
ADMIN_ORDER_NAMES = "query OrderNames($q: String!) { orders(first: 250, query: $q) { nodes { name } } }"


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(80)) as sandbox:
        yield sandbox


def in_stock(shop: ShopifySandbox, at_least: int) -> list[Any]:
    stock: dict[str, int] = {}
    for level in shop.world.stock:
        stock[level.sku] = stock.get(level.sku, 0) + level.quantity - level.reserved
    return [v for p in shop.world.products if p.published for v in p.variants if stock[v.sku] >= at_least]


async def available(shop: ShopifySandbox, variant: Any) -> int:
    reply = await shop.storefront(NODES_BATCH, {"ids": [f"gid://shopify/ProductVariant/{variant.id}"]})
    quantity: int = reply.data["nodes"][0]["quantityAvailable"]
    return quantity


async def test_orders_by_customer_email_and_name(shop: ShopifySandbox) -> None:
    # given
    order = next(o for o in shop.world.orders if o.fulfillment_status == "FULFILLED")
    customer_orders = [o for o in shop.world.orders if o.customer_id == order.customer_id]

    # when
    by_customer = (
        await shop.admin(ORDERS_FOR_CUSTOMER, {"q": f"customer_id:{order.customer_id}", "first": 5})
    ).data
    by_email = (await shop.admin(ORDERS_FOR_CUSTOMER, {"q": f"email:{order.email}", "first": 5})).data
    by_name = (await shop.admin(ORDERS_FOR_CUSTOMER, {"q": f"name:{order.name}", "first": 5})).data

    # then
    assert {n["name"] for n in by_customer["orders"]["nodes"]} == {o.name for o in customer_orders}
    assert by_email == by_customer
    [found] = by_name["orders"]["nodes"]
    assert found["id"] == f"gid://shopify/Order/{order.id}"
    assert found["displayFulfillmentStatus"] == "FULFILLED"
    assert [(li["sku"], li["quantity"]) for li in found["lineItems"]["nodes"]] == [
        (line.sku, line.quantity) for line in order.lines
    ]
    [fulfillment] = found["fulfillments"]
    assert fulfillment["trackingInfo"][0]["company"] == order.erp.carrier
    assert fulfillment["trackingInfo"][0]["number"] == order.erp.tracking_ref


async def test_orders_updated_since(shop: ShopifySandbox) -> None:
    latest = max(o.created_at for o in shop.world.orders)
    reply = await shop.admin(ADMIN_ORDER_NAMES, {"q": f"updated_at:>={latest.date().isoformat()}"})
    names = {n["name"] for n in reply.data["orders"]["nodes"]}
    assert {o.name for o in shop.world.orders if o.created_at.date() >= latest.date()} <= names


async def test_order_create_claims_stock_and_appears_for_the_customer(shop: ShopifySandbox) -> None:
    # given
    variant = in_stock(shop, 3)[0]
    customer = shop.world.customers[0]
    before = await available(shop, variant)

    # when
    reply = await shop.admin(
        ORDER_CREATE,
        {
            "order": {
                "lineItems": [{"variantId": f"gid://shopify/ProductVariant/{variant.id}", "quantity": 2}],
                "customer": {"toAssociate": {"id": f"gid://shopify/Customer/{customer.id}"}},
                "financialStatus": "PAID",
            },
            "options": {"inventoryBehaviour": "DECREMENT_OBEYING_POLICY"},
        },
    )

    # then
    payload = reply.data["orderCreate"]
    assert payload["userErrors"] == []
    order = payload["order"]
    assert order["displayFinancialStatus"] == "PAID"
    assert order["displayFulfillmentStatus"] == "UNFULFILLED"
    assert order["customer"] == {"id": f"gid://shopify/Customer/{customer.id}"}
    assert order["email"] == customer.email
    assert await available(shop, variant) == before - 2
    token = (
        await shop.storefront(
            TOKEN_CREATE, {"input": {"email": customer.email, "password": CUSTOMER_PASSWORD}}
        )
    ).data
    access = token["customerAccessTokenCreate"]["customerAccessToken"]["accessToken"]
    mine = (await shop.storefront(CUSTOMER_WITH_ORDERS, {"customerAccessToken": access, "first": 1})).data
    assert mine["customer"]["orders"]["nodes"][0]["name"] == order["name"]
    stock = (await shop.admin(STOCK_BY_SKU, {"q": f"sku:{variant.sku}", "first": 1})).data
    committed = sum(
        q["quantity"]
        for level in stock["productVariants"]["nodes"][0]["inventoryItem"]["inventoryLevels"]["nodes"]
        for q in level["quantities"]
        if q["name"] == "committed"
    )
    assert committed >= 2


async def test_order_create_bypasses_stock_by_default(shop: ShopifySandbox) -> None:
    variant = in_stock(shop, 3)[1]
    before = await available(shop, variant)
    reply = await shop.admin(
        ORDER_CREATE,
        {
            "order": {
                "lineItems": [{"variantId": f"gid://shopify/ProductVariant/{variant.id}", "quantity": 1}],
                "email": "walk-in@example.com",
            }
        },
    )
    assert reply.data["orderCreate"]["userErrors"] == []
    assert reply.data["orderCreate"]["order"]["customer"] is None
    assert await available(shop, variant) == before


async def test_order_create_user_errors(shop: ShopifySandbox) -> None:
    variant = in_stock(shop, 1)[2]
    unknown = await shop.admin(
        ORDER_CREATE,
        {"order": {"lineItems": [{"variantId": "gid://shopify/ProductVariant/1", "quantity": 1}]}},
    )
    too_many = await shop.admin(
        ORDER_CREATE,
        {
            "order": {
                "lineItems": [{"variantId": f"gid://shopify/ProductVariant/{variant.id}", "quantity": 10_000}]
            },
            "options": {"inventoryBehaviour": "DECREMENT_OBEYING_POLICY"},
        },
    )
    empty = await shop.admin(ORDER_CREATE, {"order": {"lineItems": []}})
    assert unknown.data["orderCreate"] == {
        "order": None,
        "userErrors": [
            {
                "code": "INVALID",
                "field": ["order", "lineItems", "0", "variantId"],
                "message": "The variant with id gid://shopify/ProductVariant/1 does not exist.",
            }
        ],
    }
    assert too_many.data["orderCreate"]["userErrors"][0]["code"] == "INVENTORY_CLAIM_FAILED"
    assert empty.data["orderCreate"]["userErrors"][0]["field"] == ["order", "lineItems"]


async def test_order_cancel_restocks_and_reports_a_job(shop: ShopifySandbox) -> None:
    # given: an order that claimed stock
    variant = in_stock(shop, 2)[3]
    before = await available(shop, variant)
    created = await shop.admin(
        ORDER_CREATE,
        {
            "order": {
                "lineItems": [{"variantId": f"gid://shopify/ProductVariant/{variant.id}", "quantity": 1}],
                "financialStatus": "PAID",
            },
            "options": {"inventoryBehaviour": "DECREMENT_OBEYING_POLICY"},
        },
    )
    order_id = created.data["orderCreate"]["order"]["id"]
    assert await available(shop, variant) == before - 1

    # when
    cancel = await shop.admin(
        ORDER_CANCEL,
        {
            "orderId": order_id,
            "reason": "CUSTOMER",
            "refund": True,
            "restock": True,
            "staffNote": "Changed mind",
        },
    )

    # then
    payload = cancel.data["orderCancel"]
    assert payload["orderCancelUserErrors"] == []
    assert payload["job"]["id"].startswith("gid://shopify/Job/")
    assert payload["job"]["done"] is False
    job = (await shop.admin(ADMIN_JOB, {"id": payload["job"]["id"]})).data
    assert job == {"job": {"id": payload["job"]["id"], "done": True}}
    order = (await shop.admin(ORDER_BY_ID, {"id": order_id})).data["order"]
    assert order["cancelReason"] == "CUSTOMER"
    assert order["closed"] is True
    assert order["displayFinancialStatus"] == "REFUNDED"
    assert order["currentTotalPriceSet"]["shopMoney"]["amount"] == "0.0"
    assert order["lineItems"]["nodes"][0]["currentQuantity"] == 0
    assert await available(shop, variant) == before
    again = await shop.admin(ORDER_CANCEL, {"orderId": order_id, "reason": "CUSTOMER", "restock": True})
    assert again.data["orderCancel"]["orderCancelUserErrors"][0]["code"] == "INVALID"
    missing = await shop.admin(
        ORDER_CANCEL, {"orderId": "gid://shopify/Order/1", "reason": "OTHER", "restock": False}
    )
    assert missing.data["orderCancel"] == {
        "job": None,
        "orderCancelUserErrors": [
            {"code": "NOT_FOUND", "field": ["orderId"], "message": "Order does not exist"}
        ],
    }
