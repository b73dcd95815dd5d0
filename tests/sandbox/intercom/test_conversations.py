from __future__ import annotations

import html
from typing import Any

import aiohttp
import pytest

from sandbox.seed import Conversation, World

from .openapi import Contract


async def call(
    http: aiohttp.ClientSession, contract: Contract, method: str, template: str, path: str, json: Any = None
) -> tuple[int, Any]:
    async with http.request(method, path, json=json) as response:
        body = await response.json()
        contract.validate(method, template, response.status, body)
        return response.status, body


def intercom_id(world: World, conversation: Conversation) -> str:
    return next(c.intercom_id for c in world.customers if c.id == conversation.customer_id)


async def test_list_walk_newest_first(http: aiohttp.ClientSession, contract: Contract, world: World) -> None:
    # when
    seen: list[dict[str, Any]] = []
    path = "/conversations?per_page=7"
    while True:
        status, body = await call(http, contract, "GET", "/conversations", path)
        assert status == 200
        assert body["type"] == "conversation.list"
        seen.extend(body["conversations"])
        if "next" not in body["pages"]:
            break
        path = f"/conversations?per_page=7&starting_after={body['pages']['next']['starting_after']}"
    # then
    assert len({c["id"] for c in seen}) == len(seen) == body["total_count"] == len(world.conversations)
    updated = [c["updated_at"] for c in seen]
    assert updated == sorted(updated, reverse=True)
    assert all("conversation_parts" not in c for c in seen)


async def test_conversation_with_parts_and_plaintext(
    http: aiohttp.ClientSession, contract: Contract, world: World
) -> None:
    # given a conversation with replies
    conversation = next(c for c in world.conversations if len(c.messages) >= 3)
    # when
    status, body = await call(
        http, contract, "GET", "/conversations/{conversation_id}", f"/conversations/{conversation.id}"
    )
    _, plain = await call(
        http,
        contract,
        "GET",
        "/conversations/{conversation_id}",
        f"/conversations/{conversation.id}?display_as=plaintext",
    )
    # then
    assert status == 200
    assert body["source"]["body"] == f"<p>{html.escape(conversation.messages[0].body)}</p>"
    assert plain["source"]["body"] == conversation.messages[0].body
    parts = body["conversation_parts"]["conversation_parts"]
    comments = [p for p in parts if p["part_type"] == "comment"]
    assert [p["author"]["type"] for p in comments] == [
        "admin" if m.author == "admin" else "user" for m in conversation.messages[1:]
    ]
    assert plain["conversation_parts"]["conversation_parts"][0]["body"] == conversation.messages[1].body
    assert body["state"] == conversation.state
    assert body["open"] is (conversation.state != "closed")
    assert body["contacts"]["contacts"][0]["id"] == intercom_id(world, conversation)
    assert body["admin_assignee_id"] == int(conversation.admin_id)
    if conversation.state == "closed":
        assert parts[-1]["part_type"] == "close"


async def test_unknown_conversation_is_404(http: aiohttp.ClientSession, contract: Contract) -> None:
    status, body = await call(
        http, contract, "GET", "/conversations/{conversation_id}", "/conversations/999999"
    )
    assert status == 404
    assert body["errors"][0] == {"code": "not_found", "message": "Resource Not Found"}


async def test_search_by_contact_state_and_dates(
    http: aiohttp.ClientSession, contract: Contract, world: World
) -> None:
    # given
    conversation = world.conversations[0]
    contact_id = intercom_id(world, conversation)
    # when
    _, by_contact = await call(
        http, contract, "POST", "/conversations/search", "/conversations/search",
        {"query": {"field": "contact_ids", "operator": "=", "value": contact_id}},
    )  # fmt: skip
    _, open_ones = await call(
        http, contract, "POST", "/conversations/search", "/conversations/search",
        {"query": {"operator": "AND", "value": [{"field": "open", "operator": "=", "value": True},
                                               {"field": "state", "operator": "IN", "value": ["open", "snoozed"]}]},
         "pagination": {"per_page": 150}},
    )  # fmt: skip
    _, since = await call(
        http, contract, "POST", "/conversations/search", "/conversations/search",
        {"query": {"field": "updated_at", "operator": ">", "value": by_contact["conversations"][0]["updated_at"]},
         "pagination": {"per_page": 150}},
    )  # fmt: skip
    # then
    mine = {c.id for c in world.conversations if c.customer_id == conversation.customer_id}
    assert {c["id"] for c in by_contact["conversations"]} == mine
    assert {c["id"] for c in open_ones["conversations"]} == {
        c.id for c in world.conversations if c.state != "closed"
    }
    bound = by_contact["conversations"][0]["updated_at"]
    assert all(c["updated_at"] >= bound for c in since["conversations"])
    assert by_contact["conversations"][0]["id"] in {c["id"] for c in since["conversations"]}


