"""A customer's orders in the Customer Account API: totals, items and parcels with tracking.

`order(id:)` answers only the signed-in customer's own orders: another customer's id reads as
unknown (null), never as forbidden, so ids cannot be probed.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from sandbox.shopify.admin.orders import TRACKING_URLS
from sandbox.shopify.ids import number_of
from sandbox.shopify.money import money
from sandbox.shopify.records import FulfillmentRecord, OrderLineRecord, OrderRecord
from sandbox.shopify.relay import Connection, list_connection
from sandbox.shopify.timestamps import iso

from .context import Info


def resolve_order(_root: None, info: Info, id: str) -> OrderRecord | None:
    number = number_of(id, "Order")
    order = info.context.store.orders.get(number) if number is not None else None
    if order is None or order.customer is not info.context.viewer:
        return None
    return order


def _money(order: OrderRecord, amount: Decimal) -> dict[str, str]:
    return money(amount, order.currency)


def _confirmation(order: OrderRecord) -> str:
    # Shopify's confirmation numbers are nine letters and digits, stable for the order.
    return hashlib.sha256(f"confirmation:{order.id}".encode()).hexdigest()[:9].upper()


def _line_items(order: OrderRecord, info: Info, **args: Any) -> Connection[OrderLineRecord]:
    return list_connection(order.lines, args, lambda line: line.id)


def _fulfillments(order: OrderRecord, info: Info, **args: Any) -> Connection[FulfillmentRecord]:
    return list_connection(order.fulfillments, args, lambda fulfillment: fulfillment.id)


def _tracking(fulfillment: FulfillmentRecord, info: Info) -> list[dict[str, str | None]]:
    if fulfillment.number is None:
        return []
    template = TRACKING_URLS.get(fulfillment.company)
    url = template.format(fulfillment.number) if template else None
    return [{"company": fulfillment.company, "number": fulfillment.number, "url": url}]


def _line_money(line: OrderLineRecord, amount: Decimal) -> dict[str, str]:
    return money(amount, line.order.currency if line.order else "EUR")


ORDER_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {"order": resolve_order},
    "Order": {
        "id": lambda o, info: o.gid,
        "name": lambda o, info: o.name,
        "number": lambda o, info: o.number,
        "confirmationNumber": lambda o, info: _confirmation(o),
        "createdAt": lambda o, info: iso(o.created_at),
        "processedAt": lambda o, info: iso(o.processed_at),
        "cancelledAt": lambda o, info: iso(o.cancelled_at) if o.cancelled_at else None,
        "currencyCode": lambda o, info: o.currency,
        "email": lambda o, info: o.email,
        "financialStatus": lambda o, info: o.financial_status,
        "fulfillmentStatus": lambda o, info: o.fulfillment_status,
        "statusPageUrl": lambda o, info: f"{info.context.store.url}/account/orders/{o.id}",
        "subtotal": lambda o, info: _money(o, o.subtotal) if o.lines else None,
        "totalPrice": lambda o, info: _money(o, o.total),
        "totalShipping": lambda o, info: _money(o, Decimal(0)),
        # The sandbox charges no tax: Shopify then answers null rather than a zero amount.
        "totalTax": lambda o, info: None,
        "lineItems": _line_items,
        "fulfillments": _fulfillments,
    },
    "LineItem": {
        "id": lambda line, info: line.gid,
        "title": lambda line, info: line.title,
        "name": lambda line, info: line.name,
        "variantTitle": lambda line, info: line.variant_title or None,
        "quantity": lambda line, info: line.quantity,
        "sku": lambda line, info: line.sku or None,
        "price": lambda line, info: _line_money(line, line.unit_price),
        "totalPrice": lambda line, info: _line_money(line, line.total),
        "variantId": lambda line, info: line.variant.gid if line.variant else None,
        "productId": lambda line, info: line.variant.product.gid if line.variant else None,
        "vendor": lambda line, info: line.variant.product.vendor if line.variant else None,
    },
    "Fulfillment": {
        "id": lambda f, info: f.gid,
        "createdAt": lambda f, info: iso(f.created_at),
        "updatedAt": lambda f, info: iso(f.created_at),
        "status": lambda f, info: "SUCCESS",
        "trackingInformation": _tracking,
    },
}

__all__ = ["ORDER_RESOLVERS", "resolve_order"]
