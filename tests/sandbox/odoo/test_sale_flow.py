"""Orders through the ERP: create, confirm (reserving stock), cancel (releasing it), deliver.

Each test orders different variants, so the module's shared emulator stays predictable.
"""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.seed import StockLevel, World

from .odoo_client import OdooClient

BERLIN, BERLIN_STOCK = 1, 10


def stocked(world: World, index: int, min_free: int = 4) -> StockLevel:
    """The index-th variant with at least `min_free` free units in Berlin (distinct per test)."""
    levels = [lv for lv in world.stock if lv.warehouse_id == BERLIN and lv.available >= min_free]
    return levels[index]


def variant_id(world: World, sku: str) -> int:
    return next(v.odoo_id for _, v in world.variants() if v.sku == sku)


async def quant(odoo: OdooClient, product_id: int) -> dict[str, Any]:
    rows = await odoo.ok(
        "stock.quant",
        "search_read",
        domain=[["product_id", "=", product_id], ["location_id", "=", BERLIN_STOCK]],
        fields=["quantity", "reserved_quantity", "available_quantity"],
    )
    assert len(rows) == 1
    return rows[0]  # type: ignore[no-any-return]


async def new_order(
    odoo: OdooClient, world: World, lines: list[tuple[int, float]], ref: str = "#9001"
) -> int:
    ids = await odoo.ok(
        "sale.order",
        "create",
        vals_list=[
            {
                "partner_id": world.customers[0].odoo_partner_id,
                "client_order_ref": ref,
                "order_line": [[0, 0, {"product_id": pid, "product_uom_qty": qty}] for pid, qty in lines],
            }
        ],
    )
    assert len(ids) == 1
    return int(ids[0])


async def test_create_builds_a_draft_quotation_priced_from_the_product(
    odoo: OdooClient, world: World
) -> None:
    # given
    level = stocked(world, 0)
    product_id = variant_id(world, level.sku)

    # when
    order_id = await new_order(odoo, world, [(product_id, 2)])
    [order] = await odoo.ok(
        "sale.order",
        "read",
        ids=[order_id],
        fields=[
            "name",
            "state",
            "partner_id",
            "order_line",
            "amount_total",
            "amount_untaxed",
            "warehouse_id",
            "picking_ids",
        ],
    )
    [line] = await odoo.ok(
        "sale.order.line",
        "read",
        ids=order["order_line"],
        fields=["product_id", "price_unit", "price_total", "name"],
    )

    # then
    price = next(float(v.price) for _, v in world.variants() if v.sku == level.sku)
    assert order["name"] == f"S{order_id:05d}"
    assert order["state"] == "draft"
    assert order["picking_ids"] == []
    assert order["warehouse_id"] == [BERLIN, "Berlin Central"]
    assert line["price_unit"] == price
    assert order["amount_total"] == line["price_total"] == round(2 * price, 2)
    assert order["amount_untaxed"] == round(2 * price / 1.2, 2)
    assert line["name"].startswith(f"[{level.sku}] ")


