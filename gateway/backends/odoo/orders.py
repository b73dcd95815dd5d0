"""The Odoo connector for orders: fulfilment (deliveries and their lines) and invoices by Shopify order name.

A Shopify order reaches Odoo as a sale order whose customer reference (`client_order_ref`) is the
Shopify order name. A whole batch of names costs a fixed number of `search_read` calls, never
one per order: the sale orders (one call), then their outgoing transfers by `sale_id` (one call)
and those transfers' moves by `picking_id` (one call) for fulfilment; for invoices, the customer
invoices whose origin (`invoice_origin`) is one of those sale orders (one call after the sale
orders). A call whose domain would match nothing is not made. The two share their sale-order read:
asked at once for the same names (an order page shows both), Odoo is asked for them once.

A name the ERP has no sale order for has no fulfilment (absent from the answer) and no invoices
(an empty list: the ERP answered, and knows of none).

An invoice's PDF comes from Odoo's report controller, `GET /report/pdf/account.report_invoice/<id>`,
with the same API key as a bearer token: Odoo renders the invoice on the spot and answers the bare
PDF, for any issued invoice (the attachment Odoo stores is there only once an invoice was sent).
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Mapping, Sequence

from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import BackendBadResponse
from gateway.models.orders import Delivery, DeliveryLine, Fulfilment, Invoice, OrderInvoices

from .answers import DISPLAY_SKU
from .json2 import Json2
from .order_answers import (
    INVOICES,
    MOVES,
    PICKINGS,
    SALE_ORDERS,
    InvoiceRecord,
    MoveRecord,
    PickingRecord,
    SaleOrderRecord,
)
from .reports import Reports

SERVICE = "odoo"
INVOICE_REPORT = "account.report_invoice"
"""Odoo's customer invoice report (the one its Print button renders)."""
MAX_INVOICE_PDF_BYTES = 10 * 1024 * 1024
"""Largest invoice PDF served: a long invoice with a logo runs to a few hundred kilobytes."""
SALE_ORDER_FIELDS = ["name", "client_order_ref", "state"]
PICKING_FIELDS = [
    "name",
    "sale_id",
    "state",
    "carrier_id",
    "carrier_tracking_ref",
    "carrier_tracking_url",
    "scheduled_date",
    "date_done",
]
MOVE_FIELDS = ["picking_id", "product_id", "product_uom_qty", "quantity", "state"]
INVOICE_FIELDS = [
    "name",
    "invoice_origin",
    "state",
    "payment_state",
    "invoice_date",
    "invoice_date_due",
    "amount_untaxed",
    "amount_tax",
    "amount_total",
    "currency_id",
]


class OdooOrders:
    """Order records from the ERP (implements `roles.OrderRecordsSource`).

    ```python
    orders = OdooOrders(client, database="northwind", api_key=key)
    fulfilments = await orders.fulfilment_by_order_names(["#1001", "#1002"])  # 3 calls
    invoices = await orders.invoices_by_order_names(["#1001", "#1002"])  # 2 calls (1 beside the other)
    ```
    """

    service = SERVICE

    def __init__(
        self,
        client: BackendClient,
        *,
        database: str,
        api_key: str,
        max_pdf_bytes: int = MAX_INVOICE_PDF_BYTES,
    ) -> None:
        self.odoo = Json2(client, database=database, api_key=api_key)
        self.reports = Reports(client, database=database, api_key=api_key)
        self.max_pdf_bytes = max_pdf_bytes
        self._reading: dict[str, asyncio.Future[dict[str, list[SaleOrderRecord]]]] = {}
        """Sale-order reads in flight, by the order names they were asked for."""

    async def invoice_pdf(self, invoice_id: int) -> bytes:
        """The PDF of the ERP's invoice `invoice_id`.

        `BackendRequestError` with status 404 when the ERP has no such invoice; an answer that is not
        a PDF, or larger than `max_pdf_bytes`, is a `BackendBadResponse`.
        """
        return await self.reports.pdf(INVOICE_REPORT, invoice_id, max_bytes=self.max_pdf_bytes)

    async def fulfilment_by_order_names(self, names: Sequence[str]) -> Mapping[str, Fulfilment]:
        orders = await self._sale_orders(names)
        if not orders:
            return {}
        pickings = await self.odoo.call(
            "stock.picking",
            "search_read",
            {
                "domain": [
                    ["sale_id", "in", [order.id for order in orders]],
                    # Returns are incoming transfers of the same sale order: not deliveries.
                    ["picking_type_code", "=", "outgoing"],
                ],
                "fields": PICKING_FIELDS,
            },
            PICKINGS,
        )
        moves: list[MoveRecord] = []
        if pickings:
            moves = await self.odoo.call(
                "stock.move",
                "search_read",
                {"domain": [["picking_id", "in", [p.id for p in pickings]]], "fields": MOVE_FIELDS},
                MOVES,
            )
        return _fulfilments(orders, pickings, moves)

    async def invoices_by_order_names(self, names: Sequence[str]) -> Mapping[str, OrderInvoices]:
        orders = await self._sale_orders(names)
        if not orders:
            return {}
        rows = await self.odoo.call(
            "account.move",
            "search_read",
            {
                "domain": [
                    ["invoice_origin", "in", sorted({order.name for order in orders})],
                    ["move_type", "=", "out_invoice"],
                    # A draft has no number and was never sent to the customer.
                    ["state", "!=", "draft"],
                ],
                "fields": INVOICE_FIELDS,
            },
            INVOICES,
        )
        return _invoices(orders, rows)

    async def _sale_orders(self, names: Sequence[str]) -> list[SaleOrderRecord]:
        """The sale orders of these names, joining a read already in flight for any of them."""
        wanted = sorted(set(names))
        joined = {self._reading[name] for name in wanted if name in self._reading}
        missing = [name for name in wanted if name not in self._reading]
        found: dict[str, list[SaleOrderRecord]] = {}
        if missing:
            reading: asyncio.Future[dict[str, list[SaleOrderRecord]]] = (
                asyncio.get_running_loop().create_future()
            )
            for name in missing:
                self._reading[name] = reading
            try:
                found = await self._read_sale_orders(missing)
            except BaseException as error:
                reading.set_exception(error)
                reading.exception()  # retrieved: a read nobody joined must not be reported as lost
                raise
            else:
                reading.set_result(found)
            finally:
                for name in missing:
                    self._reading.pop(name, None)
        for other in await asyncio.gather(*joined):
            found.update(other)
        return sorted((row for name in wanted for row in found.get(name, ())), key=lambda row: row.id)

    async def _read_sale_orders(self, names: list[str]) -> dict[str, list[SaleOrderRecord]]:
        rows = await self.odoo.call(
            "sale.order",
            "search_read",
            {"domain": [["client_order_ref", "in", names]], "fields": SALE_ORDER_FIELDS},
            SALE_ORDERS,
        )
        by_name: dict[str, list[SaleOrderRecord]] = {}
        for row in rows:
            # Odoo matches `in` exactly, but an answer is checked, not trusted.
            if row.client_order_ref in names:
                by_name.setdefault(row.client_order_ref, []).append(row)
        return by_name


