"""The storefront operations measured, each written as a front-end would write it.

Every scenario pairs a GraphQL operation sent to the gateway with the floor's way of fetching the
same data, plus what it runs under: the gateway's cache (off, or warm), and faults injected into
one backend for its duration.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import orjson

from .floor import Floor, FloorPage
from .operations import (
    ACCOUNT_PAGE,
    CART_LINES_ADD,
    COLLECTION_PAGE,
    HYDROGEN_PRODUCT_PAGE,
    PRODUCT_PAGE,
    SEARCH_PAGE,
)
from .targets import AccountTarget, CartTarget, PageTarget, ProductTarget, Targets

STOREFRONT_API_VERSION = "2026-04"
CATALOG_PATH = "/graphql"
"""The gateway's catalog endpoint."""
STOREFRONT_PATH = f"/api/{STOREFRONT_API_VERSION}/graphql.json"
"""Shopify's own path on the gateway: the composed Storefront API, as Shopify's clients (Hydrogen) call it."""
IN_CONTEXT = {"country": "FR", "language": "FR"}
"""The `@inContext` variables of the Hydrogen-shaped operations: the floor's locale."""

HUBSPOT_WINDOW_LIFTED = 1_000_000
"""Requests per ten seconds the CRM allows during `account_page`. HubSpot's private-app window (190
per 10 s, reported on every answer) is below the load: the gateway honours it and stops calling the
CRM past 19 pages a second, so the run lifts it, as for a portal whose limit is above the traffic."""
ACCOUNT_ORDERS = 10
"""The orders an account page shows: `orders(first: 10, reverse: true)`."""

SEARCH_TERMS = (
    "classic",
    "essential",
    "relaxed",
    "heritage",
    "everyday",
    "alpine",
    "coastal",
    "urban",
    "trail",
    "studio",
    "nordic",
    "weekend",
)
"""Style words: each titles a tenth of the catalog, so their result pages barely overlap."""


class Kind(StrEnum):
    PRODUCT = "product"
    COLLECTION = "collection"
    SEARCH = "search"
    HYDROGEN_PRODUCT = "hydrogen_product"
    CART_ADD = "cart_add"
    ACCOUNT = "account"


CATALOG_VENDORS = ("shopify", "akeneo", "odoo")
"""What the catalog and cart scenarios call: the commerce core, the PIM and the ERP."""
ACCOUNT_VENDORS = ("shopify", "hubspot", "intercom", "odoo")
"""What the account page calls: the commerce core, the CRM, the chat and the ERP."""

QUERIES = {
    Kind.PRODUCT: PRODUCT_PAGE,
    Kind.COLLECTION: COLLECTION_PAGE,
    Kind.SEARCH: SEARCH_PAGE,
    Kind.HYDROGEN_PRODUCT: HYDROGEN_PRODUCT_PAGE,
    Kind.CART_ADD: CART_LINES_ADD,
    Kind.ACCOUNT: ACCOUNT_PAGE,
}


class Cache(StrEnum):
    OFF = "uncached"
    """Cache TTLs 0 and every concurrent request for a different page: each operation hits every backend."""
    WARM = "warm"
    """The gateway's default cache, one page asked again and again."""


Target = str | PageTarget | ProductTarget | CartTarget | AccountTarget


@dataclass(frozen=True, slots=True)
class Scenario:
    """One measured storefront operation."""

    name: str
    title: str
    kind: Kind
    page_size: int = 1
    cache: Cache = Cache.OFF
    faults: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Faults per vendor while the scenario runs, on top of the sandbox's base latency."""
    degraded: bool = False
    """A backend is meant to fail: answers with errors are expected, not a broken run."""
    path: str = CATALOG_PATH
    """Where on the gateway the operation is sent."""

    @property
    def query(self) -> str:
        return QUERIES[self.kind]

    @property
    def mutation(self) -> bool:
        """A write: its answer reports refusals in `userErrors` and `warnings`, not only in `errors`."""
        return self.kind is Kind.CART_ADD

    @property
    def vendors(self) -> tuple[str, ...]:
        """The emulators the operation reaches (the sandbox serves them for the run)."""
        return ACCOUNT_VENDORS if self.kind is Kind.ACCOUNT else CATALOG_VENDORS

    def targets(self, targets: Targets) -> Sequence[Target]:
        found: Sequence[Target]
        if self.kind is Kind.PRODUCT:
            found = targets.products
        elif self.kind is Kind.COLLECTION:
            found = targets.collection_pages[self.page_size]
        elif self.kind is Kind.SEARCH:
            found = targets.search_pages[self.page_size]
        elif self.kind is Kind.HYDROGEN_PRODUCT:
            found = targets.catalog
        elif self.kind is Kind.ACCOUNT:
            found = targets.accounts
        else:
            found = targets.carts
        if not found:
            raise RuntimeError(f"{self.name}: the sandbox has no {self.kind} targets of {self.page_size}")
        return found[:1] if self.cache is Cache.WARM else found

    def variables(self, target: Target) -> dict[str, Any]:
        if isinstance(target, str):
            return {"handle": target}
        if isinstance(target, ProductTarget):
            return {"handle": target.handle, "selectedOptions": selected_options(target), **IN_CONTEXT}
        if isinstance(target, CartTarget):
            lines = [{"merchandiseId": target.variant.id, "quantity": 1}]
            return {"cartId": target.cart_id, "lines": lines, **IN_CONTEXT}
        if isinstance(target, AccountTarget):
            return {"customerAccessToken": target.token}
        key = "handle" if self.kind is Kind.COLLECTION else "terms"
        return {key: target.key, "first": self.page_size, "after": target.after}

    async def floor(self, floor: Floor, target: Target) -> FloorPage:
        if isinstance(target, str):
            return await floor.product_page(target)
        if isinstance(target, ProductTarget):
            return await floor.hydrogen_product_page(target.handle, selected_options(target))
        if isinstance(target, CartTarget):
            return await floor.cart_add(target.cart_id, target.variant.id)
        if isinstance(target, AccountTarget):
            return await floor.account_page(target.token)
        if self.kind is Kind.COLLECTION:
            return await floor.collection_page(target.key, self.page_size, target.after)
        return await floor.search_page(target.key, self.page_size, target.after)

    def clean(self, status: int, body: bytes) -> bool:
        """Whether the gateway answered without errors (and, for a write, applied it in full)."""
        # A JSON string cannot hold an unescaped quote, so this finds only the `errors` key.
        if status != 200 or b'"errors"' in body:
            return False
        if not self.mutation:
            return True
        payload = orjson.loads(body)["data"]["cartLinesAdd"]
        return payload["cart"] is not None and not payload["userErrors"] and not payload["warnings"]

    def handles(self, data: Mapping[str, Any] | None) -> list[str]:
        """The product handles of a gateway answer, in order (a cart's: its lines'; an account page's:
        the customer's email, then the names of the orders shown)."""
        if not data:
            return []
        if self.kind is Kind.ACCOUNT:
            customer = data.get("customer")
            if not customer:
                return []
            return [customer["email"], *(order["name"] for order in customer["orders"]["nodes"])]
        if self.kind in (Kind.PRODUCT, Kind.HYDROGEN_PRODUCT):
            return [data["product"]["handle"]] if data.get("product") else []
        if self.kind is Kind.CART_ADD:
            cart = (data.get("cartLinesAdd") or {}).get("cart") or {"lines": {"nodes": []}}
            merchandise = [line["merchandise"] for line in cart["lines"]["nodes"]]
            return [m["product"]["handle"] for m in merchandise if m.get("product")]
        root = data["collection"]["products"] if self.kind is Kind.COLLECTION else data.get("search")
        return [node["handle"] for node in (root or {}).get("nodes", []) if node]


