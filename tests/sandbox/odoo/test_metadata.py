"""Self-description and helpers: versions, `context_get`, `fields_get`, `name_search`, `formatted_read_group`."""

from __future__ import annotations

import aiohttp

from sandbox.seed import World

from .odoo_client import OdooClient


async def test_server_version(http: aiohttp.ClientSession) -> None:
    for path in ("/web/version", "/json/version"):
        async with http.get(path) as response:
            assert await response.json() == {"version_info": [19, 0, 0, "final", 0, ""], "version": "19.0"}


async def test_context_get_tells_the_caller_its_uid(odoo: OdooClient) -> None:
    assert await odoo.ok("res.users", "context_get") == {"lang": "en_US", "tz": "Europe/Berlin", "uid": 6}


async def test_fields_get_describes_fields_with_the_asked_attributes(odoo: OdooClient) -> None:
    # when
    everything = await odoo.ok("sale.order", "fields_get")
    some = await odoo.ok(
        "sale.order",
        "fields_get",
        allfields=["state", "partner_id"],
        attributes=["type", "relation", "selection"],
    )

    # then
    assert everything["partner_id"]["type"] == "many2one"
    assert everything["partner_id"]["relation"] == "res.partner"
    assert everything["partner_id"]["required"] is True
    assert everything["amount_total"]["store"] is False
    assert set(some) == {"state", "partner_id"}
    assert some["partner_id"] == {"type": "many2one", "relation": "res.partner"}
    assert ["sale", "Sales Order"] in some["state"]["selection"]


async def test_name_search_returns_id_name_pairs(odoo: OdooClient) -> None:
    pairs = await odoo.ok("stock.location", "name_search", name="stock", limit=10)
    assert pairs == [[10, "BER/Stock"], [20, "LYS/Stock"], [30, "NWK/Stock"]]


async def test_formatted_read_group_sums_quants_per_location(odoo: OdooClient, world: World) -> None:
    # when
    groups = await odoo.ok(
        "stock.quant",
        "formatted_read_group",
        domain=[["location_id.usage", "=", "internal"]],
        groupby=["location_id"],
        aggregates=["quantity:sum", "reserved_quantity:sum", "__count"],
    )

    # then
    expected = {
        w.location_id: sum(lv.quantity for lv in world.stock if lv.warehouse_id == w.id)
        for w in world.warehouses
    }
    assert [group["location_id"] for group in groups] == [
        [10, "BER/Stock"],
        [20, "LYS/Stock"],
        [30, "NWK/Stock"],
    ]
    for group in groups:
        location_id = group["location_id"][0]
        assert group["quantity:sum"] == expected[location_id]
        assert group["__count"] == len(world.stock) // len(world.warehouses)
        assert group["__extra_domain"] == [["location_id", "=", location_id]]


async def test_formatted_read_group_by_two_fields_with_having_and_order(
    odoo: OdooClient, world: World
) -> None:
    # given
    sku = world.products[0].variants[0].sku

    # when
    groups = await odoo.ok(
        "stock.quant",
        "formatted_read_group",
        domain=[["product_id.default_code", "=", sku]],
        groupby=["product_id", "location_id"],
        aggregates=["quantity:sum"],
        having=[["quantity:sum", ">", 0]],
        order="quantity:sum desc",
    )

    # then
    levels = sorted(
        (lv for lv in world.stock if lv.sku == sku and lv.quantity > 0), key=lambda lv: -lv.quantity
    )
    assert [group["quantity:sum"] for group in groups] == [float(lv.quantity) for lv in levels]
    assert all(group["__extra_domain"][0] == "&" for group in groups)


async def test_formatted_read_group_refuses_bad_specs(odoo: OdooClient) -> None:
    not_stored = await odoo.json2("stock.quant", "formatted_read_group", domain=[], groupby=["warehouse_id"])
    no_method = await odoo.json2("stock.quant", "formatted_read_group", domain=[], aggregates=["quantity"])
    assert (not_stored.status, not_stored.body["message"]) == (
        500,
        "Field stock.quant.warehouse_id cannot be used in groupby",
    )
    assert no_method.body["message"] == "Aggregate method is mandatory for 'quantity'"
