"""Storefront customers (legacy accounts): access tokens, `customer`, its addresses and orders.

Every sandbox customer signs in with their email and `seed.CUSTOMER_PASSWORD`. Orders come from
the shared store, so one placed through the Admin API shows in the customer's order list.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from sandbox.seed import CUSTOMER_PASSWORD
from sandbox.shopify.connections import Ordering, Window, paginate
from sandbox.shopify.cursors import SortValue
from sandbox.shopify.markets import COUNTRIES
from sandbox.shopify.money import money
from sandbox.shopify.records import (
    AddressRecord,
    CustomerRecord,
    OrderLineRecord,
    OrderRecord,
)
from sandbox.shopify.relay import Connection, list_connection
from sandbox.shopify.timestamps import iso

from .context import Info


def customer_access_token_create(_root: None, info: Info, input: dict[str, str]) -> dict[str, Any]:
    ctx = info.context
    ctx.require_token("customerAccessTokenCreate", "unauthenticated_write_customers")
    customer = ctx.store.customers_by_email.get(input["email"].strip().casefold())
    if customer is None or input["password"] != CUSTOMER_PASSWORD:
        error = {"code": "UNIDENTIFIED_CUSTOMER", "field": ["input"], "message": "Unidentified customer"}
        return {
            "customerAccessToken": None,
            "customerUserErrors": [error],
            "userErrors": [{"field": error["field"], "message": error["message"]}],
        }
    token, issued = ctx.state.issue_token(customer, ctx.store.now())
    return {
        "customerAccessToken": {"accessToken": token, "expiresAt": iso(issued.expires_at)},
        "customerUserErrors": [],
        "userErrors": [],
    }


def customer_access_token_delete(
    _root: None,
    info: Info,
    customerAccessToken: str,
) -> dict[str, Any]:
    ctx = info.context
    ctx.require_token("customerAccessTokenDelete", "unauthenticated_write_customers")
    issued = ctx.state.tokens.pop(customerAccessToken, None)
    if issued is None:
        return {
            "deletedAccessToken": None,
            "deletedCustomerAccessTokenId": None,
            "userErrors": [{"field": None, "message": "access token does not exist"}],
        }
    token_id = hashlib.sha256(customerAccessToken.encode()).hexdigest()[:24]
    return {
        "deletedAccessToken": customerAccessToken,
        "deletedCustomerAccessTokenId": token_id,
        "userErrors": [],
    }


def resolve_customer(
    _root: None,
    info: Info,
    customerAccessToken: str,
) -> CustomerRecord | None:
    ctx = info.context
    ctx.require_token("customer", "unauthenticated_read_customers")
    return ctx.state.customer_for(customerAccessToken, ctx.store.now())


ORDER_SORTS: dict[str, Any] = {
    "ID": lambda order: order.id,
    "PROCESSED_AT": lambda order: iso(order.processed_at),
    "TOTAL_PRICE": lambda order: int(order.total * 100),
    "RELEVANCE": lambda order: order.id,
}


def _orders(customer: CustomerRecord, info: Info, **args: Any) -> Connection[OrderRecord]:
    window = Window.of(args)
    value = ORDER_SORTS[args.get("sortKey") or "ID"]

    def key(order: OrderRecord) -> tuple[SortValue, int]:
        return value(order), order.id

    ordering = Ordering.sort(customer.orders, key)
    return Connection(
        paginate(ordering, window, reverse=bool(args.get("reverse"))), {"totalCount": lambda: len(ordering)}
    )


def _addresses(customer: CustomerRecord, info: Info, **args: Any) -> Connection[AddressRecord]:
    return list_connection(customer.addresses, args, lambda address: address.id)


def _formatted(
    address: AddressRecord, info: Info, withName: bool = False, withCompany: bool = True
) -> list[str]:
    lines = [f"{address.first_name} {address.last_name}"] if withName else []
    return [
        *lines,
        address.address1,
        f"{address.zip} {address.city}",
        COUNTRIES.get(address.country_code, ("",))[0],
    ]


def _order_money(order: OrderRecord, amount: Decimal) -> dict[str, str]:
    return money(amount, order.currency)


def _order_key(order: OrderRecord) -> str:
    return hashlib.sha256(f"order:{order.id}".encode()).hexdigest()[:32]


def _line_items(order: OrderRecord, info: Info, **args: Any) -> Connection[OrderLineRecord]:
    return list_connection(order.lines, args, lambda line: line.id)


CUSTOMER_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {"customer": resolve_customer},
    "Mutation": {
        "customerAccessTokenCreate": customer_access_token_create,
        "customerAccessTokenDelete": customer_access_token_delete,
    },
    "Customer": {
        "id": lambda c, info: c.gid,
        "firstName": lambda c, info: c.first_name,
        "lastName": lambda c, info: c.last_name,
        "displayName": lambda c, info: c.display_name,
        "email": lambda c, info: c.email,
        "phone": lambda c, info: c.phone,
        "acceptsMarketing": lambda c, info: c.accepts_marketing,
        "defaultAddress": lambda c, info: c.address,
        "addresses": _addresses,
        "orders": _orders,
        "numberOfOrders": lambda c, info: str(len(c.orders)),
        "tags": lambda c, info: c.tags,
        "createdAt": lambda c, info: iso(c.created_at),
        "updatedAt": lambda c, info: iso(c.updated_at),
    },
    "MailingAddress": {
        "id": lambda a, info: f"{a.gid}?model_name=CustomerAddress",
        "address1": lambda a, info: a.address1,
        "address2": lambda a, info: a.address2,
        "city": lambda a, info: a.city,
        "company": lambda a, info: a.company,
        "country": lambda a, info: COUNTRIES.get(a.country_code, (a.country_code,))[0],
        "countryCodeV2": lambda a, info: a.country_code,
        "firstName": lambda a, info: a.first_name,
        "lastName": lambda a, info: a.last_name,
        "name": lambda a, info: f"{a.first_name} {a.last_name}",
        "phone": lambda a, info: a.phone,
        "province": lambda a, info: None,
        "provinceCode": lambda a, info: a.zone_code,
        "zip": lambda a, info: a.zip,
        "formatted": _formatted,
        "formattedArea": lambda a, info: f"{a.city}, {COUNTRIES.get(a.country_code, (a.country_code,))[0]}",
    },
    "Order": {
        "id": lambda o, info: f"{o.gid}?key={_order_key(o)}",
        "name": lambda o, info: o.name,
        "orderNumber": lambda o, info: o.number,
        "email": lambda o, info: o.email,
        "processedAt": lambda o, info: iso(o.processed_at),
        "financialStatus": lambda o, info: o.financial_status,
        "fulfillmentStatus": lambda o, info: o.fulfillment_status,
        "currencyCode": lambda o, info: o.currency,
        "totalPrice": lambda o, info: _order_money(o, o.total),
        "subtotalPrice": lambda o, info: _order_money(o, o.subtotal),
        "totalShippingPrice": lambda o, info: _order_money(o, Decimal(0)),
        "totalTax": lambda o, info: _order_money(o, Decimal(0)),
        "totalRefunded": lambda o, info: _order_money(o, o.refunded),
        "currentTotalPrice": lambda o, info: _order_money(o, o.current_total),
        "currentSubtotalPrice": lambda o, info: _order_money(o, o.current_subtotal),
        "canceledAt": lambda o, info: iso(o.cancelled_at) if o.cancelled_at else None,
        "cancelReason": lambda o, info: o.cancel_reason,
        "statusUrl": lambda o, info: f"{info.context.store.url}/account/orders/{_order_key(o)}",
        "lineItems": _line_items,
        "shippingAddress": lambda o, info: o.customer.address if o.customer else None,
        "billingAddress": lambda o, info: o.customer.address if o.customer else None,
    },
    "OrderLineItem": {
        "title": lambda line, info: line.title,
        "quantity": lambda line, info: line.quantity,
        "currentQuantity": lambda line, info: line.current_quantity,
        "variant": lambda line, info: line.variant,
        "originalTotalPrice": lambda line, info: money(line.total, "EUR"),
        "discountedTotalPrice": lambda line, info: money(line.total, "EUR"),
    },
}

__all__ = ["CUSTOMER_RESOLVERS"]
