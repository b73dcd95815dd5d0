"""Product stock figures as Odoo computes them: from quants and pending moves, in the context's scope.

`product.product`'s `qty_available`, `free_qty`, `incoming_qty`, `outgoing_qty` and
`virtual_available` depend on where one looks (Odoo's `_get_domain_locations`): the context's
`location` (ids or names, with their children), else its `warehouse_id` (ids or names: the
warehouses' view locations and their children), else every warehouse of the company.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .env import Env
from .store import Row

PENDING_MOVE_STATES = frozenset({"waiting", "confirmed", "partially_available", "assigned"})
"""Moves that are neither draft, done nor cancelled count as incoming/outgoing."""


@dataclass(frozen=True, slots=True)
class StockFigures:
    """One product's quantities within the call's scope."""

    on_hand: float
    free: float
    incoming: float
    outgoing: float

    @property
    def forecast(self) -> float:
        return round(self.on_hand + self.incoming - self.outgoing, 2)


def scope(env: Env) -> frozenset[int]:
    """The location ids stock is counted in for this call (Odoo's `_get_domain_locations`)."""
    cached: frozenset[int] | None = env.memo.get("stock_scope")
    if cached is not None:
        return cached
    context = env.context
    roots: set[int]
    if context.get("location"):
        roots = _ids_by_name(env, "stock.location", "complete_name", context["location"])
    elif context.get("warehouse_id"):
        warehouses = _ids_by_name(env, "stock.warehouse", "name", context["warehouse_id"])
        roots = _view_locations(env, warehouses)
    else:
        roots = _view_locations(env, set(env.store.table("stock.warehouse").rows))
    result = frozenset(descendants(env, roots))
    env.memo["stock_scope"] = result
    return result


def _ids_by_name(env: Env, model: str, name_field: str, value: object) -> set[int]:
    values = value if isinstance(value, list | tuple) else [value]
    ids = {item for item in values if isinstance(item, int) and not isinstance(item, bool)}
    names = [str(item) for item in values if isinstance(item, str)]
    if names:
        patterns = [re.compile(re.escape(name), re.IGNORECASE) for name in names]
        for row in env.store.table(model).rows.values():
            label = str(row.get(name_field) or "")
            if any(pattern.search(label) for pattern in patterns):
                ids.add(row["id"])
    return ids


def _view_locations(env: Env, warehouse_ids: set[int]) -> set[int]:
    rows = env.store.table("stock.warehouse").rows
    return {rows[wid]["view_location_id"] for wid in warehouse_ids if wid in rows}


def descendants(env: Env, roots: set[int]) -> set[int]:
    """`roots` and every location below them (Odoo's `child_of` on `stock.location`)."""
    children: dict[int, list[int]] | None = env.memo.get("location_children")
    if children is None:
        children = {}
        for row in env.store.table("stock.location").rows.values():
            if row.get("location_id"):
                children.setdefault(row["location_id"], []).append(row["id"])
        env.memo["location_children"] = children
    found: set[int] = set()
    stack = list(roots)
    while stack:
        lid = stack.pop()
        if lid in found:
            continue
        found.add(lid)
        stack.extend(children.get(lid, ()))
    return found


def figures(env: Env, product_id: int) -> StockFigures:
    """The product's on-hand, free, incoming and outgoing quantities in the call's scope."""
    key = ("stock_figures", product_id)
    cached: StockFigures | None = env.memo.get(key)
    if cached is not None:
        return cached
    where = scope(env)
    store = env.store
    quants = store.table("stock.quant")
    on_hand = free = 0.0
    for qid in quants.lookup("product_id", product_id):
        quant = quants.rows[qid]
        if quant["location_id"] in where:
            on_hand += quant["quantity"]
            free += quant["quantity"] - quant["reserved_quantity"]
    moves = store.table("stock.move")
    incoming = outgoing = 0.0
    for mid in moves.lookup("product_id", product_id):
        move = moves.rows[mid]
        if move["state"] not in PENDING_MOVE_STATES:
            continue
        source_in, dest_in = move["location_id"] in where, move["location_dest_id"] in where
        if source_in and not dest_in:
            outgoing += move["product_uom_qty"]
        elif dest_in and not source_in:
            incoming += move["product_uom_qty"]
    result = StockFigures(round(on_hand, 2), round(free, 2), round(incoming, 2), round(outgoing, 2))
    env.memo[key] = result
    return result


def qty_available(env: Env, row: Row) -> float:
    return figures(env, row["id"]).on_hand


def free_qty(env: Env, row: Row) -> float:
    return figures(env, row["id"]).free


def incoming_qty(env: Env, row: Row) -> float:
    return figures(env, row["id"]).incoming


def outgoing_qty(env: Env, row: Row) -> float:
    return figures(env, row["id"]).outgoing


def virtual_available(env: Env, row: Row) -> float:
    return figures(env, row["id"]).forecast


def template_figures(env: Env, row: Row) -> StockFigures:
    variants = env.store.table("product.product").lookup("product_tmpl_id", row["id"])
    parts = [figures(env, pid) for pid in variants]
    return StockFigures(
        round(sum(p.on_hand for p in parts), 2),
        round(sum(p.free for p in parts), 2),
        round(sum(p.incoming for p in parts), 2),
        round(sum(p.outgoing for p in parts), 2),
    )


__all__ = [
    "PENDING_MOVE_STATES",
    "StockFigures",
    "descendants",
    "figures",
    "free_qty",
    "incoming_qty",
    "outgoing_qty",
    "qty_available",
    "scope",
    "template_figures",
    "virtual_available",
]
