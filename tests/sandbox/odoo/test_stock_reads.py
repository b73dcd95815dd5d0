"""The gateway's stock reads over JSON-2: warehouses, variants by SKU and quants per location."""

from __future__ import annotations

import re

from sandbox.seed import World

from .odoo_client import OdooClient

DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
QUANT_FIELDS = [
    "product_id",
    "location_id",
    "warehouse_id",
    "quantity",
    "reserved_quantity",
    "available_quantity",
]


def skus(world: World, count: int) -> list[str]:
    return [variant.sku for _, variant in world.variants()[:count]]


async def test_warehouses_read_with_many2one_pairs(odoo: OdooClient, world: World) -> None:
    # when
    warehouses = await odoo.ok(
        "stock.warehouse",
        "search_read",
        domain=[],
        fields=["name", "code", "lot_stock_id", "view_location_id", "company_id"],
    )

    # then
    assert [w["code"] for w in warehouses] == [w.code for w in world.warehouses]
    berlin = warehouses[0]
    first = world.warehouses[0]
    assert berlin == {
        "id": first.id,
        "name": first.name,
        "code": first.code,
        "lot_stock_id": [first.location_id, f"{first.code}/Stock"],
        "view_location_id": [first.location_id - 1, first.code],
        "company_id": [1, "Northwind Outfitters"],
    }


async def test_variants_by_sku_carry_stock_figures(odoo: OdooClient, world: World) -> None:
    # given
    wanted = skus(world, 5)
    levels = {(level.sku, level.warehouse_id): level for level in world.stock}

    # when
    products = await odoo.ok(
        "product.product",
        "search_read",
        domain=[["default_code", "in", wanted]],
        fields=[
            "default_code",
            "qty_available",
            "free_qty",
            "virtual_available",
            "product_tmpl_id",
            "barcode",
        ],
    )
    in_berlin = await odoo.ok(
        "product.product",
        "search_read",
        domain=[["default_code", "in", wanted]],
        fields=["default_code", "qty_available", "free_qty"],
        context={"warehouse_id": 1},
    )

    # then
    assert sorted(p["default_code"] for p in products) == sorted(wanted)
    for product in products:
        sku = product["default_code"]
        on_hand = sum(levels[sku, w.id].quantity for w in world.warehouses)
        free = sum(levels[sku, w.id].available for w in world.warehouses)
        assert product["qty_available"] == float(on_hand)
        assert product["free_qty"] == float(free)
        assert isinstance(product["product_tmpl_id"], list)
        assert len(product["product_tmpl_id"]) == 2
        assert product["barcode"].startswith("400")
    for product in in_berlin:
        level = levels[product["default_code"], 1]
        assert (product["qty_available"], product["free_qty"]) == (
            float(level.quantity),
            float(level.available),
        )


async def test_stock_context_accepts_names_and_locations(odoo: OdooClient, world: World) -> None:
    # given
    sku = skus(world, 1)
    level = next(lv for lv in world.stock if lv.sku == sku[0] and lv.warehouse_id == 2)
    domain = [["default_code", "=", sku[0]]]

    # when
    by_name = await odoo.ok(
        "product.product",
        "search_read",
        domain=domain,
        fields=["qty_available"],
        context={"warehouse_id": "Lyon"},
    )
    by_location = await odoo.ok(
        "product.product", "search_read", domain=domain, fields=["qty_available"], context={"location": 20}
    )
    by_view = await odoo.ok(
        "product.product", "search_read", domain=domain, fields=["qty_available"], context={"location": 19}
    )

    # then
    assert (
        by_name[0]["qty_available"]
        == by_location[0]["qty_available"]
        == by_view[0]["qty_available"]
        == level.quantity
    )


async def test_quants_of_skus_in_internal_locations(odoo: OdooClient, world: World) -> None:
    # given
    wanted = skus(world, 3)

    # when
    quants = await odoo.ok(
        "stock.quant",
        "search_read",
        domain=[["product_id.default_code", "in", wanted], ["location_id.usage", "=", "internal"]],
        fields=[*QUANT_FIELDS, "in_date", "lot_id", "company_id"],
    )

    # then
    assert len(quants) == len(wanted) * len(world.warehouses)
    levels = {(lv.sku, lv.warehouse_id): lv for lv in world.stock}
    for quant in quants:
        _product_id, product_name = quant["product_id"]
        sku = re.match(r"^\[(.+?)\] ", product_name)
        assert sku is not None
        assert sku[1] in wanted
        warehouse_id, _warehouse_name = quant["warehouse_id"]
        level = levels[sku[1], warehouse_id]
        assert quant["location_id"][1].endswith("/Stock")
        assert quant["quantity"] == float(level.quantity)
        assert quant["reserved_quantity"] == float(level.reserved)
        assert quant["available_quantity"] == float(level.available)
        assert quant["lot_id"] is False
        assert DATETIME.match(quant["in_date"])
        assert isinstance(quant["quantity"], float)


async def test_variant_names_follow_the_context_language(odoo: OdooClient, world: World) -> None:
    # given
    product = next(p for p in world.products if len(p.colours) > 1)
    variant = product.variants[0]

    # when
    english, french = [
        await odoo.ok(
            "product.product",
            "read",
            ids=[variant.odoo_id],
            fields=["display_name", "name"],
            context={"lang": lang},
        )
        for lang in ("en_US", "fr_FR")
    ]

    # then
    assert english[0]["name"] == product.title.en_US
    assert french[0]["name"] == product.title.fr_FR
    assert english[0]["display_name"].startswith(
        f"[{variant.sku}] {product.title.en_US} ({variant.colour.en}"
    )
    assert french[0]["display_name"].startswith(f"[{variant.sku}] {product.title.fr_FR} ({variant.colour.fr}")


async def test_empty_values_are_false_and_dates_are_utc_strings(odoo: OdooClient) -> None:
    # when
    orders = await odoo.ok(
        "sale.order",
        "search_read",
        domain=[["state", "=", "sale"]],
        fields=["name", "commitment_date", "date_order", "partner_id", "order_line", "client_order_ref"],
        limit=1,
    )

    # then
    order = orders[0]
    assert order["commitment_date"] is False
    assert DATETIME.match(order["date_order"])
    assert isinstance(order["partner_id"], list)
    assert isinstance(order["partner_id"][1], str)
    assert order["order_line"]
    assert all(isinstance(i, int) for i in order["order_line"])
    assert order["client_order_ref"].startswith("#")
