"""Odoo's "Send Webhook Notification" automation: unsigned JSON posted when stock or order state moves."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from sandbox.runner import Sandbox
from sandbox.seed import World

from .odoo_client import OdooClient


class Receiver:
    """A local endpoint recording the raw deliveries."""

    def __init__(self) -> None:
        self.deliveries: list[tuple[dict[str, str], bytes]] = []

    async def handle(self, request: web.Request) -> web.Response:
        self.deliveries.append((dict(request.headers), await request.read()))
        return web.Response(text="ok")

    def bodies(self, model: str) -> list[dict[str, Any]]:
        parsed = [json.loads(body) for _, body in self.deliveries]
        return [body for body in parsed if body["_model"] == model]


@pytest.fixture
async def receiver(http: aiohttp.ClientSession) -> AsyncIterator[Receiver]:
    receiver = Receiver()
    app = web.Application()
    app.router.add_post("/hooks/odoo", receiver.handle)
    async with TestServer(app, host="127.0.0.1") as server:
        async with http.post(
            "/__sandbox/webhooks", json={"url": str(server.make_url("/hooks/odoo"))}
        ) as response:
            assert response.status == 200
        yield receiver
        async with http.post("/__sandbox/webhooks", json={"url": None}):
            pass


async def delivered(http: aiohttp.ClientSession) -> list[dict[str, Any]]:
    # Reading the delivery log waits for the background deliveries to finish.
    async with http.get("/__sandbox/webhooks") as response:
        log: list[dict[str, Any]] = (await response.json())["deliveries"]
        return log


async def test_confirm_posts_unsigned_quant_and_order_notifications(
    odoo: OdooClient, http: aiohttp.ClientSession, world: World, receiver: Receiver
) -> None:
    # given
    level = next(lv for lv in world.stock if lv.warehouse_id == 1 and lv.available >= 2)
    product_id = next(v.odoo_id for _, v in world.variants() if v.sku == level.sku)
    [order_id] = await odoo.ok(
        "sale.order",
        "create",
        vals_list=[
            {
                "partner_id": world.customers[1].odoo_partner_id,
                "order_line": [[0, 0, {"product_id": product_id, "product_uom_qty": 2}]],
            }
        ],
    )

    # when
    await odoo.ok("sale.order", "action_confirm", ids=[order_id])
    await delivered(http)

    # then
    [quant] = receiver.bodies("stock.quant")
    assert set(quant) == {
        "_action",
        "_id",
        "_model",
        "id",
        "product_id",
        "location_id",
        "quantity",
        "reserved_quantity",
    }
    assert quant["_action"] == "Send Webhook Notification(#11)"
    assert quant["_id"] == quant["id"]
    assert (quant["product_id"], quant["location_id"]) == (product_id, 10)
    assert quant["reserved_quantity"] == level.reserved + 2
    [order] = receiver.bodies("sale.order")
    assert (order["_id"], order["state"], order["_action"]) == (
        order_id,
        "sale",
        "Send Webhook Notification(#12)",
    )
    assert order["partner_id"] == world.customers[1].odoo_partner_id
    for headers, body in receiver.deliveries:
        assert not any("signature" in key.lower() or "hmac" in key.lower() for key in headers)
        assert headers["Content-Type"] == "application/json"
        assert list(json.loads(body)) == sorted(json.loads(body))  # Odoo dumps with sort_keys


async def test_activity_tick_sells_from_a_shelf(
    sandbox: Sandbox, http: aiohttp.ClientSession, receiver: Receiver
) -> None:
    # given
    emulator = sandbox.emulators["odoo"]
    assert emulator.activity is not None

    # when
    await emulator.activity()
    await delivered(http)

    # then
    [quant] = receiver.bodies("stock.quant")
    async with http.post(
        "/json/2/stock.quant/read",
        json={"ids": [quant["id"]], "fields": ["quantity", "reserved_quantity"]},
        headers={"Authorization": f"bearer {emulator.credentials['api_key']}"},
    ) as response:
        [current] = await response.json()
    assert current["quantity"] == quant["quantity"]
    assert current["quantity"] - current["reserved_quantity"] >= 0
