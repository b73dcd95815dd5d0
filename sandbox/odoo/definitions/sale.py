"""Sales and invoicing models: sale orders, their lines and the customer invoices they produce."""

from __future__ import annotations

from sandbox.odoo import fields as f
from sandbox.odoo.base_records import SALE_TAX_ID, SALE_TAX_RATE
from sandbox.odoo.env import Env
from sandbox.odoo.models import Access, ModelSpec, model
from sandbox.odoo.store import Row

ORDER_STATES = (
    ("draft", "Quotation"),
    ("sent", "Quotation Sent"),
    ("sale", "Sales Order"),
    ("cancel", "Cancelled"),
)
INVOICE_STATUSES = (
    ("upselling", "Upselling Opportunity"),
    ("invoiced", "Fully Invoiced"),
    ("to invoice", "To Invoice"),
    ("no", "Nothing to Invoice"),
)
DELIVERY_STATUSES = (
    ("pending", "Not Delivered"),
    ("started", "Started"),
    ("partial", "Partially Delivered"),
    ("full", "Fully Delivered"),
)
MOVE_TYPES = (
    ("entry", "Journal Entry"),
    ("out_invoice", "Customer Invoice"),
    ("out_refund", "Customer Credit Note"),
    ("in_invoice", "Vendor Bill"),
    ("in_refund", "Vendor Credit Note"),
    ("out_receipt", "Sales Receipt"),
    ("in_receipt", "Purchase Receipt"),
)
PAYMENT_STATES = (
    ("not_paid", "Not Paid"),
    ("in_payment", "In Payment"),
    ("paid", "Paid"),
    ("partial", "Partially Paid"),
    ("reversed", "Reversed"),
    ("blocked", "Blocked"),
    ("invoicing_legacy", "Invoicing App Legacy"),
)

SALES_ACCESS = Access(write=True, create=True, group="Sales / User: Own Documents Only")


def line_amounts(row: Row) -> tuple[float, float, float]:
    """(subtotal, tax, total) of a sale order line; the shop's one tax is included in the price."""
    total = round(row["product_uom_qty"] * row["price_unit"] * (1 - row["discount"] / 100), 2)
    included = SALE_TAX_ID in row.get("tax_ids", ())
    subtotal = round(total / (1 + SALE_TAX_RATE / 100), 2) if included else total
    return subtotal, round(total - subtotal, 2), total


def _lines(env: Env, row: Row) -> list[Row]:
    lines = env.store.table("sale.order.line")
    return [lines.rows[lid] for lid in sorted(lines.lookup("order_id", row["id"]))]


def _amount(index: int) -> f.Compute:
    def compute(env: Env, row: Row) -> float:
        return round(sum(line_amounts(line)[index] for line in _lines(env, row)), 2)

    return compute


def _line_amount(index: int) -> f.Compute:
    def compute(env: Env, row: Row) -> float:
        return line_amounts(row)[index]

    return compute


def _invoice_ids(env: Env, row: Row) -> list[int]:
    moves = env.store.table("account.move")
    ids = moves.lookup("invoice_origin", row["name"]) if row.get("name") else set()
    return sorted(mid for mid in ids if moves.rows[mid]["move_type"] in ("out_invoice", "out_refund"))


def _pickings(env: Env, row: Row) -> list[Row]:
    pickings = env.store.table("stock.picking")
    return [pickings.rows[pid] for pid in sorted(pickings.lookup("sale_id", row["id"]))]


def _delivery_status(env: Env, row: Row) -> str | bool:
    pickings = [p for p in _pickings(env, row) if p["state"] != "cancel"]
    if not pickings:
        return False
    done = [p for p in pickings if p["state"] == "done"]
    if len(done) == len(pickings):
        return "full"
    return "partial" if done else "pending"


def _invoice_status(env: Env, row: Row) -> str:
    if row["state"] != "sale":
        return "no"
    lines = _lines(env, row)
    if lines and all(line["qty_invoiced"] >= line["product_uom_qty"] for line in lines):
        return "invoiced"
    return "to invoice" if lines else "no"


def _qty_to_invoice(env: Env, row: Row) -> float:
    order = env.store.row("sale.order", row["order_id"])
    if order is None or order["state"] != "sale":
        return 0.0
    return round(float(row["product_uom_qty"]) - float(row["qty_invoiced"]), 2)


def _line_name(env: Env, row: Row) -> str:
    order = env.display_name("sale.order", row["order_id"])
    first_line = str(row.get("name") or "").split("\n")[0]
    return f"{order} - {first_line}"


