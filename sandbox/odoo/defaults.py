"""What Odoo fills in when a record is created without it, and the constraints it then checks.

Only the models the integration user may create have hooks: partners (Odoo's `Contacts require
a name`), sale orders (sequence name `S00042`, the company's default warehouse, the customer as
invoice and delivery address) and their lines (description, price and unit from the product,
the shop's sales tax, and Odoo's "Missing required fields on accountable sale order line.").
"""

from __future__ import annotations

from collections.abc import Callable

from . import base_records as b
from .env import LANGUAGES, Env
from .errors import ValidationError
from .plan import Plan
from .store import Row
from .timestamps import utc_now

CreateHook = Callable[[Env, Plan, Row], None]


def _partner(env: Env, plan: Plan, row: Row) -> None:
    lang = env.context.get("lang")
    row.setdefault("type", "contact")
    row.setdefault("active", True)
    row.setdefault("is_company", False)
    row.setdefault("customer_rank", 0)
    row.setdefault("company_id", False)
    row.setdefault("lang", lang if lang in LANGUAGES else "en_US")
    check_partner(plan, row)


def check_partner(plan: Plan, row: Row) -> None:
    """Odoo's `check_name` constraint, and the stored `complete_name` that follows the name."""
    if row.get("type", "contact") == "contact" and not row.get("name"):
        raise ValidationError("Contacts require a name")
    parent = plan.row("res.partner", row["parent_id"]) if row.get("parent_id") else None
    name = row.get("name") or ""
    row["complete_name"] = f"{parent['complete_name']}, {name}" if parent else name


def _sale_order(env: Env, plan: Plan, row: Row) -> None:
    if row.get("name") in (None, False, "New", "/"):
        row["name"] = f"S{row['id']:05d}"
    row.setdefault("state", "draft")
    row.setdefault("date_order", utc_now())
    row.setdefault("company_id", b.COMPANY_ID)
    row.setdefault("currency_id", b.EUR_ID)
    row.setdefault("warehouse_id", _default_warehouse(env))
    for address in ("partner_invoice_id", "partner_shipping_id"):
        if not row.get(address):
            row[address] = row.get("partner_id", False)


def _default_warehouse(env: Env) -> int | bool:
    warehouses = env.store.table("stock.warehouse").rows.values()
    ordered = sorted(warehouses, key=lambda w: (w.get("sequence", 0), w["id"]))
    return ordered[0]["id"] if ordered else False


def _sale_order_line(env: Env, plan: Plan, row: Row) -> None:
    row.setdefault("sequence", 10)
    row.setdefault("discount", 0.0)
    row.setdefault("qty_delivered", 0.0)
    row.setdefault("qty_invoiced", 0.0)
    row.setdefault("display_type", False)
    product = plan.row("product.product", row["product_id"]) if row.get("product_id") else None
    if product is None:
        if not row["display_type"]:
            raise ValidationError("Missing required fields on accountable sale order line.")
        return
    order = plan.row("sale.order", row["order_id"]) if row.get("order_id") else None
    partner = plan.row("res.partner", order["partner_id"]) if order and order.get("partner_id") else None
    lang = partner.get("lang") if partner else None
    localized = env.with_context(lang=lang) if lang in LANGUAGES else env
    row.setdefault("name", localized.display_name("product.product", product["id"]))
    row.setdefault("product_uom_qty", 1.0)
    row.setdefault("product_uom_id", env.value("product.product", product, "uom_id") or b.UNIT_UOM_ID)
    row.setdefault("price_unit", float(product["lst_price"]))
    row.setdefault("tax_ids", [b.SALE_TAX_ID])


CREATE_HOOKS: dict[str, CreateHook] = {
    "res.partner": _partner,
    "sale.order": _sale_order,
    "sale.order.line": _sale_order_line,
}

__all__ = ["CREATE_HOOKS", "CreateHook", "check_partner"]
