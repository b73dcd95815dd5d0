"""Quants change here: reservations for confirmed orders, releases on cancel, decrements on delivery.

Every quant that changes is queued for the `stock.quant` webhook rule, as an Odoo automation rule
on quant updates would fire.
"""

from __future__ import annotations

from .env import Env
from .errors import MissingError, UserError
from .store import Row
from .timestamps import utc_now


def quant_at(env: Env, product_id: int, location_id: int) -> Row | None:
    """The product's quant in that location (the sandbox keeps one per product and location)."""
    quants = env.store.table("stock.quant")
    for qid in sorted(quants.lookup("product_id", product_id)):
        quant = quants.rows[qid]
        if quant["location_id"] == location_id and not quant.get("lot_id") and not quant.get("package_id"):
            return quant
    return None


def adjust_quant(
    env: Env, product_id: int, location_id: int, *, quantity: float = 0.0, reserved: float = 0.0
) -> None:
    """Add `quantity` on hand and `reserved` reservation to a quant (created when missing, as Odoo does)."""
    quants = env.store.table("stock.quant")
    quant = quant_at(env, product_id, location_id)
    now = utc_now()
    if quant is None:
        qid = quants.insert(
            {
                "id": quants.next_id(),
                "product_id": product_id,
                "location_id": location_id,
                "quantity": round(quantity, 2),
                "reserved_quantity": round(max(reserved, 0.0), 2),
                "in_date": now,
                "create_date": now,
                "write_date": now,
                "create_uid": env.uid,
                "write_uid": env.uid,
            }
        )
    else:
        qid = quant["id"]
        quants.update(
            qid,
            {
                "quantity": round(quant["quantity"] + quantity, 2),
                # Odoo never lets a reservation go below zero when releasing more than is reserved.
                "reserved_quantity": round(max(quant["reserved_quantity"] + reserved, 0.0), 2),
                "write_date": now,
                "write_uid": env.uid,
            },
        )
    env.store.notify("stock.quant", qid)


def button_validate(env: Env, ids: list[int]) -> bool:
    """Validate deliveries: reserved quantities leave the shelf, sale lines count them as delivered."""
    pickings = env.store.table("stock.picking")
    missing = [pid for pid in ids if pid not in pickings.rows]
    if missing:
        raise MissingError(
            "Record does not exist or has been deleted.\n"
            f"(Record: stock.picking({', '.join(map(str, missing))},), User: {env.uid})"
        )
    todo = [pickings.rows[pid] for pid in ids if pickings.rows[pid]["state"] != "done"]
    moves = env.store.table("stock.move")
    for picking in todo:
        active = [moves.rows[mid] for mid in sorted(moves.lookup("picking_id", picking["id"]))]
        active = [move for move in active if move["state"] not in ("done", "cancel")]
        if picking["state"] in ("draft", "cancel") or not any(move["quantity"] for move in active):
            raise UserError(
                "You cannot validate a transfer if no quantities are reserved nor done. "
                "You can use the info button on the top right corner of your screen to know why the "
                "transfer is not ready."
            )
    lines = env.store.table("sale.order.line")
    now = utc_now()
    for picking in todo:
        for mid in sorted(moves.lookup("picking_id", picking["id"])):
            move = moves.rows[mid]
            if move["state"] in ("done", "cancel"):
                continue
            done = move["quantity"]
            adjust_quant(env, move["product_id"], move["location_id"], quantity=-done, reserved=-done)
            moves.update(mid, {"state": "done", "date": now, "write_date": now})
            line = lines.rows.get(move.get("sale_line_id") or 0)
            if line is not None:
                lines.update(line["id"], {"qty_delivered": round(line["qty_delivered"] + done, 2)})
        pickings.update(
            picking["id"], {"state": "done", "date_done": now, "write_date": now, "write_uid": env.uid}
        )
    return True


__all__ = ["adjust_quant", "button_validate", "quant_at"]