async def test_create_conversation_then_admin_and_user_replies(
    http: aiohttp.ClientSession, contract: Contract, world: World
) -> None:
    # given
    customer = world.customers[5]
    admin = world.admins[1]
    # when the customer writes in
    status, message = await call(
        http, contract, "POST", "/conversations", "/conversations",
        {"from": {"type": "user", "id": customer.intercom_id}, "body": "Hello there"},
    )  # fmt: skip
    # then
    assert status == 200
    assert message["type"] == "user_message"
    assert message["message_type"] == "inapp"
    conversation_id = message["conversation_id"]
    _, created = await call(
        http, contract, "GET", "/conversations/{conversation_id}", f"/conversations/{conversation_id}"
    )
    assert created["state"] == "open"
    assert created["waiting_since"] == created["created_at"]
    assert created["source"]["author"]["id"] == customer.intercom_id

    # when an admin answers, then adds a note
    template = "/conversations/{conversation_id}/reply"
    _, replied = await call(
        http, contract, "POST", template, f"/conversations/{conversation_id}/reply",
        {"message_type": "comment", "type": "admin", "admin_id": admin.id, "body": "<p>On it!</p>"},
    )  # fmt: skip
    assert replied["waiting_since"] is None
    assert replied["conversation_parts"]["conversation_parts"][-1]["author"]["id"] == admin.id
    _, noted = await call(
        http, contract, "POST", template, f"/conversations/{conversation_id}/reply",
        {"message_type": "note", "type": "admin", "admin_id": admin.id, "body": "VIP"},
    )  # fmt: skip
    assert noted["conversation_parts"]["conversation_parts"][-1]["part_type"] == "note"

    # and the customer replies to their last conversation, by email
    _, last = await call(
        http, contract, "POST", template, "/conversations/last/reply",
        {"message_type": "comment", "type": "user", "email": customer.email, "body": "Thanks!"},
    )  # fmt: skip
    assert last["id"] == conversation_id
    parts = last["conversation_parts"]["conversation_parts"]
    assert [p["part_type"] for p in parts] == ["comment", "note", "comment"]
    assert parts[-1]["body"] == "<p>Thanks!</p>"
    assert last["waiting_since"] is not None


async def test_user_reply_reopens_a_closed_conversation(
    http: aiohttp.ClientSession, contract: Contract, world: World
) -> None:
    conversation = next(c for c in world.conversations if c.state == "closed")
    customer = next(c for c in world.customers if c.id == conversation.customer_id)
    _, body = await call(
        http, contract, "POST", "/conversations/{conversation_id}/reply", f"/conversations/{conversation.id}/reply",
        {"message_type": "comment", "type": "user", "user_id": customer.crm.hubspot_id, "body": "Still broken"},
    )  # fmt: skip
    assert body["state"] == "open"
    assert body["open"] is True
    assert body["conversation_parts"]["conversation_parts"][-1]["part_type"] == "open"


@pytest.mark.parametrize(
    ("path", "payload", "status", "code"),
    [
        (
            "/conversations",
            {"from": {"type": "user", "id": "123_doesnt_exist"}, "body": "Hi"},
            404,
            "not_found",
        ),
        ("/conversations", {"body": "Hi"}, 400, "parameter_not_found"),
        ("/conversations", {"from": {"type": "admin", "id": "1"}, "body": "Hi"}, 400, "parameter_invalid"),
        (
            "/conversations/1001/reply",
            {"message_type": "comment", "type": "admin", "admin_id": "1", "body": "x"},
            404,
            "admin_not_found",
        ),
        (
            "/conversations/1001/reply",
            {"message_type": "shout", "type": "admin", "admin_id": "1", "body": "x"},
            400,
            "parameter_invalid",
        ),
        (
            "/conversations/1001/reply",
            {"message_type": "comment", "type": "user", "body": "x"},
            400,
            "parameter_not_found",
        ),
        (
            "/conversations/1001/reply",
            {"message_type": "comment", "type": "user", "email": "ghost@example.com", "body": "x"},
            404,
            "not_found",
        ),
        (
            "/conversations/1001/reply",
            {"message_type": "comment", "type": "bot", "body": "x"},
            400,
            "parameter_invalid",
        ),
        (
            "/conversations/424242/reply",
            {"message_type": "note", "type": "admin", "admin_id": "991267600", "body": "x"},
            404,
            "not_found",
        ),
        (
            "/conversations/search",
            {"query": {"field": "mood", "operator": "=", "value": "happy"}},
            400,
            "parameter_invalid",
        ),
    ],
)
async def test_invalid_conversation_requests(
    http: aiohttp.ClientSession,
    contract: Contract,
    path: str,
    payload: dict[str, Any],
    status: int,
    code: str,
) -> None:
    async with http.post(path, json=payload) as response:
        body = await response.json()
        assert response.status == status
    contract.validate_error(body)
    assert body["errors"][0]["code"] == code


async def test_admins_and_me(http: aiohttp.ClientSession, contract: Contract, world: World) -> None:
    _, admins = await call(http, contract, "GET", "/admins", "/admins")
    assert admins["type"] == "admin.list"
    assert [a["id"] for a in admins["admins"]] == [a.id for a in world.admins]
    _, one = await call(http, contract, "GET", "/admins/{admin_id}", f"/admins/{world.admins[2].id}")
    assert one["name"] == world.admins[2].name
    status, missing = await call(http, contract, "GET", "/admins/{admin_id}", "/admins/1")
    assert status == 404
    assert missing["errors"][0]["code"] == "admin_not_found"
    _, me = await call(http, contract, "GET", "/me", "/me")
    assert me["type"] == "admin"
    assert me["app"]["type"] == "app"
