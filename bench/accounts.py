"""The customers `account_page` reads: those with the most orders, each signed in once before measuring.

The Storefront API lists no customers, so they are read from Shopify's Admin API (every customer
with their order count, a page of 250 at a time), then each signs in with `customerAccessTokenCreate`
and the sandbox's shared password, the way a shopper signs in before opening their account page.
Both happen before any counter is read: setup, not measured.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import Any

import aiohttp

from sandbox.seed import CUSTOMER_PASSWORD

from .operations import CUSTOMER_SIGN_IN
from .targets import AccountTarget, Storefront

ACCOUNTS = 200
"""Far more than any concurrency: two requests in flight rarely read the same customer."""
SIGN_INS_AT_ONCE = 20
"""Sign-ins in flight together: setup should not queue hundreds of requests on the emulator."""

CUSTOMERS_WALK = (
    "query BenchCustomers($after: String) { customers(first: 250, after: $after) { "
    "pageInfo { hasNextPage endCursor } nodes { email numberOfOrders } } }"
)


def admin_api(http: aiohttp.ClientSession, shopify: Mapping[str, Any], version: str) -> Storefront:
    """Shopify's Admin API as the harness reads it: one document, its `data` (errors raise)."""
    url = f"{str(shopify['url']).rstrip('/')}/admin/api/{version}/graphql.json"
    headers = {"Content-Type": "application/json", "X-Shopify-Access-Token": str(shopify["admin_token"])}

    async def run(document: str, variables: Mapping[str, Any]) -> dict[str, Any]:
        payload = {"query": document, "variables": dict(variables)}
        async with http.post(url, json=payload, headers=headers) as response:
            body = await response.json()
            if response.status != 200 or body.get("errors"):
                raise RuntimeError(f"shopify admin: {response.status} {str(body.get('errors'))[:300]}")
        data: dict[str, Any] = body["data"]
        return data

    return run


async def busiest_customers(admin: Storefront, *, limit: int = ACCOUNTS) -> list[tuple[str, int]]:
    """`(email, orders)` of the `limit` customers with the most orders, most first (then by email)."""
    found: list[tuple[str, int]] = []
    after: str | None = None
    while True:
        connection = (await admin(CUSTOMERS_WALK, {"after": after}))["customers"]
        found += [(n["email"], int(n["numberOfOrders"])) for n in connection["nodes"] if n.get("email")]
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    found.sort(key=lambda customer: (-customer[1], customer[0]))
    return found[:limit]


async def sign_in(storefront: Storefront, customers: Sequence[tuple[str, int]]) -> tuple[AccountTarget, ...]:
    """Each customer signed in once, in the order given."""
    gate = asyncio.Semaphore(SIGN_INS_AT_ONCE)

    async def one(email: str, orders: int) -> AccountTarget:
        variables = {"input": {"email": email, "password": CUSTOMER_PASSWORD}}
        async with gate:
            payload = (await storefront(CUSTOMER_SIGN_IN, variables))["customerAccessTokenCreate"]
        if payload["customerUserErrors"] or not payload["customerAccessToken"]:
            raise RuntimeError(f"customerAccessTokenCreate refused {email}: {payload['customerUserErrors']}")
        return AccountTarget(email, payload["customerAccessToken"]["accessToken"], orders)

    return tuple(await asyncio.gather(*(one(email, orders) for email, orders in customers)))


async def signed_in_accounts(
    admin: Storefront, storefront: Storefront, *, limit: int = ACCOUNTS
) -> tuple[AccountTarget, ...]:
    """The customers with the most orders, signed in."""
    customers = await busiest_customers(admin, limit=limit)
    if not customers:
        raise RuntimeError("the sandbox's shop has no customers")
    return await sign_in(storefront, customers)


__all__ = ["ACCOUNTS", "CUSTOMERS_WALK", "admin_api", "busiest_customers", "sign_in", "signed_in_accounts"]