ORDER = model(
    "sale.order",
    "Sales Order",
    "SaleOrder",
    (
        f.char("name", "Order Reference", required=True, index=True),
        f.many2one("partner_id", "Customer", "res.partner", required=True),
        f.many2one("partner_invoice_id", "Invoice Address", "res.partner", index=False),
        f.many2one("partner_shipping_id", "Delivery Address", "res.partner", index=False),
        f.char("client_order_ref", "Customer Reference", index=True),
        f.char(
            "origin",
            "Source Document",
            help="Reference of the document that generated this sales order request",
        ),
        f.selection("state", "Status", ORDER_STATES, readonly=True),
        f.datetime("date_order", "Order Date", required=True),
        f.datetime("commitment_date", "Delivery Date"),
        f.one2many("order_line", "Order Lines", "sale.order.line", "order_id"),
        f.computed(f.monetary("amount_untaxed", "Untaxed Amount"), _amount(0)),
        f.computed(f.monetary("amount_tax", "Taxes"), _amount(1)),
        f.computed(f.monetary("amount_total", "Total"), _amount(2)),
        f.many2one("currency_id", "Currency", "res.currency"),
        f.many2one("company_id", "Company", "res.company", required=True),
        f.many2one("warehouse_id", "Warehouse", "stock.warehouse", required=True),
        f.many2one("carrier_id", "Delivery Method", "delivery.carrier"),
        f.computed(f.many2many("invoice_ids", "Invoices", "account.move"), _invoice_ids),
        f.computed(f.integer("invoice_count", "Invoice Count"), lambda env, row: len(_invoice_ids(env, row))),
        f.computed(f.selection("invoice_status", "Invoice Status", INVOICE_STATUSES), _invoice_status),
        f.one2many("picking_ids", "Transfers", "stock.picking", "sale_id"),
        f.computed(f.integer("delivery_count", "Delivery Orders"), lambda env, row: len(_pickings(env, row))),
        f.computed(f.selection("delivery_status", "Delivery Status", DELIVERY_STATUSES), _delivery_status),
    ),
    order="date_order desc, id desc",
    access=SALES_ACCESS,
)

ORDER_LINE = model(
    "sale.order.line",
    "Sales Order Line",
    "SaleOrderLine",
    (
        f.many2one("order_id", "Order Reference", "sale.order", required=True),
        f.integer("sequence", "Sequence"),
        f.text("name", "Description", required=True),
        f.many2one("product_id", "Product", "product.product"),
        f.floating("product_uom_qty", "Quantity", required=True),
        f.many2one("product_uom_id", "Unit", "uom.uom", index=False),
        f.floating("price_unit", "Unit Price", required=True),
        f.floating("discount", "Discount (%)"),
        f.many2many("tax_ids", "Taxes", "account.tax"),
        f.computed(f.monetary("price_subtotal", "Subtotal"), _line_amount(0)),
        f.computed(f.monetary("price_tax", "Total Tax"), _line_amount(1)),
        f.computed(f.monetary("price_total", "Total"), _line_amount(2)),
        f.floating("qty_delivered", "Delivery Quantity"),
        f.floating("qty_invoiced", "Invoiced Quantity"),
        f.computed(f.floating("qty_to_invoice", "Quantity To Invoice"), _qty_to_invoice),
        f.one2many("move_ids", "Stock Moves", "stock.move", "sale_line_id"),
        f.related(f.many2one("currency_id", "Currency", "res.currency"), "order_id", "currency_id"),
        f.related(f.many2one("company_id", "Company", "res.company"), "order_id", "company_id"),
        f.related(f.many2one("order_partner_id", "Customer", "res.partner"), "order_id", "partner_id"),
        f.related(f.selection("state", "Order Status", ORDER_STATES), "order_id", "state"),
        f.selection("display_type", "Display Type", (("line_section", "Section"), ("line_note", "Note"))),
    ),
    order="order_id, sequence, id",
    display=_line_name,
    access=SALES_ACCESS,
)

INVOICE = model(
    "account.move",
    "Journal Entry",
    "AccountMove",
    (
        f.char("name", "Number", index=True),
        f.selection("move_type", "Type", MOVE_TYPES, required=True),
        f.selection(
            "state",
            "Status",
            (("draft", "Draft"), ("posted", "Posted"), ("cancel", "Cancelled")),
            required=True,
        ),
        f.selection("payment_state", "Payment Status", PAYMENT_STATES),
        f.date("date", "Date", required=True),
        f.date("invoice_date", "Invoice/Bill Date"),
        f.date("invoice_date_due", "Due Date"),
        f.char("invoice_origin", "Origin", index=True, help="The document(s) that generated the invoice."),
        f.char("ref", "Reference"),
        f.many2one("partner_id", "Partner", "res.partner"),
        f.many2one("currency_id", "Currency", "res.currency", required=True),
        f.many2one("company_id", "Company", "res.company"),
        f.monetary("amount_untaxed", "Untaxed Amount"),
        f.monetary("amount_tax", "Tax"),
        f.monetary("amount_total", "Total"),
        f.monetary("amount_residual", "Amount Due"),
    ),
    order="date desc, name desc, invoice_date desc, id desc",
    access=Access(group="Invoicing / Billing"),
)

MODELS: tuple[ModelSpec, ...] = (ORDER, ORDER_LINE, INVOICE)

__all__ = ["DELIVERY_STATUSES", "INVOICE_STATUSES", "MODELS", "ORDER_STATES", "line_amounts"]
