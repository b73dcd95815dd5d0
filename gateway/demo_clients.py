"""The demo's clients: one of each kind, with keys made for the run and printed once.

Only the keys' hashes go into the demo's config, as in production; the keys themselves are printed
so a new user can try each kind of caller (`X-Shopify-Storefront-Access-Token` for the storefront
and the widget, `Shopify-Storefront-Private-Token` for a Hydrogen-like server, `Authorization:
Bearer` for the staff tool). Callers without a key keep Shopify's tokenless access (the catalog and
the cart), so GraphiQL works as it opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .clients.keys import key_hash, new_key
from .models import scopes

PUBLIC_HEADER = "X-Shopify-Storefront-Access-Token"
PRIVATE_HEADER = "Shopify-Storefront-Private-Token"


@dataclass(frozen=True, slots=True)
class DemoClient:
    name: str
    kind: str
    scopes: tuple[str, ...]
    header: str
    origins: tuple[str, ...] = ()


def demo_clients(origin: str) -> tuple[DemoClient, ...]:
    """The demo's clients; the widget may be used from the demo's own pages, at `origin`."""
    customer = (scopes.CUSTOMER_READ, scopes.CUSTOMER_WRITE, scopes.ORDERS_READ, scopes.CHAT_READ)
    return (
        DemoClient(
            "storefront",
            "storefront",
            (scopes.CATALOG_READ, scopes.CART_WRITE, scopes.CHECKOUT_WRITE, *customer),
            PUBLIC_HEADER,
        ),
        DemoClient(
            "chat-widget",
            "widget",
            (scopes.CATALOG_READ, scopes.CHAT_READ, scopes.CHAT_WRITE),
            PUBLIC_HEADER,
            (origin,),
        ),
        DemoClient(
            "hydrogen-server",
            "server",
            (scopes.CATALOG_READ, scopes.CART_WRITE, scopes.CHECKOUT_WRITE, *customer),
            PRIVATE_HEADER,
        ),
        DemoClient(
            "support-desk",
            "staff",
            (scopes.CATALOG_READ, scopes.SUPPORT_READ, scopes.QUOTES_WRITE),
            "Authorization: Bearer",
        ),
    )


def with_keys(clients: tuple[DemoClient, ...]) -> tuple[dict[str, Any], dict[str, str]]:
    """The `clients` config section for `clients`, and each client's new key by name."""
    keys = {client.name: new_key(private=client.kind in ("server", "staff")) for client in clients}
    section = {
        "clients": [
            {
                "name": client.name,
                "kind": client.kind,
                "key_sha256": key_hash(keys[client.name]),
                "scopes": list(client.scopes),
                "origins": list(client.origins),
                "rate_limit": {"requests": 600, "window_s": 60},
            }
            for client in clients
        ]
    }
    return section, keys


def describe(clients: tuple[DemoClient, ...], keys: dict[str, str]) -> str:
    """What the demo prints of its clients: a line each, `key=value` pairs after the name."""
    lines = ["Clients (keys made for this run; the config holds only their SHA-256):"]
    for client in clients:
        details = [f"kind={client.kind}", f"key={keys[client.name]}", f"header={client.header}"]
        if client.origins:
            details.append(f"origins={' '.join(client.origins)}")
        details.append(f"scopes={' '.join(client.scopes)}")
        lines.append(f"  client {client.name}  {', '.join(details)}")
    lines.append("  without a key: the catalog and the cart, as Shopify's tokenless access")
    return "\n".join(lines)


__all__ = ["DemoClient", "demo_clients", "describe", "with_keys"]