async def test_confirm_reserves_and_cancel_releases(odoo: OdooClient, world: World) -> None:
    # given
    level = stocked(world, 1)
    product_id = variant_id(world, level.sku)
    before = await quant(odoo, product_id)
    order_id = await new_order(odoo, world, [(product_id, 2), (product_id, 1)])

    # when
    confirmed = await odoo.ok("sale.order", "action_confirm", ids=[order_id])
    reserved = await quant(odoo, product_id)
    [order] = await odoo.ok(
        "sale.order", "read", ids=[order_id], fields=["state", "picking_ids", "delivery_status"]
    )
    [picking] = await odoo.ok(
        "stock.picking",
        "read",
        ids=order["picking_ids"],
        fields=["name", "state", "origin", "move_ids", "picking_type_code"],
    )
    [product] = await odoo.ok(
        "product.product",
        "read",
        ids=[product_id],
        fields=["free_qty", "outgoing_qty"],
        context={"warehouse_id": BERLIN},
    )

    # then
    assert confirmed is True
    assert reserved["reserved_quantity"] == before["reserved_quantity"] + 3
    assert reserved["quantity"] == before["quantity"]
    assert order["state"] == "sale"
    assert order["delivery_status"] == "pending"
    assert picking["state"] == "assigned"
    assert picking["picking_type_code"] == "outgoing"
    assert picking["name"].startswith("BER/OUT/")
    assert len(picking["move_ids"]) == 2
    assert product["free_qty"] == reserved["available_quantity"]
    assert product["outgoing_qty"] >= 3

    # when
    cancelled = await odoo.ok("sale.order", "action_cancel", ids=[order_id])
    released = await quant(odoo, product_id)
    [picking_after] = await odoo.ok("stock.picking", "read", ids=order["picking_ids"], fields=["state"])
    [order_after] = await odoo.ok("sale.order", "read", ids=[order_id], fields=["state"])

    # then
    assert cancelled is True
    assert released == before
    assert picking_after["state"] == "cancel"
    assert order_after["state"] == "cancel"


async def test_insufficient_stock_refuses_the_whole_order(odoo: OdooClient, world: World) -> None:
    # given: one line that fits, one that does not
    fits, short = stocked(world, 2), stocked(world, 3)
    fits_id, short_id = variant_id(world, fits.sku), variant_id(world, short.sku)
    before = (await quant(odoo, fits_id), await quant(odoo, short_id))
    order_id = await new_order(odoo, world, [(fits_id, 1), (short_id, short.available + 5)])
    pickings_before = await odoo.ok("stock.picking", "search_count", domain=[])

    # when
    reply = await odoo.json2("sale.order", "action_confirm", ids=[order_id])

    # then
    assert reply.status == 422
    assert reply.body["name"] == "odoo.exceptions.UserError"
    assert f"[{short.sku}]" in reply.body["message"]
    assert f"[{fits.sku}]" not in reply.body["message"]
    assert (await quant(odoo, fits_id), await quant(odoo, short_id)) == before
    [order] = await odoo.ok("sale.order", "read", ids=[order_id], fields=["state", "picking_ids"])
    assert order == {"id": order_id, "state": "draft", "picking_ids": []}
    assert await odoo.ok("stock.picking", "search_count", domain=[]) == pickings_before


async def test_confirming_twice_is_refused(odoo: OdooClient, world: World) -> None:
    product_id = variant_id(world, stocked(world, 4).sku)
    order_id = await new_order(odoo, world, [(product_id, 1)])
    await odoo.ok("sale.order", "action_confirm", ids=[order_id])

    reply = await odoo.json2("sale.order", "action_confirm", ids=[order_id])

    assert reply.status == 422
    assert (
        reply.body["message"]
        == f"The following orders are not in a state requiring confirmation: S{order_id:05d}"
    )


async def test_validating_the_delivery_takes_stock_off_the_shelf(odoo: OdooClient, world: World) -> None:
    # given
    product_id = variant_id(world, stocked(world, 5).sku)
    before = await quant(odoo, product_id)
    order_id = await new_order(odoo, world, [(product_id, 2)])
    await odoo.ok("sale.order", "action_confirm", ids=[order_id])
    [order] = await odoo.ok("sale.order", "read", ids=[order_id], fields=["picking_ids", "order_line"])

    # when
    validated = await odoo.ok("stock.picking", "button_validate", ids=order["picking_ids"])

    # then
    assert validated is True
    after = await quant(odoo, product_id)
    assert after["quantity"] == before["quantity"] - 2
    assert after["reserved_quantity"] == before["reserved_quantity"]
    [picking] = await odoo.ok(
        "stock.picking", "read", ids=order["picking_ids"], fields=["state", "date_done"]
    )
    assert picking["state"] == "done"
    assert isinstance(picking["date_done"], str)
    [line] = await odoo.ok("sale.order.line", "read", ids=order["order_line"], fields=["qty_delivered"])
    assert line["qty_delivered"] == 2.0
    [status] = await odoo.ok("sale.order", "read", ids=[order_id], fields=["delivery_status"])
    assert status["delivery_status"] == "full"


