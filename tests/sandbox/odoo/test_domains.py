"""Odoo domain semantics: operators, prefix `&`/`|`/`!`, dotted paths, `False`, ordering and paging."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.seed import World

from .odoo_client import OdooClient


async def ids(odoo: OdooClient, model: str, domain: list[Any], **params: Any) -> list[int]:
    result: list[int] = await odoo.ok(model, "search", domain=domain, **params)
    return result


def stock_of(world: World, warehouse_id: int) -> dict[str, Any]:
    return {level.sku: level for level in world.stock if level.warehouse_id == warehouse_id}


async def test_comparison_and_equality_operators_on_quants(odoo: OdooClient, world: World) -> None:
    # given
    quantities = [level.quantity for level in world.stock]

    # when / then
    assert len(await ids(odoo, "stock.quant", [["quantity", ">", 10]])) == sum(q > 10 for q in quantities)
    assert len(await ids(odoo, "stock.quant", [["quantity", ">=", 10]])) == sum(q >= 10 for q in quantities)
    assert len(await ids(odoo, "stock.quant", [["quantity", "<", 3]])) == sum(q < 3 for q in quantities)
    assert len(await ids(odoo, "stock.quant", [["quantity", "<=", 3]])) == sum(q <= 3 for q in quantities)
    assert len(await ids(odoo, "stock.quant", [["quantity", "=", 0]])) == quantities.count(0)
    assert len(await ids(odoo, "stock.quant", [["quantity", "!=", 0]])) == len(quantities) - quantities.count(
        0
    )


async def test_prefix_operators(odoo: OdooClient, world: World) -> None:
    # given
    berlin, lyon = stock_of(world, 1), stock_of(world, 2)
    empty_in_berlin = {sku for sku, level in berlin.items() if level.quantity == 0}
    empty_in_lyon = {sku for sku, level in lyon.items() if level.quantity == 0}

    async def skus(domain: list[Any]) -> set[str]:
        rows = await odoo.ok("stock.quant", "search_read", domain=domain, fields=["product_id"])
        return {row["product_id"][1].split("]")[0][1:] for row in rows}

    # when
    either = await skus(["&", ["quantity", "=", 0], "|", ["location_id", "=", 10], ["location_id", "=", 20]])
    not_berlin = await ids(odoo, "stock.quant", ["!", ["location_id", "=", 10]])
    implicit_and = await ids(odoo, "stock.quant", [["quantity", "=", 0], ["location_id", "=", 10]])
    negated_or = await ids(
        odoo, "stock.quant", ["!", "|", ["location_id", "=", 10], ["location_id", "=", 20]]
    )

    # then
    assert either == empty_in_berlin | empty_in_lyon
    assert len(not_berlin) == len(world.stock) - len(berlin)
    assert len(implicit_and) == len(empty_in_berlin)
    assert len(negated_or) == len(world.stock) - len(berlin) - len(lyon)


async def test_dotted_paths_through_many2one(odoo: OdooClient, world: World) -> None:
    # given
    sku = world.products[0].variants[0].sku

    # when
    by_sku = await ids(odoo, "stock.quant", [["product_id.default_code", "=", sku]])
    by_warehouse = await ids(odoo, "stock.quant", [["location_id.warehouse_id", "=", 2]])
    by_warehouse_code = await ids(odoo, "stock.quant", [["location_id.warehouse_id.code", "=", "NWK"]])
    internal = await ids(odoo, "stock.quant", [["location_id.usage", "=", "internal"]])
    not_sku = await ids(odoo, "stock.quant", [["product_id.default_code", "!=", sku]])

    # then
    assert len(by_sku) == len(world.warehouses)
    assert len(by_warehouse) == len(by_warehouse_code) == len(world.stock) // len(world.warehouses)
    assert len(internal) == len(world.stock)
    assert len(not_sku) == len(world.stock) - len(world.warehouses)


async def test_like_operators(odoo: OdooClient, world: World) -> None:
    # given
    customer = world.customers[0]
    domain_part = customer.email.split("@")[1]

    # when
    ilike = await ids(odoo, "res.partner", [["email", "ilike", domain_part.upper()]])
    like_wrong_case = await ids(odoo, "res.partner", [["email", "like", domain_part.upper()]])
    exact = await ids(odoo, "res.partner", [["email", "=ilike", customer.email.upper()]])
    pattern = await ids(odoo, "res.partner", [["email", "=like", f"{customer.email.split('.')[0]}.%"]])
    not_ilike = await ids(odoo, "res.partner", [["email", "not ilike", domain_part]])

    # then
    customers_there = [c for c in world.customers if c.email.endswith(domain_part)]
    assert len(ilike) == len(customers_there)
    assert like_wrong_case == []
    assert exact == [customer.odoo_partner_id]
    assert customer.odoo_partner_id in pattern
    assert customer.odoo_partner_id not in not_ilike
    assert len(not_ilike) >= 2  # the company and admin partners have other addresses


async def test_in_not_in_and_false_mean_not_set(odoo: OdooClient, world: World) -> None:
    # given
    cancelled = [o.erp.sale_order_id for o in world.orders if o.erp.state == "cancel"]
    without_tracking = [
        o.erp.delivery_id
        for o in world.orders
        if o.erp.tracking_ref is None and o.erp.delivery_id is not None
    ]

    # when
    not_cancelled = await ids(odoo, "sale.order", [["state", "not in", ["cancel"]]])
    untracked = await ids(odoo, "stock.picking", [["carrier_tracking_ref", "=", False]])
    tracked = await ids(odoo, "stock.picking", [["carrier_tracking_ref", "!=", False]])
    empty_in = await ids(odoo, "stock.picking", [["id", "in", []]])

    # then
    assert sorted(not_cancelled) == sorted(
        o.erp.sale_order_id for o in world.orders if o.erp.state != "cancel"
    )
    assert set(cancelled).isdisjoint(not_cancelled)
    assert sorted(untracked) == sorted(without_tracking)
    assert len(tracked) == len(world.orders) - len(without_tracking)
    assert empty_in == []


async def test_many2one_compared_with_a_name_searches_names(odoo: OdooClient, world: World) -> None:
    # when
    by_name = await ids(odoo, "stock.quant", [["warehouse_id", "=", "Lyon Sud"]])
    by_code_prefix = await ids(
        odoo, "stock.quant", [["product_id", "ilike", world.products[0].variants[0].sku]]
    )

    # then
    assert len(by_name) == len(world.stock) // len(world.warehouses)
    assert len(by_code_prefix) == len(world.warehouses)


async def test_any_operator_and_archived_records(odoo: OdooClient) -> None:
    # when
    with_internal = await ids(
        odoo, "stock.quant", [["location_id", "any", [["usage", "=", "internal"]]]], limit=5
    )
    partners = await ids(odoo, "res.partner", [["email", "=", "odoobot@example.com"]])
    archived = await ids(odoo, "res.partner", [["email", "=", "odoobot@example.com"], ["active", "=", False]])
    no_active_test = await odoo.ok(
        "res.partner",
        "search",
        domain=[["email", "=", "odoobot@example.com"]],
        context={"active_test": False},
    )

    # then
    assert len(with_internal) == 5
    assert partners == []
    assert archived == no_active_test == [2]


async def test_fields_limit_offset_and_order(odoo: OdooClient, world: World) -> None:
    # when
    first = await odoo.ok(
        "stock.quant", "search_read", domain=[], fields=["quantity"], order="quantity desc, id", limit=5
    )
    page = await odoo.ok(
        "stock.quant",
        "search_read",
        domain=[],
        fields=["quantity"],
        order="quantity desc, id",
        offset=2,
        limit=2,
    )
    by_default = await ids(odoo, "sale.order", [], limit=3)
    by_ref = await odoo.ok(
        "sale.order",
        "search_read",
        domain=[],
        fields=["client_order_ref"],
        order="client_order_ref asc",
        limit=2,
    )

    # then
    quantities = sorted((level.quantity for level in world.stock), reverse=True)
    assert [row["quantity"] for row in first] == quantities[:5]
    assert set(first[0]) == {"id", "quantity"}
    assert page == first[2:4]
    newest = sorted(world.orders, key=lambda o: (o.created_at, o.erp.sale_order_id), reverse=True)
    assert by_default == [o.erp.sale_order_id for o in newest[:3]]
    assert [row["client_order_ref"] for row in by_ref] == sorted(o.name for o in world.orders)[:2]


async def test_search_count_and_read(odoo: OdooClient, world: World) -> None:
    # when
    count = await odoo.ok("product.product", "search_count", domain=[["default_code", "like", "TEE-"]])
    capped = await odoo.ok("product.product", "search_count", domain=[], limit=7)
    variant = world.products[0].variants[0]
    read = await odoo.ok(
        "product.product",
        "read",
        ids=[variant.odoo_id],
        fields=["default_code", "product_tmpl_id"],
        load=None,
    )

    # then
    assert count == sum(1 for _, v in world.variants() if v.sku.startswith("TEE-"))
    assert capped == 7
    assert read == [
        {
            "id": variant.odoo_id,
            "default_code": variant.sku,
            "product_tmpl_id": world.products[0].odoo_template_id,
        }
    ]


async def test_datetime_compared_with_a_date_covers_the_whole_day(odoo: OdooClient, world: World) -> None:
    # given
    order = world.orders[0]
    day = order.created_at.strftime("%Y-%m-%d")

    # when
    same_day = await ids(odoo, "sale.order", [["date_order", "=", day]])
    after = await ids(odoo, "sale.order", [["date_order", ">", day]])
    until = await ids(odoo, "sale.order", [["date_order", "<=", day]])

    # then
    assert order.erp.sale_order_id in same_day
    assert order.erp.sale_order_id in until
    assert order.erp.sale_order_id not in after
    assert len(after) + len(until) == len(world.orders)


@pytest.mark.parametrize(
    ("domain", "message"),
    [
        ([["name", "=", "x", "y"]], "Domain() invalid item in domain: ['name', '=', 'x', 'y']"),
        ([42], "Domain() invalid item in domain: 42"),
        ([["", "=", 1]], "Empty field name in condition ('', '=', 1)"),
        (
            [["quantity", "any", [["x", "=", 1]]]],
            "Cannot use 'any' with non-relational fields in condition ('quantity', 'any', [['x', '=', 1]])",
        ),
    ],
)
async def test_more_invalid_domains(odoo: OdooClient, domain: list[Any], message: str) -> None:
    reply = await odoo.json2("stock.quant", "search", domain=domain)
    assert reply.status == 500
    assert reply.body["message"] == message
