"""The Odoo orders connector: a batch of Shopify order names in 3 + 2 search_reads (4 when both are asked
at once, sharing the sale orders), and Odoo's answers.

Against the running emulator (the seeded world's sale orders, deliveries, moves and invoices),
counted by its own `/__sandbox/stats`; the shapes Odoo must not answer are scripted on the
loopback upstream, which keeps every request it gets.
"""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from gateway.backends.http.errors import BackendBadResponse, BackendUnavailable
from gateway.backends.odoo.orders import MOVE_FIELDS, PICKING_FIELDS, SALE_ORDER_FIELDS, OdooOrders
from gateway.models.orders import DeliveryLine
from sandbox.odoo import base_records
from sandbox.runner import Sandbox
from sandbox.seed import Order
from tests.backends.http.conftest import Upstream
from tests.harness import sandbox_stats, set_faults

from .conftest import OrdersFactory

SALE_ORDERS = "POST /json/2/sale.order/search_read"
PICKINGS = "POST /json/2/stock.picking/search_read"
MOVES = "POST /json/2/stock.move/search_read"
INVOICES = "POST /json/2/account.move/search_read"


async def requests(sandbox: Sandbox) -> dict[str, int]:
    counted: dict[str, int] = (await sandbox_stats(sandbox))["odoo"]["requests"]
    return counted


def seeded(sandbox: Sandbox, count: int) -> list[Order]:
    """`count` orders of every kind the seed makes: shipped, waiting, cancelled, paid and not."""
    orders = sandbox.world.orders
    kinds = {(o.erp.delivery_state, o.erp.payment_state, o.erp.carrier): o for o in orders}
    chosen = list(kinds.values())[:count]
    assert {o.erp.delivery_state for o in chosen} >= {"done", "assigned"}, "the seed has every kind"
    return chosen


# --- against the emulator --------------------------------------------------------------------------------


async def test_a_batch_of_orders_is_three_calls_for_fulfilment_and_two_for_invoices(
    emulator: Sandbox, orders: OdooOrders
) -> None:
    batch = seeded(emulator, 8)
    names = [order.name for order in batch]

    fulfilments = await orders.fulfilment_by_order_names(names)
    invoices = await orders.invoices_by_order_names(names)

    assert set(fulfilments) == set(invoices) == set(names)
    assert await requests(emulator) == {SALE_ORDERS: 2, PICKINGS: 1, MOVES: 1, INVOICES: 1}


async def test_fulfilment_and_invoices_asked_at_once_share_their_sale_order_read(
    emulator: Sandbox, orders: OdooOrders
) -> None:
    batch = seeded(emulator, 8)
    names = [order.name for order in batch]
    # An order page asks both at once, and a third request asks for some of the same orders.
    fulfilments, invoices, some = await asyncio.gather(
        orders.fulfilment_by_order_names(names),
        orders.invoices_by_order_names(names),
        orders.invoices_by_order_names(names[:3]),
    )

    assert set(fulfilments) == set(invoices) == set(names)
    assert set(some) == set(names[:3])
    assert some == {name: invoices[name] for name in names[:3]}
    assert (await requests(emulator))[SALE_ORDERS] == 1


async def test_a_failed_shared_read_fails_every_reader_and_is_not_kept(
    emulator: Sandbox, orders: OdooOrders
) -> None:
    names = [order.name for order in seeded(emulator, 8)]
    await set_faults(emulator, "odoo", down=True)

    outcomes = await asyncio.gather(
        orders.fulfilment_by_order_names(names), orders.invoices_by_order_names(names), return_exceptions=True
    )
    await set_faults(emulator, "odoo", down=False)

    assert all(isinstance(outcome, BackendUnavailable) for outcome in outcomes)
    assert set(await orders.invoices_by_order_names(names)) == set(names)


