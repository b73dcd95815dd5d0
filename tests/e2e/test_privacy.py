"""What an attacker tries with customer data: none of it returns another customer's data.

Every answer is compared with what Shopify itself gives for the same token, so the gateway never
reveals more than Shopify would, and the shared caches never carry one buyer's answer to another.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sandbox.seed import World
from tests.harness import Gateway

ME = "query($token: String!) { customer(customerAccessToken: $token) { email orders(first: 5) { nodes { id name } } } }"
SIGN_OUT = """mutation($token: String!) {
  customerAccessTokenDelete(customerAccessToken: $token) { deletedAccessToken userErrors { message } }
}"""


def _with_orders(world: World, count: int) -> list[str]:
    """Emails of `count` customers who each have at least one order."""
    buyers = {order.email for order in world.orders}
    return [c.email for c in world.customers if c.email in buyers][:count]


async def test_another_customer_s_order_is_out_of_reach_by_id(gateway: Gateway, world: World) -> None:
    alice, bob = _with_orders(world, 2)
    alice_token, bob_token = await gateway.sign_in(alice), await gateway.sign_in(bob)
    bobs = (await gateway.data(ME, {"token": bob_token}))["customer"]["orders"]["nodes"]
    assert bobs, "the seeded customer has orders"
    order_id = bobs[0]["id"]

    for document in (
        "query($id: ID!) { node(id: $id) { id ... on Order { name email } } }",
        "query($id: ID!) { stolen: node(id: $id) { ...O } } fragment O on Order { name email }",
        "query($id: ID!) { nodes(ids: [$id]) { ... on Order { name email } } }",
    ):
        body = await gateway.query(document, {"id": order_id})
        assert "errors" not in body, body
        assert all(value in (None, [None]) for value in body["data"].values()), body

    # Alice's token never reaches Bob's orders, whichever way the document is written.
    mine = (await gateway.data(ME, {"token": alice_token}))["customer"]
    assert mine["email"] == alice
    assert order_id not in {node["id"] for node in mine["orders"]["nodes"]}


async def test_a_forged_token_finds_no_customer(gateway: Gateway) -> None:
    for forged in ("forged", "0" * 32, ""):
        body = await gateway.query(ME, {"token": forged})
        assert body.get("data") == {"customer": None}, body


async def test_a_token_replayed_after_sign_out_finds_no_customer(gateway: Gateway, world: World) -> None:
    (email,) = _with_orders(world, 1)
    token = await gateway.sign_in(email)
    assert (await gateway.data(ME, {"token": token}))["customer"]["email"] == email

    signed_out = await gateway.data(SIGN_OUT, {"token": token})
    assert signed_out["customerAccessTokenDelete"]["deletedAccessToken"] == token

    assert (await gateway.data(ME, {"token": token})) == {"customer": None}


async def test_two_customers_interleaved_each_get_only_their_own(gateway: Gateway, world: World) -> None:
    emails = _with_orders(world, 2)
    tokens = {email: await gateway.sign_in(email) for email in emails}
    expected = {
        email: (await gateway.data(ME, {"token": token}))["customer"] for email, token in tokens.items()
    }

    asked = [emails[i % 2] for i in range(20)]
    answers = await asyncio.gather(*(gateway.data(ME, {"token": tokens[email]}) for email in asked))

    for email, answer in zip(asked, answers, strict=True):
        assert answer["customer"] == expected[email]


async def test_a_document_answered_publicly_then_privately_keeps_each_answer_to_its_caller(
    gateway: Gateway, world: World
) -> None:
    document = """query($token: String!, $me: Boolean!) {
      shop { name }
      customer(customerAccessToken: $token) @include(if: $me) { email }
    }"""
    (email,) = _with_orders(world, 1)
    token = await gateway.sign_in(email)

    public = await gateway.data(document, {"token": "none", "me": False})
    private = await gateway.data(document, {"token": token, "me": True})
    public_again = await gateway.data(document, {"token": "none", "me": False})
    stranger: dict[str, Any] = await gateway.data(document, {"token": "someone-else", "me": True})

    assert "customer" not in public
    assert public == public_again
    assert private["customer"] == {"email": email}
    assert stranger["customer"] is None
