"""The account page's customers are those with the most orders, each signed in once before measuring."""

from __future__ import annotations

from collections import Counter

import aiohttp

from bench.accounts import admin_api, busiest_customers, sign_in
from bench.floor import Floor
from sandbox.runner import Sandbox
from sandbox.seed import World

ME = "query Me($token: String!) { customer(customerAccessToken: $token) { email } }"


async def test_the_customers_read_are_those_with_the_most_orders_most_first(
    sandbox: Sandbox, world: World
) -> None:
    orders = Counter(order.customer_id for order in world.orders)
    expected = sorted(((c.email, orders[c.id]) for c in world.customers), key=lambda c: (-c[1], c[0]))

    async with aiohttp.ClientSession() as http:
        admin = admin_api(http, sandbox.backends_config()["shopify"], "2026-07")
        found = await busiest_customers(admin, limit=5)

    assert found == expected[:5]
    assert found[0][1] == max(orders.values())


async def test_each_customer_is_signed_in_with_a_token_of_their_own(floor: Floor, world: World) -> None:
    customers = [(c.email, 0) for c in world.customers[:3]]

    accounts = await sign_in(floor.storefront, customers)

    assert [a.email for a in accounts] == [email for email, _ in customers]
    assert len({a.token for a in accounts}) == 3
    for account in accounts:
        data = await floor.storefront(ME, {"token": account.token})
        assert data["customer"]["email"] == account.email
