"""The scopes a client may be given: what each lets it read or write (`gateway.graphql.scopes` applies them)."""

from __future__ import annotations

from collections.abc import Mapping

CATALOG_READ = "catalog:read"
CART_WRITE = "cart:write"
CHECKOUT_WRITE = "checkout:write"
CUSTOMER_READ = "customer:read:self"
CUSTOMER_WRITE = "customer:write:self"
ORDERS_READ = "orders:read:self"
CHAT_READ = "chat:read:self"
CHAT_WRITE = "chat:write"
SUPPORT_READ = "support:read"
QUOTES_WRITE = "quotes:write"

SCOPES: Mapping[str, str] = {
    CATALOG_READ: "Products, collections, search, content, pages and the shop: what any visitor sees.",
    CART_WRITE: "Carts: create, read and change a cart.",
    CHECKOUT_WRITE: "Payment and checkout mutations beyond the cart.",
    CUSTOMER_READ: "Sign a customer in and read that customer: account, profile.",
    CUSTOMER_WRITE: "Change the signed-in customer's account: details, addresses, sign-up.",
    ORDERS_READ: "The signed-in customer's orders, with their fulfilment and invoices.",
    CHAT_READ: "The signed-in customer's support conversations.",
    CHAT_WRITE: "Start and answer support conversations.",
    SUPPORT_READ: "Look up any customer's joined view, for the support team.",
    QUOTES_WRITE: "Create and send quotes, for sales staff.",
}
"""Every scope a client may be given, and what it lets the client do."""

__all__ = [
    "CART_WRITE",
    "CATALOG_READ",
    "CHAT_READ",
    "CHAT_WRITE",
    "CHECKOUT_WRITE",
    "CUSTOMER_READ",
    "CUSTOMER_WRITE",
    "ORDERS_READ",
    "QUOTES_WRITE",
    "SCOPES",
    "SUPPORT_READ",
]