async def test_write_updates_fields_and_commands(odoo: OdooClient, world: World) -> None:
    # given
    first, second = (variant_id(world, stocked(world, i).sku) for i in (6, 7))
    order_id = await new_order(odoo, world, [(first, 1)])

    # when
    written = await odoo.ok(
        "sale.order",
        "write",
        ids=[order_id],
        vals={
            "client_order_ref": "#9002",
            "commitment_date": "2026-09-01",
            "order_line": [[0, 0, {"product_id": second, "product_uom_qty": 3}]],
        },
    )

    # then
    assert written is True
    [order] = await odoo.ok(
        "sale.order", "read", ids=[order_id], fields=["client_order_ref", "commitment_date", "order_line"]
    )
    assert order["client_order_ref"] == "#9002"
    assert order["commitment_date"] == "2026-09-01 00:00:00"
    assert len(order["order_line"]) == 2


@pytest.mark.parametrize(
    ("model", "method", "params", "status", "name", "message"),
    [
        (
            "sale.order",
            "create",
            {"vals_list": [{"client_order_ref": "#x"}]},
            422,
            "odoo.exceptions.ValidationError",
            "The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model "
            "requires the record being deleted. If possible, archive it instead.\n\nModel: Sales Order (sale.order)\n"
            "Field: Customer (partner_id)\n",
        ),
        (
            "sale.order",
            "create",
            {"vals_list": [{"partner_id": 999_999}]},
            422,
            "odoo.exceptions.ValidationError",
            "The operation cannot be completed: another model requires the record being deleted. If possible, archive "
            "it instead.\n\nModel: Sales Order (sale.order)\nConstraint: sale_order_partner_id_fkey\n",
        ),
        (
            "sale.order",
            "create",
            {"vals_list": [{"partner_id": 100, "shopify_id": 5}]},
            500,
            "builtins.ValueError",
            "Invalid field 'shopify_id' in 'sale.order'",
        ),
        (
            "sale.order",
            "create",
            {"vals_list": [{"partner_id": 100, "order_line": [[0, 0, {"product_uom_qty": 1}]]}]},
            422,
            "odoo.exceptions.ValidationError",
            "Missing required fields on accountable sale order line.",
        ),
        (
            "sale.order",
            "create",
            {"vals_list": [{"partner_id": 100, "state": "shipped"}]},
            500,
            "builtins.ValueError",
            "Wrong value for sale.order.state: 'shipped'",
        ),
        (
            "stock.quant",
            "create",
            {"vals_list": [{"product_id": 1, "location_id": 10, "quantity": 5}]},
            403,
            "odoo.exceptions.AccessError",
            "You are not allowed to create 'Quants' (stock.quant) records.\n\nThis operation is allowed for the "
            "following groups:\n\t- Inventory / Administrator\n\nContact your administrator to request access if necessary.",
        ),
        (
            "sale.order",
            "write",
            {"ids": [999_999], "vals": {"client_order_ref": "#x"}},
            404,
            "odoo.exceptions.MissingError",
            "Record does not exist or has been deleted.\n(Record: sale.order(999999,), User: 6)",
        ),
        (
            "sale.order",
            "create",
            {"ids": [1], "vals_list": [{"partner_id": 100}]},
            422,
            "werkzeug.exceptions.UnprocessableEntity",
            "cannot call sale.order.create with ids",
        ),
    ],
)
async def test_refused_writes(
    odoo: OdooClient, model: str, method: str, params: dict[str, Any], status: int, name: str, message: str
) -> None:
    # given
    orders_before = await odoo.ok("sale.order", "search_count", domain=[])

    # when
    reply = await odoo.json2(model, method, **params)

    # then
    assert (reply.status, reply.body["name"], reply.body["message"]) == (status, name, message)
    assert await odoo.ok("sale.order", "search_count", domain=[]) == orders_before
