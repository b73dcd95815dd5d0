"""A 100-SKU batch read against a benchmark-sized PIM (10,000 products, about 30,000 variants).

This shows the batch works at that size; how fast it answers is the benchmarks' business.
"""

from __future__ import annotations

import aiohttp

from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate

from .conftest import PRODUCTS, fetch_token, search


async def test_hundred_sku_batch_at_ten_thousand_products() -> None:
    # given
    world = generate(10_000)
    picked = world.variants()[::300][:100]
    skus = [variant.sku for _, variant in picked]
    assert len(skus) == 100

    async with (
        Sandbox(world, SandboxSettings(port_base=0, vendors=("akeneo",))) as sandbox,
        aiohttp.ClientSession(sandbox.urls["akeneo"]) as http,
    ):
        token = await fetch_token(http, sandbox.emulators["akeneo"].credentials)

        # when
        async with http.get(
            PRODUCTS,
            params={
                "search": search(sku=[{"operator": "IN", "value": skus}]),
                "limit": "100",
                "locales": "en_US,fr_FR",
                "scope": "ecommerce",
                "with_attribute_options": "true",
            },
            headers={"Authorization": f"Bearer {token['access_token']}"},
        ) as response:
            status = response.status
            body = await response.json()

    # then
    assert status == 200
    assert {item["values"]["sku"][0]["data"] for item in body["_embedded"]["items"]} == set(skus)
