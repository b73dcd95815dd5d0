"""Signed webhooks from the sandbox refresh the gateway's caches before their TTL; forgeries change nothing."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from sandbox.hubspot.signing import signature_headers as hubspot_headers
from sandbox.intercom.signing import signature_headers as intercom_headers
from sandbox.runner import Sandbox, SandboxSettings, odoo_webhook_token
from sandbox.seed import World, generate
from sandbox.shopify.signing import HMAC_HEADER, WEBHOOK_ID_HEADER, hmac_header as shopify_sign
from tests.harness import Gateway, akeneo_patch, gateway_config, odoo_call, running_gateway

LONG_TTL = {"ttl": {"stock": 600, "content": 600, "profile": 600, "conversations": 600}, "responses": True}
STOCK = """query($handle: String!) { product(handle: $handle) { variants(first: 20) { nodes { sku stock { available reserved } } } } }"""
CONTENT = """query($handle: String!) @inContext(language: FR) { product(handle: $handle) { content { description } } }"""


@pytest.fixture(scope="module")
def shop() -> World:
    return generate(40, seed=5)


@pytest.fixture
async def hooked(shop: World) -> AsyncIterator[tuple[Sandbox, Gateway]]:
    """A sandbox of its own (these tests change its data) whose vendors post to the gateway."""
    async with Sandbox(shop, SandboxSettings(port_base=0)) as sandbox:
        token = odoo_webhook_token(sandbox.settings.options.seed)
        config = gateway_config(sandbox, cache=LONG_TTL, backends={"odoo": {"webhook_token": token}})
        async with running_gateway(config) as gateway:
            for vendor, emulator in sandbox.emulators.items():
                url = f"{gateway.url}/webhooks/{vendor}"
                emulator.control.webhooks.url = f"{url}?token={token}" if vendor == "odoo" else url
            yield sandbox, gateway


async def test_an_erp_stock_move_refreshes_cached_stock(hooked: tuple[Sandbox, Gateway], shop: World) -> None:
    sandbox, gateway = hooked
    product, variant = next(
        (p, v)
        for p, v in shop.variants()
        if p.published and min(lv.available for lv in shop.stock if lv.sku == v.sku) >= 3
    )
    before = await gateway.data(STOCK, {"handle": product.handle})
    available = {v["sku"]: v["stock"]["available"] for v in before["product"]["variants"]["nodes"]}

    # when: the ERP confirms an order of 2, reserving stock, and notifies
    [order_id] = await odoo_call(
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
    await odoo_call(sandbox, "sale.order", "action_confirm", ids=[order_id])
    await sandbox.emulators["odoo"].control.webhooks.drain()

    # then: the gateway answers with the new figure at once, well within the stock TTL
    after = await gateway.data(STOCK, {"handle": product.handle})
    now = {v["sku"]: v["stock"]["available"] for v in after["product"]["variants"]["nodes"]}
    assert now[variant.sku] == available[variant.sku] - 2
    deliveries = sandbox.emulators["odoo"].control.webhooks.log()
    assert deliveries
    assert all(d["status"] == 200 for d in deliveries)


async def test_a_pim_edit_refreshes_cached_content(hooked: tuple[Sandbox, Gateway], shop: World) -> None:
    sandbox, gateway = hooked
    product = next(p for p in shop.products if p.published)
    before = await gateway.data(CONTENT, {"handle": product.handle})
    assert before["product"]["content"]["description"] == product.content.description.fr_FR

    description = {
        "values": {"description": [{"locale": "fr_FR", "scope": "ecommerce", "data": "Toute nouvelle."}]}
    }
    await akeneo_patch(sandbox, f"/api/rest/v1/product-models/{product.handle}", description)
    await sandbox.emulators["akeneo"].control.webhooks.drain()

    after = await gateway.data(CONTENT, {"handle": product.handle})
    assert after["product"]["content"]["description"] == "Toute nouvelle."


READINGS = {
    # a card's texts, the same with the attribute list, and the texts in another language
    "FR texts": """query($handle: String!) @inContext(language: FR) { product(handle: $handle) { content { description } } }""",
    "FR full": """query($handle: String!) @inContext(language: FR) {
      product(handle: $handle) { content { description attributes { code value } } } }""",
    "EN texts": """query($handle: String!) @inContext(language: EN) { product(handle: $handle) { content { description } } }""",
}


async def test_a_pim_edit_refreshes_content_cached_in_every_locale_and_reading(
    hooked: tuple[Sandbox, Gateway], shop: World
) -> None:
    # given: one product's content cached three ways (per locale, texts apart from the full content)
    sandbox, gateway = hooked
    product = next(p for p in shop.products if p.published)
    before = {name: await gateway.data(query, {"handle": product.handle}) for name, query in READINGS.items()}
    assert before["FR full"]["product"]["content"]["attributes"]
    assert before["EN texts"]["product"]["content"]["description"] == product.content.description.en_US

    # when: the PIM changes the description in both languages
    description = {
        "values": {
            "description": [
                {"locale": "fr_FR", "scope": "ecommerce", "data": "Toute nouvelle."},
                {"locale": "en_US", "scope": "ecommerce", "data": "Brand new."},
            ]
        }
    }
    await akeneo_patch(sandbox, f"/api/rest/v1/product-models/{product.handle}", description)
    await sandbox.emulators["akeneo"].control.webhooks.drain()

    # then: every reading shows the change
    after = {name: await gateway.data(query, {"handle": product.handle}) for name, query in READINGS.items()}
    assert {name: data["product"]["content"]["description"] for name, data in after.items()} == {
        "FR texts": "Toute nouvelle.",
        "FR full": "Toute nouvelle.",
        "EN texts": "Brand new.",
    }
    assert (
        after["FR full"]["product"]["content"]["attributes"]
        == before["FR full"]["product"]["content"]["attributes"]
    )


async def _post(
    gateway: Gateway, vendor: str, body: bytes, headers: dict[str, str], query: str = ""
) -> tuple[int, Any]:
    async with gateway.http.post(
        f"{gateway.url}/webhooks/{vendor}{query}", data=body, headers=headers
    ) as response:
        return response.status, await response.json()


async def test_forged_deliveries_are_refused(hooked: tuple[Sandbox, Gateway]) -> None:
    sandbox, gateway = hooked
    body = json.dumps({"id": 1}).encode()
    secret = sandbox.backends_config()["shopify"]["webhook_secret"]

    assert (await _post(gateway, "shopify", body, {HMAC_HEADER: shopify_sign("not-the-secret", body)}))[
        0
    ] == 401
    assert (await _post(gateway, "shopify", body + b" ", {HMAC_HEADER: shopify_sign(secret, body)}))[0] == 401
    assert (await _post(gateway, "odoo", b'{"_model": "stock.quant", "product_id": 1}', {}))[0] == 401
    assert (await _post(gateway, "odoo", b"{}", {}, "?token=guess"))[0] == 401
    assert (await _post(gateway, "intercom", body, {"X-Hub-Signature": "sha1=" + "0" * 40}))[0] == 401
    assert (await _post(gateway, "nobody", body, {}))[0] == 404


async def test_repeated_deliveries_are_processed_once(hooked: tuple[Sandbox, Gateway]) -> None:
    sandbox, gateway = hooked
    credentials = sandbox.backends_config()
    body = json.dumps({"id": 820982911946154508, "email": "jon@example.com"}).encode()
    headers = {
        HMAC_HEADER: shopify_sign(credentials["shopify"]["webhook_secret"], body),
        WEBHOOK_ID_HEADER: "w-1",
    }

    first = await _post(gateway, "shopify", body, headers)
    again = await _post(gateway, "shopify", body, headers)

    assert first == (200, {"accepted": 1, "duplicates": 0})
    assert again == (200, {"accepted": 0, "duplicates": 1})

    intercom = json.dumps({"type": "notification_event", "id": "notif_1", "topic": "ping"}).encode()
    status, _ = await _post(
        gateway,
        "intercom",
        intercom,
        dict(intercom_headers(credentials["intercom"]["client_secret"], intercom)),
    )
    assert status == 200

    events = json.dumps(
        [{"eventId": 1, "subscriptionType": "contact.propertyChange", "objectId": 5}]
    ).encode()
    url = f"{gateway.url}/webhooks/hubspot"
    signed = hubspot_headers(credentials["hubspot"]["client_secret"], "POST", url, events)
    assert (await _post(gateway, "hubspot", events, dict(signed)))[0] == 200


async def test_a_consent_changed_in_the_crm_refreshes_the_cached_profile(
    hooked: tuple[Sandbox, Gateway], shop: World
) -> None:
    sandbox, gateway = hooked
    customer = shop.customers[1]
    token = await gateway.sign_in(customer.email)
    query = "query($t: String!) { customer(customerAccessToken: $t) { profile { consents { channel granted } } } }"

    def sms(data: dict[str, Any]) -> bool:
        consents = data["customer"]["profile"]["consents"]
        return bool(next(c["granted"] for c in consents if c["channel"] == "SMS"))

    before = sms(await gateway.data(query, {"t": token}))

    # when: the customer's SMS consent is flipped in the CRM, which notifies the gateway
    hubspot = sandbox.backends_config()["hubspot"]
    async with (
        aiohttp.ClientSession() as http,
        http.patch(
            f"{hubspot['url']}/crm/v3/objects/contacts/{customer.email}?idProperty=email",
            json={"properties": {"sms_consent": "false" if before else "true"}},
            headers={"Authorization": f"Bearer {hubspot['token']}"},
        ) as response,
    ):
        assert response.status == 200, await response.text()

    for _ in range(50):
        if sms(await gateway.data(query, {"t": token})) is not before:
            break
        await asyncio.sleep(0.1)
    assert sms(await gateway.data(query, {"t": token})) is (not before)


async def test_an_agent_s_reply_refreshes_the_cached_conversations(
    hooked: tuple[Sandbox, Gateway], shop: World
) -> None:
    sandbox, gateway = hooked
    conversation = next(
        c for c in shop.conversations if c.state == "open" and c.messages[-1].author == "user"
    )
    customer = next(c for c in shop.customers if c.id == conversation.customer_id)
    token = await gateway.sign_in(customer.email)
    query = """query($t: String!) {
      customer(customerAccessToken: $t) { conversations(first: 50) { nodes { id unread lastMessageBy } } }
    }"""

    async def listed() -> dict[str, Any]:
        data = await gateway.data(query, {"t": token})
        return next(n for n in data["customer"]["conversations"]["nodes"] if n["id"] == conversation.id)

    assert (await listed())["lastMessageBy"] == "CUSTOMER"

    # when: an agent answers in the chat, which notifies the gateway
    intercom = sandbox.backends_config()["intercom"]
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            f"{intercom['url']}/conversations/{conversation.id}/reply",
            json={
                "message_type": "comment",
                "type": "admin",
                "admin_id": conversation.admin_id,
                "body": "On its way!",
            },
            headers={"Authorization": f"Bearer {intercom['token']}", "Intercom-Version": "2.14"},
        ) as response,
    ):
        assert response.status == 200, await response.text()

    for _ in range(50):
        if (await listed())["lastMessageBy"] == "AGENT":
            break
        await asyncio.sleep(0.1)
    assert await listed() == {"id": conversation.id, "unread": True, "lastMessageBy": "AGENT"}
