"""Odoo sends no event id: a stock notification equal to an earlier one is a new change, never a repeat."""

from __future__ import annotations

from typing import Any

import aiohttp

from sandbox.runner import Sandbox
from sandbox.seed import World
from tests.harness import Gateway

from .deliveries import Deliveries, odoo_quant

STOCK = """query($handle: String!) { product(handle: $handle) { variants(first: 20) { nodes { sku stock { available } } } } }"""


async def _odoo(sandbox: Sandbox, model: str, method: str, **params: Any) -> Any:
    odoo = sandbox.backends_config()["odoo"]
    headers = {"Authorization": f"bearer {odoo['api_key']}", "X-Odoo-Database": odoo["database"]}
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{odoo['url']}/json/2/{model}/{method}", json=params, headers=headers) as response,
    ):
        assert response.status == 200, await response.text()
        return await response.json()


async def _available(gateway: Gateway, handle: str, sku: str) -> int:
    data = await gateway.data(STOCK, {"handle": handle})
    variant = next(v for v in data["product"]["variants"]["nodes"] if v["sku"] == sku)
    available: int = variant["stock"]["available"]
    return available


async def test_a_stock_level_back_to_an_earlier_value_still_refreshes(
    gateway: Gateway, deliveries: Deliveries, hooked_sandbox: Sandbox, shop: World
) -> None:
    product, variant = next(
        (p, v)
        for p, v in shop.variants()
        if p.published and min(lv.available for lv in shop.stock if lv.sku == v.sku) >= 3
    )
    first = await _available(gateway, product.handle, variant.sku)
    level_a, level_b = odoo_quant(variant.odoo_id, 5.0), odoo_quant(variant.odoo_id, 3.0)
    assert (await deliveries.post("odoo", level_a)).status == 200
    assert (await deliveries.post("odoo", level_b)).status == 200
    assert await _available(gateway, product.handle, variant.sku) == first  # cached again

    # when: the ERP reserves two units and its notification's body equals the first one (A→B→A)
    [order] = await _odoo(
        hooked_sandbox,
        "sale.order",
        "create",
        vals_list=[
            {
                "partner_id": shop.customers[0].odoo_partner_id,
                "order_line": [[0, 0, {"product_id": variant.odoo_id, "product_uom_qty": 2}]],
            }
        ],
    )
    await _odoo(hooked_sandbox, "sale.order", "action_confirm", ids=[order])
    again = await deliveries.post("odoo", level_a)

    # then: it is processed like any other, and the gateway serves the new figure at once
    assert (again.status, again.json()) == (200, {"accepted": 1, "duplicates": 0})
    assert await _available(gateway, product.handle, variant.sku) == first - 2