def _fulfilments(
    orders: list[SaleOrderRecord], pickings: list[PickingRecord], moves: list[MoveRecord]
) -> dict[str, Fulfilment]:
    lines: defaultdict[int, list[DeliveryLine]] = defaultdict(list)
    for move in sorted(moves, key=lambda m: m.id):
        if move.picking_id is not None:
            lines[move.picking_id[0]].append(_line(move))
    deliveries: defaultdict[int, list[Delivery]] = defaultdict(list)
    for picking in sorted(pickings, key=lambda p: p.id):
        if picking.sale_id is not None:
            deliveries[picking.sale_id[0]].append(_delivery(picking, tuple(lines[picking.id])))
    found: dict[str, Fulfilment] = {}
    for order in orders:  # oldest first: a newer sale order for the same name speaks for it
        name = order.client_order_ref
        assert name is not None  # `_sale_orders` keeps only the names asked for
        earlier = found.get(name)
        found[name] = Fulfilment(
            order_name=name,
            reference=order.name,
            state=order.state,
            deliveries=(*(earlier.deliveries if earlier else ()), *deliveries[order.id]),
        )
    return found


def _delivery(picking: PickingRecord, lines: tuple[DeliveryLine, ...]) -> Delivery:
    return Delivery(
        name=picking.name or "",
        state=picking.state,
        carrier=picking.carrier_id[1] if picking.carrier_id else None,
        tracking_number=picking.carrier_tracking_ref,
        tracking_url=picking.carrier_tracking_url,
        scheduled_at=picking.scheduled_date,
        shipped_at=picking.date_done if picking.state == "done" else None,
        lines=lines,
    )


def _line(move: MoveRecord) -> DeliveryLine:
    match = DISPLAY_SKU.match(move.product_id[1]) if move.product_id else None
    ordered = int(move.product_uom_qty)
    # Until a move is done its quantity is what is reserved or picked, not what left.
    shipped = int(move.quantity) if move.state == "done" else 0
    return DeliveryLine(
        sku=match.group("sku") if match else None,
        ordered=ordered,
        shipped=shipped,
        backordered=max(0, ordered - shipped) if move.state == "done" else 0,
    )


def _invoices(orders: list[SaleOrderRecord], rows: list[InvoiceRecord]) -> dict[str, OrderInvoices]:
    names_of: defaultdict[str, set[str]] = defaultdict(set)
    for order in orders:
        assert order.client_order_ref is not None  # `_sale_orders` keeps only the names asked for
        names_of[order.name].add(order.client_order_ref)
    invoices: defaultdict[str, list[Invoice]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: r.id):
        if not row.name or row.name == "/":
            continue  # never numbered, so never issued
        invoice = _invoice(row)
        for name in names_of.get(row.invoice_origin or "", ()):
            invoices[name].append(invoice)
    return {
        name: OrderInvoices(name, tuple(invoices[name]))
        for name in sorted({n for ns in names_of.values() for n in ns})
    }


def _invoice(row: InvoiceRecord) -> Invoice:
    if row.currency_id is None:
        raise BackendBadResponse(SERVICE, f"account.move/search_read: invoice {row.name} has no currency")
    return Invoice(
        erp_id=row.id,
        number=row.name or "",
        state=row.state,
        payment_state=row.payment_state,
        issued_on=row.invoice_date,
        due_on=row.invoice_date_due,
        amount_untaxed=row.amount_untaxed,
        amount_tax=row.amount_tax,
        amount_total=row.amount_total,
        currency=row.currency_id[1],
    )


__all__ = [
    "INVOICE_FIELDS",
    "INVOICE_REPORT",
    "MAX_INVOICE_PDF_BYTES",
    "MOVE_FIELDS",
    "PICKING_FIELDS",
    "SALE_ORDER_FIELDS",
    "SERVICE",
    "OdooOrders",
]
