"""How the floor puts the ERP's figures into Shopify's answer, in the shape the client asked for.

Written by hand for the operations measured, as a developer would: the floor knows where its pages
show stock. The figures follow the rules the storefront is promised: stock summed per warehouse
(several quants may share one), never below zero, warehouses in the ERP's order, and the ERP as the
system of record for availability (a variant is for sale when a unit is available), wherever a
variant appears in the answer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

Quants = Mapping[str, Sequence[Mapping[str, Any]]]
"""Odoo's `stock.quant` rows by SKU."""


def variants_in(value: Any) -> Iterator[dict[str, Any]]:
    """Every variant of a Shopify answer (the objects that carry a SKU), at any depth."""
    if isinstance(value, dict):
        if isinstance(value.get("sku"), str):
            yield value
        for child in value.values():
            yield from variants_in(child)
    elif isinstance(value, list):
        for child in value:
            yield from variants_in(child)


def skus_in(value: Any) -> list[str]:
    """The SKUs of every variant in an answer, each once, in the order met."""
    return list(dict.fromkeys(variant["sku"] for variant in variants_in(value)))


def _available(on_hand: float, reserved: float) -> int:
    return max(0, int(on_hand) - int(reserved))


def stock_of(quants: Sequence[Mapping[str, Any]], *, per_warehouse: bool) -> dict[str, Any]:
    """`stock { available }`, or with `warehouses { warehouse { name } available }`, from a SKU's quants."""
    if not per_warehouse:
        return {"available": sum(_available(q["quantity"], q["reserved_quantity"]) for q in quants)}
    levels: dict[int, list[Any]] = {}
    for quant in quants:
        warehouse_id, name = quant["warehouse_id"]
        level = levels.setdefault(warehouse_id, [name, 0.0, 0.0])
        level[1] += quant["quantity"]
        level[2] += quant["reserved_quantity"]
    warehouses = [
        {"warehouse": {"name": name}, "available": _available(on_hand, reserved)}
        for _, (name, on_hand, reserved) in sorted(levels.items())
    ]
    return {"available": sum(w["available"] for w in warehouses), "warehouses": warehouses}


def put_stock(variants: Sequence[dict[str, Any]], quants: Quants | None, *, per_warehouse: bool) -> None:
    """Each variant's `stock` (None when the ERP failed: the field is null, as the page shows it)."""
    for variant in variants:
        variant["stock"] = (
            None if quants is None else stock_of(quants.get(variant["sku"], ()), per_warehouse=per_warehouse)
        )


def put_availability(answer: Any, quants: Quants | None, *, per_warehouse: bool) -> None:
    """`availableForSale` of every variant from the ERP; Shopify's figure stands when the ERP failed."""
    if quants is None:
        return
    for variant in variants_in(answer):
        if "availableForSale" in variant:
            stock = stock_of(quants.get(variant["sku"], ()), per_warehouse=per_warehouse)
            variant["availableForSale"] = stock["available"] > 0


__all__ = ["Quants", "put_availability", "put_stock", "skus_in", "stock_of", "variants_in"]
