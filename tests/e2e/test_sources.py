"""Which system answers what: the ERP or Shopify for availability, and the PIM's token lifecycle."""

from __future__ import annotations

import asyncio

from sandbox.emulator import EmulatorOptions
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import World
from tests.harness import gateway_config, running_gateway, sandbox_stats, set_faults

VARIANTS = """query($handle: String!) { product(handle: $handle) {
  availableForSale variants(first: 20) { nodes { sku availableForSale quantityAvailable } } } }"""


async def test_shopify_as_stock_source_never_asks_the_erp(clean_sandbox: Sandbox) -> None:
    product = next(p for p in clean_sandbox.world.products if p.published)
    config = gateway_config(clean_sandbox, catalog={"stock_source": "shopify"})
    async with running_gateway(config) as gateway:
        await set_faults(clean_sandbox, "odoo", down=True)

        body = await gateway.query(VARIANTS, {"handle": product.handle})

    assert "errors" not in body
    assert "fallbacks" not in body["extensions"]
    # (the readiness check may read warehouses; stock itself is never asked for)
    assert (
        "POST /json/2/stock.quant/search_read" not in (await sandbox_stats(clean_sandbox))["odoo"]["requests"]
    )
    variants = body["data"]["product"]["variants"]["nodes"]
    assert [v["sku"] for v in variants] == [v.sku for v in product.variants]


async def test_akeneo_tokens_are_refreshed_before_they_expire(world: World) -> None:
    settings = SandboxSettings(port_base=0, options=EmulatorOptions(token_ttl_s=2))
    async with Sandbox(world, settings) as sandbox:
        config = gateway_config(sandbox, cache={"ttl": {"content": 0}, "max_stale_s": 0})
        product = next(p for p in world.products if p.published)
        query = """query($handle: String!) { product(handle: $handle) { content { name } } }"""
        async with running_gateway(config) as gateway:
            for _ in range(3):
                body = await gateway.query(query, {"handle": product.handle})
                assert "errors" not in body, body
                assert body["data"]["product"]["content"]["name"] == product.content.name.en_US
                await asyncio.sleep(1.1)

        requests = (await sandbox_stats(sandbox))["akeneo"]["requests"]
    # a new or refreshed token roughly every 1.6 s (80 % of the 2 s lifetime), never a refused call
    assert requests["POST /api/oauth/v1/token"] >= 2
