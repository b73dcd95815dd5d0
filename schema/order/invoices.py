"""ErpInvoice: a customer invoice the ERP issued for a Shopify order.

Amounts are `Decimal` (the same scalar as Shopify's money amounts: a string in JSON, never a
float), in the invoice's currency.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry

from gateway.invoice_links import InvoiceLinks
from gateway.models import orders as models


@strawberry.type(name="ErpInvoice", description="A customer invoice the ERP issued for the order.")
class ErpInvoice:
    number: str = strawberry.field(description="The invoice number, such as `INV/2026/00042`.")
    state: str = strawberry.field(
        description="`posted` (issued) or `cancel` (withdrawn); drafts are never shown."
    )
    payment_state: str | None = strawberry.field(
        description=(
            "How far the invoice is paid: `not_paid`, `in_payment` (a payment is on its way), "
            "`partial`, `paid` or `reversed` (credited back); null when the ERP computed none."
        )
    )
    issued_on: date | None = strawberry.field(description="The invoice's date.")
    due_on: date | None = strawberry.field(description="The date by which the invoice is to be paid.")
    amount_untaxed: Decimal = strawberry.field(description="The total before tax.")
    amount_tax: Decimal = strawberry.field(description="The tax on the invoice.")
    amount_total: Decimal = strawberry.field(description="The total to pay, tax included.")
    currency_code: str = strawberry.field(
        description="The ISO 4217 code of the currency the amounts are in, such as `EUR`."
    )
    download_url: str = strawberry.field(
        description=(
            "Path on the gateway that serves the invoice as a PDF file, to the holder of this link only "
            "and for a short while (15 minutes unless configured otherwise): query the order again for "
            "a fresh one."
        )
    )

    @classmethod
    def from_model(cls, invoice: models.Invoice, order_name: str, links: InvoiceLinks) -> ErpInvoice:
        return cls(
            number=invoice.number,
            state=invoice.state,
            payment_state=invoice.payment_state,
            issued_on=invoice.issued_on,
            due_on=invoice.due_on,
            amount_untaxed=invoice.amount_untaxed,
            amount_tax=invoice.amount_tax,
            amount_total=invoice.amount_total,
            currency_code=invoice.currency,
            # Made per request, never cached: the order name is the one Shopify just returned for
            # the caller's own token, so the link is theirs.
            download_url=links.path(invoice_id=invoice.erp_id, order_name=order_name, number=invoice.number),
        )

    @classmethod
    def from_models(cls, invoices: models.OrderInvoices, links: InvoiceLinks) -> list[ErpInvoice]:
        return [cls.from_model(invoice, invoices.order_name, links) for invoice in invoices.invoices]


__all__ = ["ErpInvoice"]
