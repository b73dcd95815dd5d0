"""What the ERP holds of a Shopify order: its fulfilment (deliveries and their lines) and its invoices.

Both are keyed by the Shopify order name (`#1042`), which is what the ERP's sale order carries as
the customer's reference. Dates are the ERP's: naive UTC on the wire, held here with their zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class DeliveryLine:
    """One product of a delivery."""

    sku: str | None
    """None when the ERP's product has no internal reference (a service, a kit the shop never sold)."""
    ordered: int
    """Units the delivery was planned to carry."""
    shipped: int
    """Units that left the warehouse (only once the delivery is done)."""
    backordered: int
    """Units a done delivery did not carry: the ERP ships them in a later delivery."""


@dataclass(frozen=True, slots=True)
class Delivery:
    """One outgoing transfer of the ERP (`stock.picking`) for the order."""

    name: str
    state: str
    """The ERP's transfer state: draft, waiting, confirmed, assigned, done or cancel."""
    carrier: str | None
    tracking_number: str | None
    tracking_url: str | None
    """Only carriers with a shipping connector have one; fixed-price carriers never do."""
    scheduled_at: datetime | None
    shipped_at: datetime | None
    """When the delivery was validated in the warehouse, the goods handed to the carrier."""
    lines: tuple[DeliveryLine, ...]


@dataclass(frozen=True, slots=True)
class Fulfilment:
    """The ERP's sale order for a Shopify order and its deliveries, oldest first."""

    order_name: str
    reference: str
    """The ERP's own name of its sale order, such as `S00042`."""
    state: str
    """The sale order's state: draft, sent, sale or cancel."""
    deliveries: tuple[Delivery, ...]


@dataclass(frozen=True, slots=True)
class Invoice:
    """A customer invoice the ERP issued for the order."""

    erp_id: int
    """The ERP's record id: what its PDF is asked for by."""
    number: str
    state: str
    """posted or cancel (drafts are not issued and never served)."""
    payment_state: str | None
    issued_on: date | None
    due_on: date | None
    amount_untaxed: Decimal
    amount_tax: Decimal
    amount_total: Decimal
    currency: str
    """ISO 4217 code, as the ERP names its currencies."""


@dataclass(frozen=True, slots=True)
class OrderInvoices:
    """Every customer invoice of one Shopify order, oldest first (none is an answer too)."""

    order_name: str
    invoices: tuple[Invoice, ...]


__all__ = ["Delivery", "DeliveryLine", "Fulfilment", "Invoice", "OrderInvoices"]
