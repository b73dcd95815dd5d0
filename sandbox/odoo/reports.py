"""Odoo's report controller for customer invoices: `GET /report/pdf/account.report_invoice/<ids>`.

Odoo renders a QWeb report to PDF on this route and answers the bare bytes (`application/pdf`,
with its length and no `Content-Disposition`: the web client's `/report/download` adds that). The
integration user authenticates with its API key as a bearer token, as on JSON-2. Checks run as
Odoo's dispatcher runs them: the `X-Odoo-Database` header picks the database, the bearer key
(werkzeug's 401 page), then the report name and every record asked for (a 404 page when one is
not a customer invoice of this database).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .auth import Credentials, bearer_token
from .definitions.sale import line_amounts
from .pdf_document import Line, pdf_document
from .responses import NOT_FOUND_DESCRIPTION, html_error
from .store import Row, Store

INVOICE_REPORTS = ("account.report_invoice", "account.report_invoice_with_payments")
"""The invoice reports of Odoo's `account` module: the plain invoice and the one listing payments."""
ROUTE = "/report/pdf/{report}/{docids:[0-9]+(?:,[0-9]+)*}"


class InvoiceReports:
    """The PDF of posted and cancelled customer invoices, drawn from the store's rows."""

    def __init__(self, store: Store, credentials: Credentials) -> None:
        self.store = store
        self.credentials = credentials

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(ROUTE, self.pdf)

    async def pdf(self, request: web.Request) -> web.StreamResponse:
        database = request.headers.get("X-Odoo-Database")
        if database is not None and database != self.credentials.database:
            return html_error(404, NOT_FOUND_DESCRIPTION)
        token = bearer_token(request.headers.get("Authorization"))
        if token is None or self.credentials.key_user(token) is None:
            said = (
                "Invalid apikey"
                if token
                else "User not authenticated, use an API Key with a Bearer Authorization header."
            )
            return html_error(401, said, headers={"WWW-Authenticate": "bearer"})
        if request.match_info["report"] not in INVOICE_REPORTS:
            return html_error(404, NOT_FOUND_DESCRIPTION)
        invoices = [self._invoice(int(docid)) for docid in request.match_info["docids"].split(",")]
        found = [row for row in invoices if row is not None]
        if len(found) != len(invoices):
            return html_error(404, NOT_FOUND_DESCRIPTION)
        # Several ids make one file, a page per invoice here (Odoo's invoices may run longer).
        body = pdf_document(
            [self._page(row) for row in found], title=", ".join(str(r["name"]) for r in found)
        )
        return web.Response(
            body=body, content_type="application/pdf", headers={"Content-Length": str(len(body))}
        )

    def _invoice(self, rid: int) -> Row | None:
        row = self.store.row("account.move", rid)
        if row is None or row.get("move_type") != "out_invoice" or row.get("state") == "draft":
            return None
        return row

    def _page(self, invoice: Row) -> list[Line]:
        currency = self.store.row("res.currency", invoice["currency_id"]) or {}
        code = str(currency.get("name", ""))
        partner = self.store.row("res.partner", invoice.get("partner_id") or 0) or {}
        lines: list[Line] = [
            (f"Invoice {invoice['name']}", 18),
            (f"Invoice Date: {invoice.get('invoice_date') or ''}", 10),
            (f"Due Date: {invoice.get('invoice_date_due') or ''}", 10),
            (f"Customer: {partner.get('name', '')}", 10),
            (f"Source: {invoice.get('invoice_origin') or ''}", 10),
            ("Description / Quantity / Unit Price / Amount", 10),
        ]
        for line in self._lines(invoice):
            subtotal = line_amounts(line)[0]
            lines.append(
                (
                    f"{line['name']} / {line['product_uom_qty']:g} / {line['price_unit']:.2f} / {subtotal:.2f} {code}",
                    10,
                )
            )
        lines += [
            (f"Untaxed Amount: {invoice['amount_untaxed']:.2f} {code}", 10),
            (f"Tax: {invoice['amount_tax']:.2f} {code}", 10),
            (f"Total: {invoice['amount_total']:.2f} {code}", 12),
        ]
        return lines

    def _lines(self, invoice: Row) -> list[Any]:
        """The invoiced sale order's product lines (the invoice's own lines copy them)."""
        orders = self.store.table("sale.order")
        lines = self.store.table("sale.order.line")
        found: list[Any] = []
        for oid in sorted(orders.lookup("name", invoice.get("invoice_origin") or "")):
            found += [lines.rows[lid] for lid in sorted(lines.lookup("order_id", oid))]
        return [line for line in found if not line.get("display_type")]


__all__ = ["INVOICE_REPORTS", "InvoiceReports"]
