"""The gateway's hot calls against the benchmark-sized world: 100 SKUs out of 30,000 variants.

Nothing here is timed (benchmarks report, tests don't time); it shows the indexed path answers
the batch correctly at 10,000 products, 30,000 variants and 90,000 quants.
"""

from __future__ import annotations

import pytest

from sandbox.seed import World, generate

from .odoo_client import OdooClient

BENCH_SIZE = 10_000
BATCH = 100


@pytest.fixture(scope="module")
def world() -> World:
    return generate(BENCH_SIZE)


async def test_100_sku_batches_at_10k_products(odoo: OdooClient, world: World) -> None:
    # given: SKUs spread over the whole catalog
    variants = world.variants()
    wanted = [variant.sku for _, variant in variants[:: len(variants) // BATCH][:BATCH]]
    levels = {(level.sku, level.warehouse_id): level for level in world.stock}

    # when
    products = await odoo.ok(
        "product.product",
        "search_read",
        domain=[["default_code", "in", wanted]],
        fields=["default_code", "qty_available", "free_qty", "virtual_available"],
        context={"warehouse_id": 1},
    )
    quants = await odoo.ok(
        "stock.quant",
        "search_read",
        domain=[["product_id.default_code", "in", wanted], ["location_id.usage", "=", "internal"]],
        fields=[
            "product_id",
            "location_id",
            "warehouse_id",
            "quantity",
            "reserved_quantity",
            "available_quantity",
        ],
    )

    # then
    assert len(world.stock) > 90_000
    assert sorted(p["default_code"] for p in products) == sorted(wanted)
    assert all(p["qty_available"] == levels[p["default_code"], 1].quantity for p in products)
    assert len(quants) == BATCH * len(world.warehouses)
    assert sum(q["quantity"] for q in quants) == sum(
        levels[s, w.id].quantity for s in wanted for w in world.warehouses
    )