async def test_fulfilment_is_what_the_erp_holds(emulator: Sandbox, orders: OdooOrders) -> None:
    batch = seeded(emulator, 8)

    found = await orders.fulfilment_by_order_names([order.name for order in batch])

    for order in batch:
        erp = order.erp
        fulfilment = found[order.name]
        assert (fulfilment.order_name, fulfilment.reference, fulfilment.state) == (
            order.name,
            erp.sale_order_name,
            erp.state,
        )
        (delivery,) = fulfilment.deliveries
        done = erp.delivery_state == "done"
        assert (delivery.name, delivery.state, delivery.carrier, delivery.tracking_number) == (
            erp.delivery_name,
            erp.delivery_state,
            erp.carrier,
            erp.tracking_ref,
        )
        template = base_records.CARRIERS[erp.carrier][2]
        expected_url = template.format(ref=erp.tracking_ref) if template and erp.tracking_ref else None
        assert delivery.tracking_url == expected_url
        assert delivery.scheduled_at == order.created_at.replace(microsecond=0) + timedelta(days=1)
        assert delivery.shipped_at == (
            order.created_at.replace(microsecond=0) + timedelta(days=2) if done else None
        )
        assert delivery.lines == tuple(
            DeliveryLine(line.sku, line.quantity, line.quantity if done else 0, 0) for line in order.lines
        )


async def test_invoices_are_what_the_erp_issued(emulator: Sandbox, orders: OdooOrders) -> None:
    batch = seeded(emulator, 8)

    found = await orders.invoices_by_order_names([order.name for order in batch])

    for order in batch:
        erp = order.erp
        invoices = found[order.name].invoices
        if erp.invoice_name is None:  # a cancelled order was never invoiced
            assert invoices == ()
            continue
        (invoice,) = invoices
        day = order.created_at.date()
        total = sum(line.unit_price * line.quantity for line in order.lines)
        assert (invoice.number, invoice.state, invoice.payment_state, invoice.currency) == (
            erp.invoice_name,
            "posted",
            erp.payment_state,
            "EUR",
        )
        assert (invoice.issued_on, invoice.due_on) == (day, day + timedelta(days=30))
        assert invoice.amount_total == total
        assert invoice.amount_untaxed + invoice.amount_tax == invoice.amount_total
        # The shop's one tax is 20 % included in the price.
        assert abs(invoice.amount_untaxed * Decimal("1.2") - total) <= Decimal("0.01") * len(order.lines)


async def test_an_order_the_erp_does_not_know_has_no_fulfilment_and_costs_one_call(
    emulator: Sandbox, orders: OdooOrders
) -> None:
    fulfilments = await orders.fulfilment_by_order_names(["#999999"])
    invoices = await orders.invoices_by_order_names(["#999999"])

    assert (fulfilments, invoices) == ({}, {})
    assert await requests(emulator) == {SALE_ORDERS: 2}


async def test_an_unknown_name_beside_known_ones_leaves_only_itself_out(
    emulator: Sandbox, orders: OdooOrders
) -> None:
    known = emulator.world.orders[0].name

    found = await orders.fulfilment_by_order_names([known, "#999999"])

    assert set(found) == {known}


async def test_an_outage_is_unavailable(emulator: Sandbox, orders: OdooOrders) -> None:
    await set_faults(emulator, "odoo", down=True)

    with pytest.raises(BackendUnavailable):
        await orders.fulfilment_by_order_names([emulator.world.orders[0].name])


# --- Odoo's answers, scripted --------------------------------------------------------------------------


SALE_ORDER = {"id": 7, "name": "S00007", "client_order_ref": "#1007", "state": "sale"}
PICKING = {
    "id": 70,
    "name": "BER/OUT/00007",
    "sale_id": [7, "S00007"],
    "state": "done",
    "carrier_id": [2, "UPS"],
    "carrier_tracking_ref": "UPS123",
    "carrier_tracking_url": "https://ups.example/UPS123",
    "scheduled_date": "2026-03-01 10:00:00",
    "date_done": "2026-03-02 09:30:00",
}
MOVE = {
    "id": 700,
    "picking_id": [70, "BER/OUT/00007"],
    "product_id": [5, "[TEE-00001-RST-S] Tee (Rust, S)"],
    "product_uom_qty": 3.0,
    "quantity": 2.0,
    "state": "done",
}


