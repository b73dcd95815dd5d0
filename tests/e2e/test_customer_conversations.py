"""`Customer.conversations`: the signed-in customer's support conversations, from the chat.

The chat is searched twice per answer (the customer's contacts, then their conversations), the
list pages by cursor, a bad cursor or page size is the client's error at that field, and a chat
outage costs the conversations alone.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sandbox.runner import Sandbox
from sandbox.seed import Customer, World
from tests.harness import Gateway, sandbox_stats, set_faults

CONVERSATIONS = """
query($token: String!, $first: Int, $after: String) {
  customer(customerAccessToken: $token) {
    email
    conversations(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor }
      nodes { id title state preview unread lastMessageBy lastMessageAt createdAt updatedAt }
    }
  }
}
"""
SEARCHES = ("POST /contacts/search", "POST /conversations/search")


def _most_talkative(world: World) -> Customer:
    counts = Counter(conversation.customer_id for conversation in world.conversations)
    customer_id, count = counts.most_common(1)[0]
    assert count >= 2, "the seed gives some customer several conversations"
    return next(c for c in world.customers if c.id == customer_id)


def _silent(world: World) -> Customer:
    talked = {conversation.customer_id for conversation in world.conversations}
    return next(c for c in world.customers if c.id not in talked)


async def _searches(sandbox: Sandbox) -> dict[str, int]:
    requests = (await sandbox_stats(sandbox))["intercom"]["requests"]
    return {route: requests.get(route, 0) for route in SEARCHES}


async def _page(gateway: Gateway, token: str, **arguments: Any) -> dict[str, Any]:
    data = await gateway.data(CONVERSATIONS, {"token": token, **arguments})
    page: dict[str, Any] = data["customer"]["conversations"]
    return page


async def test_the_list_is_the_chat_s_conversations_of_the_customer_newest_first(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    customer = _most_talkative(world)
    seeded = {c.id: c for c in world.conversations if c.customer_id == customer.id}
    token = await gateway.sign_in(customer.email)

    page = await _page(gateway, token, first=50)

    assert page["totalCount"] == len(seeded)
    assert {node["id"] for node in page["nodes"]} == set(seeded)
    for node in page["nodes"]:
        conversation = seeded[node["id"]]
        assert node["state"] == conversation.state.upper()
        assert node["preview"] == conversation.messages[0].body[: len(node["preview"].rstrip("…"))]
        last = conversation.messages[-1].author
        assert node["lastMessageBy"] == ("AGENT" if last == "admin" else "CUSTOMER")
        assert node["unread"] is (last == "admin")
    updated = [node["updatedAt"] for node in page["nodes"]]
    assert updated == sorted(updated, reverse=True)
    assert page["pageInfo"]["hasNextPage"] is False
    assert await _searches(clean_sandbox) == dict.fromkeys(SEARCHES, 1)


async def test_the_list_pages_by_cursor(gateway: Gateway, world: World) -> None:
    token = await gateway.sign_in(_most_talkative(world).email)
    whole = await _page(gateway, token, first=50)

    seen: list[str] = []
    after: str | None = None
    while True:
        page = await _page(gateway, token, first=1, after=after)
        seen += [node["id"] for node in page["nodes"]]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    assert seen == [node["id"] for node in whole["nodes"]]


async def test_a_customer_the_chat_never_met_has_an_empty_list(gateway: Gateway, world: World) -> None:
    token = await gateway.sign_in(_silent(world).email)

    page = await _page(gateway, token)

    assert page["totalCount"] == 0
    assert page["nodes"] == []
    assert page["pageInfo"] == {
        "hasNextPage": False,
        "hasPreviousPage": False,
        "startCursor": None,
        "endCursor": None,
    }


async def test_a_bad_cursor_or_page_size_is_the_client_s_error_at_the_field(
    gateway: Gateway, world: World
) -> None:
    customer = _most_talkative(world)
    token = await gateway.sign_in(customer.email)

    for arguments, argument in (
        ({"after": "not a cursor!"}, "after"),
        ({"first": 0}, "first"),
        ({"first": 51}, "first"),
    ):
        body = await gateway.query(CONVERSATIONS, {"token": token, **arguments})
        assert body["data"] == {"customer": {"email": customer.email, "conversations": None}}, arguments
        (error,) = body["errors"]
        assert error["path"] == ["customer", "conversations"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert error["extensions"]["argumentName"] == argument


async def test_a_chat_outage_costs_the_conversations_alone(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    customer = _most_talkative(world)
    token = await gateway.sign_in(customer.email)
    await set_faults(clean_sandbox, "intercom", down=True)

    body = await gateway.query(CONVERSATIONS, {"token": token})

    assert body["data"] == {"customer": {"email": customer.email, "conversations": None}}
    (error,) = body["errors"]
    assert error["path"] == ["customer", "conversations"]
    assert (error["extensions"]["service"], error["extensions"]["code"]) == (
        "intercom",
        "BACKEND_UNAVAILABLE",
    )


async def test_an_account_page_asks_each_system_once(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    customer = _most_talkative(world)
    token = await gateway.sign_in(customer.email)
    document = """query($token: String!) {
      customer(customerAccessToken: $token) {
        firstName
        profile { loyalty { tier } consents { channel granted } }
        recent: conversations(first: 2) { nodes { id unread } }
        all: conversations(first: 50) { totalCount }
        orders(first: 10) { nodes { name } }
      }
    }"""

    data = (await gateway.data(document, {"token": token}))["customer"]

    assert data["profile"]["loyalty"]["tier"] == customer.crm.loyalty_tier
    assert len(data["recent"]["nodes"]) == 2
    assert data["all"]["totalCount"] >= 2
    stats = await sandbox_stats(clean_sandbox)
    assert stats["hubspot"]["requests"].get("POST /crm/v3/objects/contacts/batch/read") == 1
    assert await _searches(clean_sandbox) == dict.fromkeys(SEARCHES, 1)
