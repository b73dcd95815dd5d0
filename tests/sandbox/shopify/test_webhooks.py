"""Signed webhooks: Shopify's HMAC (known-answer vector), headers, REST payloads, subscriptions."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from gateway.backends.shopify.webhooks import sign, verify
from sandbox.seed import generate
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox, running

CREATE_WEBHOOK = document("admin", "CreateWebhook")
ADJUST_INVENTORY = document("admin", "AdjustInventory")
ORDER_CREATE = document("admin", "OrderCreate")
ORDER_CANCEL = document("admin", "OrderCancel")
CUSTOMER_UPDATE = document("admin", "CustomerUpdate")

SECRET = "sandbox-webhook-secret"


def reference_verify(raw_body: bytes, header_value: str | None, secret: str) -> bool:
    """Shopify's documented check, written independently of gateway.backends.shopify.webhooks."""
    if not header_value:
        return False
    expected = base64.b64encode(hmac.new(secret.encode(), raw_body, hashlib.sha256).digest())
    return hmac.compare_digest(expected, header_value.strip().encode())


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def payload(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    server: TestServer
    deliveries: list[Received] = field(default_factory=list)

    def url(self, path: str) -> str:
        return str(self.server.make_url(path))

    def topics(self, path: str) -> list[str]:
        return [d.headers["X-Shopify-Topic"] for d in self.deliveries if d.path == path]

    def of(self, path: str, topic: str) -> list[Received]:
        return [d for d in self.deliveries if d.path == path and d.headers["X-Shopify-Topic"] == topic]


@pytest.fixture(scope="module")
async def receiver() -> AsyncIterator[Receiver]:
    app = web.Application()
    found = Receiver(TestServer(app, host="127.0.0.1"))

    async def collect(request: web.Request) -> web.Response:
        found.deliveries.append(Received(request.path, dict(request.headers), await request.read()))
        return web.Response(text="ok")

    app.router.add_post("/{tail:.*}", collect)
    async with found.server:
        yield found


@pytest.fixture(scope="module")
async def shop(receiver: Receiver) -> AsyncIterator[ShopifySandbox]:
    async with running(generate(60)) as sandbox:
        async with sandbox.http.post(
            sandbox.url + "/__sandbox/webhooks", json={"url": receiver.url("/control")}
        ):
            pass
        yield sandbox


async def settle(shop: ShopifySandbox) -> None:
    """Wait until every queued delivery is done (the control API drains before listing)."""
    async with shop.http.get(shop.url + "/__sandbox/webhooks") as response:
        assert response.status == 200


async def subscribe(
    shop: ShopifySandbox, receiver: Receiver, topic: str, path: str, **extra: Any
) -> dict[str, Any]:
    reply = await shop.admin(
        CREATE_WEBHOOK, {"topic": topic, "sub": {"uri": receiver.url(path), "format": "JSON", **extra}}
    )
    payload: dict[str, Any] = reply.data["webhookSubscriptionCreate"]
    assert payload["userErrors"] == []
    subscription: dict[str, Any] = payload["webhookSubscription"]
    return subscription


def test_known_answer_vector() -> None:
    body = b'{"id":820982911946154508,"email":"jon@example.com"}'
    assert sign("hush", body) == "D0UMXmhjwBRi4y66TmhJrDlhQABD7zI2fm3p6/QLMo8="
    assert verify("hush", body, "D0UMXmhjwBRi4y66TmhJrDlhQABD7zI2fm3p6/QLMo8=")
    assert reference_verify(body, sign("hush", body), "hush")


@pytest.mark.parametrize(
    "signature",
    [None, "", "not base64!", "D0UMXmhjwBRi4y66TmhJrDlhQABD7zI2fm3p6/QLMo9=", sign("other", b"{}")],
)
def test_verify_refuses_anything_else(signature: str | None) -> None:
    assert not verify("hush", b'{"id":820982911946154508,"email":"jon@example.com"}', signature)


async def test_subscription_create_and_its_user_errors(shop: ShopifySandbox, receiver: Receiver) -> None:
    created = await subscribe(shop, receiver, "ORDERS_UPDATED", "/updates")
    assert created["id"].startswith("gid://shopify/WebhookSubscription/")
    assert created["topic"] == "ORDERS_UPDATED"
    assert created["apiVersion"] == {"handle": "2026-07"}
    duplicate = await shop.admin(
        CREATE_WEBHOOK, {"topic": "ORDERS_UPDATED", "sub": {"uri": receiver.url("/updates")}}
    )
    invalid = await shop.admin(
        CREATE_WEBHOOK, {"topic": "ORDERS_UPDATED", "sub": {"uri": "http://example.com/hooks"}}
    )
    assert duplicate.data["webhookSubscriptionCreate"]["userErrors"] == [
        {"field": ["webhookSubscription", "uri"], "message": "Address for this topic has already been taken"}
    ]
    assert invalid.data["webhookSubscriptionCreate"]["userErrors"] == [
        {"field": ["webhookSubscription", "uri"], "message": "Address is invalid"}
    ]


async def test_inventory_adjustment_is_delivered_signed_with_shopifys_headers(
    shop: ShopifySandbox, receiver: Receiver
) -> None:
    # given
    await subscribe(shop, receiver, "INVENTORY_LEVELS_UPDATE", "/stock")
    variant = shop.world.products[0].variants[0]
    location = shop.world.warehouses[0].shopify_location_id
    change = {
        "inventoryItemId": f"gid://shopify/InventoryItem/{variant.inventory_item_id}",
        "locationId": f"gid://shopify/Location/{location}",
        "delta": 4,
    }

    # when
    reply = await shop.admin(
        ADJUST_INVENTORY, {"input": {"name": "available", "reason": "received", "changes": [change]}}
    )
    await settle(shop)

    # then
    after = reply.data["inventoryAdjustQuantities"]["inventoryAdjustmentGroup"]["changes"][0][
        "quantityAfterChange"
    ]
    [delivery] = receiver.of("/stock", "inventory_levels/update")
    headers = delivery.headers
    assert reference_verify(delivery.body, headers["X-Shopify-Hmac-Sha256"], SECRET)
    assert headers["X-Shopify-Shop-Domain"] == "northwind-outfitters.myshopify.com"
    assert headers["X-Shopify-API-Version"] == "2026-07"
    assert headers["X-Shopify-Webhook-Id"]
    assert headers["X-Shopify-Event-Id"]
    assert headers["X-Shopify-Triggered-At"].endswith("Z")
    assert headers["Content-Type"] == "application/json"
    assert delivery.payload == {
        "inventory_item_id": variant.inventory_item_id,
        "location_id": location,
        "available": after,
        "updated_at": delivery.payload["updated_at"],
        "admin_graphql_api_id": f"gid://shopify/InventoryLevel/{location}?inventory_item_id={variant.inventory_item_id}",
    }
    [control] = receiver.of("/control", "inventory_levels/update")
    assert control.headers["X-Shopify-Event-Id"] == headers["X-Shopify-Event-Id"]
    assert control.headers["X-Shopify-Webhook-Id"] != headers["X-Shopify-Webhook-Id"]


async def test_order_create_and_cancel_deliver_rest_order_payloads(
    shop: ShopifySandbox, receiver: Receiver
) -> None:
    # given
    await subscribe(shop, receiver, "ORDERS_CREATE", "/orders", includeFields=["id", "name", "line_items"])
    customer = shop.world.customers[1]
    variant = shop.world.products[1].variants[0]

    # when
    created = await shop.admin(
        ORDER_CREATE,
        {
            "order": {
                "lineItems": [{"variantId": f"gid://shopify/ProductVariant/{variant.id}", "quantity": 1}],
                "customer": {"toAssociate": {"email": customer.email}},
                "financialStatus": "PAID",
                "tags": ["gateway"],
            }
        },
    )
    order = created.data["orderCreate"]["order"]
    await shop.admin(
        ORDER_CANCEL, {"orderId": order["id"], "reason": "INVENTORY", "refund": True, "restock": True}
    )
    await settle(shop)

    # then: the control URL gets every topic with the full payload
    [full] = receiver.of("/control", "orders/create")
    payload = full.payload
    assert payload["id"] == int(order["id"].rsplit("/", 1)[1])
    assert payload["admin_graphql_api_id"] == order["id"]
    assert payload["name"] == order["name"]
    assert payload["order_number"] == int(order["name"].lstrip("#"))
    assert payload["email"] == customer.email
    assert payload["financial_status"] == "paid"
    assert payload["currency"] == "EUR"
    assert payload["total_price"] == f"{variant.price:.2f}"
    assert payload["tags"] == "gateway"
    assert payload["customer"]["id"] == customer.id
    assert payload["customer"]["admin_graphql_api_id"] == f"gid://shopify/Customer/{customer.id}"
    [line] = payload["line_items"]
    assert (line["sku"], line["variant_id"], line["quantity"], line["price"]) == (
        variant.sku,
        variant.id,
        1,
        f"{variant.price:.2f}",
    )
    assert payload["created_at"][19:] in ("+01:00", "+02:00")  # the shop's time zone, Europe/Berlin
    # the subscription asked for three fields only
    [trimmed] = receiver.of("/orders", "orders/create")
    assert set(trimmed.payload) == {"id", "name", "line_items"}
    cancelled = receiver.of("/control", "orders/cancelled")[-1].payload
    assert cancelled["cancel_reason"] == "inventory"
    assert cancelled["financial_status"] == "refunded"
    assert receiver.of("/updates", "orders/updated")[-1].payload["id"] == payload["id"]
    assert all(
        reference_verify(d.body, d.headers["X-Shopify-Hmac-Sha256"], SECRET) for d in receiver.deliveries
    )


async def test_customer_update_delivers_customers_update(shop: ShopifySandbox, receiver: Receiver) -> None:
    customer = shop.world.customers[2]
    await shop.admin(
        CUSTOMER_UPDATE, {"input": {"id": f"gid://shopify/Customer/{customer.id}", "tags": ["newsletter"]}}
    )
    await settle(shop)
    payload = receiver.of("/control", "customers/update")[-1].payload
    assert payload["id"] == customer.id
    assert payload["email"] == customer.email
    assert payload["tags"] == "newsletter"
    assert payload["admin_graphql_api_id"] == f"gid://shopify/Customer/{customer.id}"
    assert payload["default_address"]["country_code"] == customer.country


async def test_activity_tick_is_a_sale_that_moves_stock(shop: ShopifySandbox, receiver: Receiver) -> None:
    # given
    before = len(receiver.deliveries)
    activity = shop.sandbox.emulators["shopify"].activity
    assert activity is not None

    # when
    await activity()
    await settle(shop)

    # then
    topics = [d.headers["X-Shopify-Topic"] for d in receiver.deliveries[before:] if d.path == "/control"]
    assert "orders/create" in topics
    assert "inventory_levels/update" in topics
    sale = next(
        d.payload for d in receiver.deliveries[before:] if d.headers["X-Shopify-Topic"] == "orders/create"
    )
    assert sale["source_name"] == "web"
    assert sale["financial_status"] == "paid"
