"""A signed-in customer's orders with the ERP's fulfilment and invoices grafted on, through the real gateway.

The order names come from Shopify's answer to the customer's own token; the ERP is asked once per
level for every order of the answer, counted by the sandbox itself; an ERP outage costs only the
ERP's fields, each with an error at its path.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sandbox.odoo import base_records
from sandbox.runner import Sandbox
from sandbox.seed import Order, World
from tests.harness import Gateway, reset_sandbox, sandbox_stats, set_faults

ORDERS = """query($token: String!) {
  customer(customerAccessToken: $token) {
    orders(first: 10) {
      nodes {
        name
        fulfilment {
          reference
          state
          deliveries {
            name state carrier trackingNumber trackingUrl shippedAt
            lines { sku quantityOrdered quantityShipped quantityBackordered }
          }
        }
        invoices { number state paymentState issuedOn dueOn amountUntaxed amountTax amountTotal currencyCode }
      }
    }
  }
}"""


def _busiest_customer(world: World) -> tuple[str, list[Order]]:
    """The email of a customer with several orders, and those orders."""
    by_email: dict[str, list[Order]] = {}
    for order in world.orders:
        by_email.setdefault(order.email, []).append(order)
    email = max(by_email, key=lambda e: len(by_email[e]))
    assert len(by_email[email]) >= 3, "the seed gives some customers several orders"
    return email, by_email[email]


def _expected_fulfilment(order: Order) -> dict[str, Any]:
    erp = order.erp
    done = erp.delivery_state == "done"
    template = base_records.CARRIERS[erp.carrier][2]
    shipped = (order.created_at.replace(microsecond=0) + timedelta(days=2)).isoformat() if done else None
    return {
        "reference": erp.sale_order_name,
        "state": erp.state,
        "deliveries": [
            {
                "name": erp.delivery_name,
                "state": erp.delivery_state,
                "carrier": erp.carrier,
                "trackingNumber": erp.tracking_ref,
                "trackingUrl": template.format(ref=erp.tracking_ref)
                if template and erp.tracking_ref
                else None,
                "shippedAt": shipped,
                "lines": [
                    {
                        "sku": line.sku,
                        "quantityOrdered": line.quantity,
                        "quantityShipped": line.quantity if done else 0,
                        "quantityBackordered": 0,
                    }
                    for line in order.lines
                ],
            }
        ],
    }


def _expected_invoices(order: Order) -> list[dict[str, Any]]:
    erp = order.erp
    if erp.invoice_name is None:
        return []
    day = order.created_at.date()
    return [
        {
            "number": erp.invoice_name,
            "state": "posted",
            "paymentState": erp.payment_state,
            "issuedOn": day.isoformat(),
            "dueOn": (day + timedelta(days=30)).isoformat(),
            "currencyCode": "EUR",
        }
    ]


async def test_a_customer_s_orders_carry_the_erp_s_fulfilment_and_invoices_in_one_batch_per_level(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    # given
    email, seeded = _busiest_customer(world)
    token = await gateway.sign_in(email)
    await reset_sandbox(clean_sandbox)

    # when
    body = await gateway.query(ORDERS, {"token": token})

    # then
    assert "errors" not in body, body["errors"]
    nodes = body["data"]["customer"]["orders"]["nodes"]
    by_name = {order.name: order for order in seeded}
    assert {node["name"] for node in nodes} == set(by_name)
    for node in nodes:
        order = by_name[node["name"]]
        assert node["fulfilment"] == _expected_fulfilment(order)
        invoices = node["invoices"]
        amounts = [{k: i.pop(k) for k in ("amountUntaxed", "amountTax", "amountTotal")} for i in invoices]
        assert invoices == _expected_invoices(order)
        for amount in amounts:  # Decimal, as Shopify's amounts: strings in JSON
            total = sum(line.unit_price * line.quantity for line in order.lines)
            assert float(amount["amountTotal"]) == float(total)
            assert round(float(amount["amountUntaxed"]) + float(amount["amountTax"]), 2) == float(total)
    odoo = (await sandbox_stats(clean_sandbox))["odoo"]["requests"]
    # The sale orders once for both fields, then deliveries and invoices, then the deliveries' moves.
    assert odoo == {
        "POST /json/2/sale.order/search_read": 1,
        "POST /json/2/stock.picking/search_read": 1,
        "POST /json/2/stock.move/search_read": 1,
        "POST /json/2/account.move/search_read": 1,
    }


async def test_the_same_orders_again_are_served_from_the_cache(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    email, _ = _busiest_customer(world)
    token = await gateway.sign_in(email)
    first = await gateway.data(ORDERS, {"token": token})
    await reset_sandbox(clean_sandbox)

    again = await gateway.data(ORDERS, {"token": token})

    assert again == first
    assert (await sandbox_stats(clean_sandbox))["odoo"]["requests"] == {}


async def test_an_erp_outage_costs_only_the_erp_s_fields_with_an_error_at_each(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    # given
    email, seeded = _busiest_customer(world)
    token = await gateway.sign_in(email)
    await set_faults(clean_sandbox, "odoo", down=True)

    # when
    body = await gateway.query(ORDERS, {"token": token})

    # then: Shopify's part of the answer stands
    nodes = body["data"]["customer"]["orders"]["nodes"]
    assert {node["name"] for node in nodes} == {order.name for order in seeded}
    assert all(node["fulfilment"] is None and node["invoices"] is None for node in nodes)
    paths = {tuple(error["path"]) for error in body["errors"]}
    assert paths == {
        ("customer", "orders", "nodes", index, field)
        for index in range(len(nodes))
        for field in ("fulfilment", "invoices")
    }
    assert {(e["extensions"]["code"], e["extensions"]["service"]) for e in body["errors"]} == {
        ("BACKEND_UNAVAILABLE", "odoo")
    }