async def test_the_calls_ask_for_the_batch_at_once_with_odoos_field_names(
    upstream: Upstream, make_orders: OrdersFactory
) -> None:
    orders = await make_orders(upstream.url)
    upstream.script(Upstream.json([SALE_ORDER]), Upstream.json([PICKING]), Upstream.json([MOVE]))

    found = await orders.fulfilment_by_order_names(["#1007", "#1008", "#1007"])

    sale, picking, move = (json.loads(hit.body) for hit in upstream.hits)
    assert sale == {"domain": [["client_order_ref", "in", ["#1007", "#1008"]]], "fields": SALE_ORDER_FIELDS}
    assert picking == {
        "domain": [["sale_id", "in", [7]], ["picking_type_code", "=", "outgoing"]],
        "fields": PICKING_FIELDS,
    }
    assert move == {"domain": [["picking_id", "in", [70]]], "fields": MOVE_FIELDS}
    (delivery,) = found["#1007"].deliveries
    # One unit short when the delivery was validated: it follows in a backorder.
    assert delivery.lines == (DeliveryLine("TEE-00001-RST-S", 3, 2, 1),)
    assert delivery.shipped_at is not None
    assert delivery.shipped_at.isoformat() == "2026-03-02T09:30:00+00:00"


@pytest.mark.parametrize(
    ("pickings", "message"),
    [
        ({"records": []}, r"unexpected stock\.picking rows: Input should be a valid list"),
        ([{**PICKING, "sale_id": 7}], r"stock\.picking rows: \[0\]\.sale_id: expected \[id, name\] or false"),
        ([{**PICKING, "date_done": "yesterday"}], r"\[0\]\.date_done: expected 'YYYY-MM-DD HH:MM:SS'"),
        ([{**PICKING, "state": None}], r"\[0\]\.state"),
        ([{k: v for k, v in PICKING.items() if k != "name"}], r"\[0\]\.name: Field required"),
    ],
    ids=["not a list", "bare sale id", "date not odoo's", "null state", "no name"],
)
async def test_answers_in_other_shapes_are_bad_responses(
    upstream: Upstream, make_orders: OrdersFactory, pickings: Any, message: str
) -> None:
    orders = await make_orders(upstream.url)
    upstream.script(Upstream.json([SALE_ORDER]), Upstream.json(pickings))

    with pytest.raises(BackendBadResponse, match=message) as raised:
        await orders.fulfilment_by_order_names(["#1007"])

    assert raised.value.service == "odoo"


@pytest.mark.parametrize(
    ("invoice", "message"),
    [
        ({"amount_total": "12.00"}, r"account\.move rows: \[0\]\.amount_total: expected a finite amount"),
        ({"invoice_date_due": "01/04/2026"}, r"\[0\]\.invoice_date_due: expected 'YYYY-MM-DD' or false"),
        ({"currency_id": False}, r"invoice INV/2026/00007 has no currency"),
    ],
    ids=["amount as text", "date not odoo's", "no currency"],
)
async def test_invoices_in_other_shapes_are_bad_responses(
    upstream: Upstream, make_orders: OrdersFactory, invoice: dict[str, Any], message: str
) -> None:
    orders = await make_orders(upstream.url)
    row = {
        "id": 9,
        "name": "INV/2026/00007",
        "invoice_origin": "S00007",
        "state": "posted",
        "payment_state": "paid",
        "invoice_date": "2026-03-01",
        "invoice_date_due": "2026-03-31",
        "amount_untaxed": 10.0,
        "amount_tax": 2.0,
        "amount_total": 12.0,
        "currency_id": [1, "EUR"],
    }
    upstream.script(Upstream.json([SALE_ORDER]), Upstream.json([{**row, **invoice}]))

    with pytest.raises(BackendBadResponse, match=message):
        await orders.invoices_by_order_names(["#1007"])
