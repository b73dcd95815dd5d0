"""The signed-in customer as the Customer Account API shows them: profile, addresses, orders.

Addresses and orders are the shared store's records, so an order placed through the Admin API or
an address saved here shows in every API at once.
"""

from __future__ import annotations

from typing import Any

from sandbox.shopify.connections import Ordering, Window, paginate
from sandbox.shopify.cursors import SortValue
from sandbox.shopify.ids import gid
from sandbox.shopify.markets import COUNTRIES
from sandbox.shopify.records import AddressRecord, CustomerRecord, OrderRecord
from sandbox.shopify.relay import Connection, list_connection
from sandbox.shopify.timestamps import iso

from .context import Info

ORDER_SORTS: dict[str, Any] = {
    "ID": lambda order: order.id,
    "PROCESSED_AT": lambda order: iso(order.processed_at),
    "TOTAL_PRICE": lambda order: int(order.total * 100),
    "RELEVANCE": lambda order: order.id,
}


def address_gid(address: AddressRecord) -> str:
    return gid("CustomerAddress", address.id)


def country_name(code: str) -> str:
    return COUNTRIES.get(code, (code,))[0]


def _orders(customer: CustomerRecord, info: Info, **args: Any) -> Connection[OrderRecord]:
    value = ORDER_SORTS[args.get("sortKey") or "ID"]

    def key(order: OrderRecord) -> tuple[SortValue, int]:
        return value(order), order.id

    ordering = Ordering.sort(customer.orders, key)
    page = paginate(ordering, Window.of(args), reverse=bool(args.get("reverse")))
    return Connection(page, {"totalCount": lambda: str(len(ordering))})


def _addresses(customer: CustomerRecord, info: Info, **args: Any) -> Connection[AddressRecord]:
    return list_connection(customer.addresses, args, lambda address: address.id)


def _formatted(
    address: AddressRecord, info: Info, withName: bool = False, withCompany: bool = True
) -> list[str]:
    lines = [f"{address.first_name} {address.last_name}".strip()] if withName else []
    if withCompany and address.company:
        lines.append(address.company)
    lines += [address.address1, address.address2 or "", f"{address.zip} {address.city}".strip()]
    lines.append(country_name(address.country_code))
    return [line for line in lines if line]


def _text(value: str) -> str | None:
    return value or None


CUSTOMER_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {"customer": lambda _root, info: info.context.viewer},
    "Customer": {
        "id": lambda c, info: c.gid,
        "firstName": lambda c, info: _text(c.first_name),
        "lastName": lambda c, info: _text(c.last_name),
        "displayName": lambda c, info: c.display_name,
        "emailAddress": lambda c, info: c if c.email else None,
        "phoneNumber": lambda c, info: c if c.phone else None,
        "defaultAddress": lambda c, info: c.address if c.address in c.addresses else None,
        "addresses": _addresses,
        "orders": _orders,
        "creationDate": lambda c, info: iso(c.created_at),
        "tags": lambda c, info: c.tags,
    },
    "CustomerEmailAddress": {
        "emailAddress": lambda c, info: c.email,
        "marketingState": lambda c, info: "SUBSCRIBED" if c.accepts_marketing else "NOT_SUBSCRIBED",
    },
    "CustomerPhoneNumber": {
        "phoneNumber": lambda c, info: c.phone,
        "marketingState": lambda c, info: "NOT_SUBSCRIBED",
    },
    "CustomerAddress": {
        "id": lambda a, info: address_gid(a),
        "address1": lambda a, info: _text(a.address1),
        "address2": lambda a, info: a.address2,
        "city": lambda a, info: _text(a.city),
        "company": lambda a, info: a.company,
        "country": lambda a, info: country_name(a.country_code) if a.country_code else None,
        "firstName": lambda a, info: _text(a.first_name),
        "lastName": lambda a, info: _text(a.last_name),
        "name": lambda a, info: _text(f"{a.first_name} {a.last_name}".strip()),
        "phoneNumber": lambda a, info: _text(a.phone),
        "province": lambda a, info: None,
        "territoryCode": lambda a, info: a.country_code or None,
        "zip": lambda a, info: _text(a.zip),
        "zoneCode": lambda a, info: a.zone_code,
        "formatted": _formatted,
        "formattedArea": lambda a, info: (
            ", ".join(
                part for part in (a.city, country_name(a.country_code) if a.country_code else "") if part
            )
            or None
        ),
    },
}

__all__ = ["CUSTOMER_RESOLVERS", "ORDER_SORTS", "address_gid", "country_name"]
