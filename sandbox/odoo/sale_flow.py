"""`sale.order/action_confirm` and `action_cancel`: the order's stock reservation as one step.

Confirming a quotation reserves every line in the order's warehouse stock location and creates
the outgoing delivery (state `assigned`, one move per line). The sandbox refuses the whole
confirmation with a `UserError` naming the products when stock is short — all or nothing — so the
gateway's order saga can rely on a confirmed order being reserved (real Odoo would confirm and
leave the delivery waiting; the gateway must treat that as the same failure). Cancelling releases
the reservations of deliveries not yet done and cancels them.
"""

from __future__ import annotations

from collections import defaultdict

from . import base_records as b
from .env import Env
from .errors import UserError
from .stock_moves import adjust_quant, quant_at
from .store import Row
from .timestamps import utc_now
from .writes import ensure_exist


def action_confirm(env: Env, ids: list[int]) -> bool:
    spec = env.spec("sale.order")
    ensure_exist(env, spec, ids)
    orders = [env.store.table("sale.order").rows[oid] for oid in ids]
    blocked = [order for order in orders if order["state"] not in ("draft", "sent")]
    if blocked:
        raise UserError(
            "The following orders are not in a state requiring confirmation: "
            + ", ".join(str(order["name"]) for order in blocked)
        )
    claimed: dict[tuple[int, int], float] = defaultdict(float)
    shortages = [message for order in orders for message in _shortages(env, order, claimed)]
    if shortages:
        raise UserError("\n".join(shortages))
    for order in orders:
        _reserve(env, order)
    return True


def _lines(env: Env, order: Row) -> list[Row]:
    lines = env.store.table("sale.order.line")
    rows = [lines.rows[lid] for lid in sorted(lines.lookup("order_id", order["id"]))]
    return [line for line in rows if line.get("product_id") and not line.get("display_type")]


def _stock_location(env: Env, order: Row) -> int:
    warehouse = env.store.row("stock.warehouse", order["warehouse_id"])
    assert warehouse is not None
    return int(warehouse["lot_stock_id"])


def _demand(env: Env, order: Row) -> dict[int, float]:
    demand: dict[int, float] = defaultdict(float)
    for line in _lines(env, order):
        demand[line["product_id"]] += line["product_uom_qty"]
    return demand


def _shortages(env: Env, order: Row, claimed: dict[tuple[int, int], float]) -> list[str]:
    """Lines the free stock cannot cover, counting what earlier orders of the same call claim."""
    location = _stock_location(env, order)
    where = env.display_name("stock.location", location)
    messages = []
    for product_id, wanted in _demand(env, order).items():
        quant = quant_at(env, product_id, location)
        free = round(quant["quantity"] - quant["reserved_quantity"], 2) if quant else 0.0
        free -= claimed[location, product_id]
        claimed[location, product_id] += wanted
        if wanted > free:
            product = env.display_name("product.product", product_id)
            messages.append(
                f"Not enough stock to confirm {order['name']}: {product} needs {wanted:g} Units in {where}, "
                f"only {max(free, 0.0):g} available."
            )
    return messages


def _reserve(env: Env, order: Row) -> None:
    location = _stock_location(env, order)
    warehouse = env.store.row("stock.warehouse", order["warehouse_id"])
    assert warehouse is not None
    now = utc_now()
    pickings = env.store.table("stock.picking")
    picking_id = pickings.next_id()
    name = f"{warehouse['code']}/OUT/{picking_id:05d}"
    pickings.insert(
        {
            "id": picking_id,
            "name": name,
            "origin": order["name"],
            "sale_id": order["id"],
            "partner_id": order.get("partner_shipping_id") or order["partner_id"],
            "picking_type_code": "outgoing",
            "state": "assigned",
            "priority": "0",
            "scheduled_date": order.get("commitment_date") or now,
            "date_done": False,
            "carrier_id": order.get("carrier_id") or False,
            "carrier_tracking_ref": False,
            "location_id": location,
            "location_dest_id": b.CUSTOMERS_LOCATION_ID,
            "create_date": now,
            "write_date": now,
            "create_uid": env.uid,
            "write_uid": env.uid,
        }
    )
    moves = env.store.table("stock.move")
    for line in _lines(env, order):
        quantity = float(line["product_uom_qty"])
        moves.insert(
            {
                "id": moves.next_id(),
                "name": line["name"],
                "reference": name,
                "origin": order["name"],
                "product_id": line["product_id"],
                "product_uom_qty": quantity,
                "quantity": quantity,
                "product_uom": line.get("product_uom_id") or b.UNIT_UOM_ID,
                "state": "assigned",
                "picking_id": picking_id,
                "location_id": location,
                "location_dest_id": b.CUSTOMERS_LOCATION_ID,
                "sale_line_id": line["id"],
                "date": order.get("commitment_date") or now,
                "create_date": now,
                "write_date": now,
                "create_uid": env.uid,
                "write_uid": env.uid,
            }
        )
        adjust_quant(env, line["product_id"], location, reserved=quantity)
    env.store.table("sale.order").update(
        order["id"], {"state": "sale", "date_order": now, "write_date": now, "write_uid": env.uid}
    )
    env.store.notify("sale.order", order["id"])


def action_cancel(env: Env, ids: list[int]) -> bool:
    """Cancel orders: open deliveries are cancelled and their reservations released."""
    spec = env.spec("sale.order")
    ensure_exist(env, spec, ids)
    orders = env.store.table("sale.order")
    pickings = env.store.table("stock.picking")
    moves = env.store.table("stock.move")
    now = utc_now()
    for oid in ids:
        order = orders.rows[oid]
        for pid in sorted(pickings.lookup("sale_id", oid)):
            if pickings.rows[pid]["state"] in ("done", "cancel"):
                continue
            for mid in sorted(moves.lookup("picking_id", pid)):
                move = moves.rows[mid]
                if move["state"] in ("done", "cancel"):
                    continue
                if move["quantity"]:
                    adjust_quant(env, move["product_id"], move["location_id"], reserved=-move["quantity"])
                moves.update(mid, {"state": "cancel", "quantity": 0.0, "write_date": now})
            pickings.update(pid, {"state": "cancel", "write_date": now, "write_uid": env.uid})
        if order["state"] != "cancel":
            orders.update(oid, {"state": "cancel", "write_date": now, "write_uid": env.uid})
            env.store.notify("sale.order", oid)
    return True


__all__ = ["action_cancel", "action_confirm"]