def selected_options(target: ProductTarget) -> list[dict[str, str]]:
    """The options of the target's last variant read: a shopper's pick, not always the first variant."""
    return [{"name": name, "value": value} for name, value in target.variants[-1].selected_options]


def answers_target(target: Target, found: Sequence[str]) -> bool:
    """Whether the handles an answer holds are those of the target (a cart's include the one added; an
    account page is the target customer's, with as many of their orders as the page shows)."""
    if isinstance(target, str):
        return list(found) == [target]
    if isinstance(target, ProductTarget):
        return list(found) == [target.handle]
    if isinstance(target, CartTarget):
        return target.handle in found
    if isinstance(target, AccountTarget):
        return list(found[:1]) == [target.email] and len(found) - 1 == min(target.orders, ACCOUNT_ORDERS)
    return list(found) == list(target.handles)


def scenarios(*, slow_ms: float = 200.0) -> tuple[Scenario, ...]:
    """Every scenario, in the order they run: the healthy ones first (a backend made to fail leaves the
    gateway's breaker open for a while after), the warm one last (it needs the cache back on)."""
    return (
        Scenario("product", "Product page (variants, content, stock)", Kind.PRODUCT),
        Scenario("listing_24", "Collection page of 24", Kind.COLLECTION, 24),
        Scenario("listing_50", "Collection page of 50", Kind.COLLECTION, 50),
        Scenario("search", "Search results page of 24", Kind.SEARCH, 24),
        Scenario(
            "product_page",
            "Hydrogen product page (fragments, variant picker, media, content, stock per warehouse)",
            Kind.HYDROGEN_PRODUCT,
            path=STOREFRONT_PATH,
        ),
        Scenario(
            "cart_add",
            "Cart add (lines with stock, cost)",
            Kind.CART_ADD,
            path=STOREFRONT_PATH,
        ),
        Scenario(
            "account_page",
            "Account page (customer, CRM profile, conversations, orders with deliveries and invoices)",
            Kind.ACCOUNT,
            faults={"hubspot": {"rate_limit": HUBSPOT_WINDOW_LIFTED}},
            path=STOREFRONT_PATH,
        ),
        Scenario(
            "listing_50_pim_slow",
            f"Collection page of 50, PIM at {slow_ms:g} ms",
            Kind.COLLECTION,
            50,
            faults={"akeneo": {"latency_ms": slow_ms}},
        ),
        Scenario(
            "listing_50_erp_down",
            "Collection page of 50, ERP down",
            Kind.COLLECTION,
            50,
            faults={"odoo": {"down": True}},
            degraded=True,
        ),
        Scenario("listing_50_warm", "Collection page of 50, warm cache", Kind.COLLECTION, 50, Cache.WARM),
    )


__all__ = [
    "ACCOUNT_ORDERS",
    "ACCOUNT_VENDORS",
    "CATALOG_PATH",
    "CATALOG_VENDORS",
    "COLLECTION_PAGE",
    "HUBSPOT_WINDOW_LIFTED",
    "IN_CONTEXT",
    "PRODUCT_PAGE",
    "QUERIES",
    "SEARCH_PAGE",
    "SEARCH_TERMS",
    "STOREFRONT_PATH",
    "Cache",
    "Kind",
    "Scenario",
    "Target",
    "answers_target",
    "scenarios",
    "selected_options",
]
