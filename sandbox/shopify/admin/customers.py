"""Admin API customers: lookups by id, email or phone, search, and `customerUpdate`."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sandbox.shopify.changes import CustomerUpdated
from sandbox.shopify.connections import Ordering, Window, paginate
from sandbox.shopify.cursors import SortValue
from sandbox.shopify.ids import parse_gid
from sandbox.shopify.money import money
from sandbox.shopify.records import CustomerRecord, OrderRecord
from sandbox.shopify.relay import Connection
from sandbox.shopify.storefront.customer import CUSTOMER_RESOLVERS as STOREFRONT_CUSTOMER
from sandbox.shopify.timestamps import iso

from .context import Info
from .orders import ORDER_SORTS
from .search import customer_matchers, search_connection


def _customer(info: Info, value: str | None) -> CustomerRecord | None:
    parsed = parse_gid(value) if value else None
    if parsed is None or parsed.kind != "Customer" or parsed.number is None:
        return None
    return info.context.store.customers.get(parsed.number)


def resolve_customer(_root: None, info: Info, id: str) -> CustomerRecord | None:
    return _customer(info, id)


def resolve_customer_by_identifier(
    _root: None, info: Info, identifier: dict[str, Any]
) -> CustomerRecord | None:
    store = info.context.store
    if identifier.get("id") is not None:
        return _customer(info, identifier["id"])
    if identifier.get("emailAddress") is not None:
        return store.customers_by_email.get(identifier["emailAddress"].strip().casefold())
    if identifier.get("phoneNumber") is not None:
        wanted = identifier["phoneNumber"].replace(" ", "")
        return next((c for c in store.customers.values() if c.phone.replace(" ", "") == wanted), None)
    return None  # customId: the sandbox defines no unique metafields


CUSTOMER_SORTS: dict[str, Callable[[CustomerRecord], SortValue]] = {
    "ID": lambda c: c.id,
    "CREATED_AT": lambda c: iso(c.created_at),
    "UPDATED_AT": lambda c: iso(c.updated_at),
    "NAME": lambda c: c.display_name.casefold(),
    "LOCATION": lambda c: c.address.country_code,
    "RELEVANCE": lambda c: c.id,
}


def resolve_customers(_root: None, info: Info, **args: Any) -> Connection[CustomerRecord]:
    store = info.context.store
    return search_connection(info, args, store.customers, customer_matchers(store), CUSTOMER_SORTS)


def amount_spent(customer: CustomerRecord) -> Decimal:
    return sum((o.total for o in customer.orders if o.cancelled_at is None), Decimal(0))


def _marketing_state(customer: CustomerRecord) -> str:
    return "SUBSCRIBED" if customer.accepts_marketing else "NOT_SUBSCRIBED"


def _orders(customer: CustomerRecord, info: Info, **args: Any) -> Connection[OrderRecord]:
    window = Window.of(args)
    value = ORDER_SORTS[args.get("sortKey") or "ID"]
    ordering = Ordering.sort(customer.orders, lambda o: (value(o), o.id))
    return Connection(paginate(ordering, window, reverse=bool(args.get("reverse"))))


def customer_update(_root: None, info: Info, input: dict[str, Any]) -> dict[str, Any]:
    ctx = info.context
    store = ctx.store
    customer = _customer(info, input.get("id"))
    if customer is None:
        return {"customer": None, "userErrors": [{"field": ["id"], "message": "Customer does not exist"}]}
    if "emailMarketingConsent" in input:
        return {
            "customer": None,
            "userErrors": [
                {
                    "field": ["emailMarketingConsent"],
                    "message": "To update emailMarketingConsent, please use the customerEmailMarketingConsentUpdate Mutation instead",
                }
            ],
        }
    email = input.get("email")
    if email:
        owner = store.customers_by_email.get(email.strip().casefold())
        if owner is not None and owner is not customer:
            return {
                "customer": None,
                "userErrors": [{"field": ["email"], "message": "Email has already been taken"}],
            }
    if email is not None and email != customer.email:
        store.customers_by_email.pop(customer.email.casefold(), None)
        customer.email = email.strip()
        if customer.email:
            store.customers_by_email[customer.email.casefold()] = customer
    for key, attribute in (("firstName", "first_name"), ("lastName", "last_name"), ("phone", "phone")):
        if key in input:
            setattr(customer, attribute, input[key] or "")
    if "note" in input:
        customer.note = input["note"]
    if input.get("locale"):
        customer.locale = input["locale"]
    if "tags" in input:
        customer.tags = sorted({tag.strip() for tag in input["tags"] or () if tag.strip()})
    customer.updated_at = store.now()
    store.changes.publish(CustomerUpdated(customer))
    return {"customer": customer, "userErrors": []}


_ADDRESS_FIELDS = {
    key: value for key, value in STOREFRONT_CUSTOMER["MailingAddress"].items() if key != "formatted"
}

CUSTOMER_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {
        "customer": resolve_customer,
        "customerByIdentifier": resolve_customer_by_identifier,
        "customers": resolve_customers,
    },
    "Mutation": {"customerUpdate": customer_update},
    "Customer": {
        "id": lambda c, info: c.gid,
        "legacyResourceId": lambda c, info: str(c.id),
        "firstName": lambda c, info: c.first_name,
        "lastName": lambda c, info: c.last_name,
        "displayName": lambda c, info: c.display_name,
        "email": lambda c, info: c.email or None,
        "phone": lambda c, info: c.phone.replace(" ", "") or None,
        "defaultEmailAddress": lambda c, info: (
            {
                "emailAddress": c.email,
                "marketingState": _marketing_state(c),
                "marketingOptInLevel": "SINGLE_OPT_IN" if c.accepts_marketing else None,
                "marketingUpdatedAt": iso(c.created_at) if c.accepts_marketing else None,
                "validFormat": "@" in c.email,
            }
            if c.email
            else None
        ),
        "defaultPhoneNumber": lambda c, info: {"phoneNumber": c.phone.replace(" ", "")} if c.phone else None,
        "emailMarketingConsent": lambda c, info: (
            {
                "marketingState": _marketing_state(c),
                "marketingOptInLevel": "SINGLE_OPT_IN" if c.accepts_marketing else None,
                "consentUpdatedAt": iso(c.created_at) if c.accepts_marketing else None,
            }
            if c.email
            else None
        ),
        "tags": lambda c, info: c.tags,
        "note": lambda c, info: c.note,
        "numberOfOrders": lambda c, info: str(len(c.orders)),
        "amountSpent": lambda c, info: money(amount_spent(c), "EUR"),
        "createdAt": lambda c, info: iso(c.created_at),
        "updatedAt": lambda c, info: iso(c.updated_at),
        "defaultAddress": lambda c, info: c.address,
        "state": lambda c, info: "ENABLED",
        "locale": lambda c, info: c.locale.replace("_", "-"),
        "verifiedEmail": lambda c, info: True,
        "orders": _orders,
    },
    "MailingAddress": _ADDRESS_FIELDS,
}

__all__ = ["CUSTOMER_RESOLVERS", "amount_spent"]
