"""Intercom's conversation notifications, read as the conversation lists they make stale."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest

from gateway.backends.http.client import BackendClient
from gateway.backends.http.settings import BackendSettings
from gateway.backends.intercom.client import IntercomChat
from gateway.backends.intercom.events import IntercomEvents
from gateway.models.webhooks import ConversationsChanged, Incoming
from sandbox.intercom.signing import signature_headers
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate

WORLD = generate(10)
SECRET = "client-secret"


@pytest.fixture(scope="module")
async def emulator() -> AsyncIterator[Sandbox]:
    async with Sandbox(WORLD, SandboxSettings(port_base=0, vendors=("intercom",))) as sandbox:
        yield sandbox


@pytest.fixture
async def chat(emulator: Sandbox) -> AsyncIterator[IntercomChat]:
    async with BackendClient(BackendSettings(name="intercom", url=emulator.urls["intercom"])) as client:
        yield IntercomChat(client, token=emulator.backends_config()["intercom"]["token"])


def _signed(topic: str, contact_ids: list[str]) -> Incoming:
    item = {"type": "conversation", "id": "1", "contacts": {"contacts": [{"id": c} for c in contact_ids]}}
    event = {
        "type": "notification_event",
        "id": f"notif_{topic}",
        "topic": topic,
        "created_at": int(time.time()),
        "data": {"item": item},
    }
    body = json.dumps(event).encode()
    return Incoming(
        "POST", "https://gateway.example/webhooks/intercom", dict(signature_headers(SECRET, body)), {}, body
    )


async def _contact_id(emulator: Sandbox, chat: IntercomChat, email: str) -> str:
    """The customer's contact id, as Intercom gives it, once the chat connector has read them."""
    await chat.conversations_by_emails([email])
    query = {"query": {"field": "email", "operator": "=", "value": email}}
    token = emulator.backends_config()["intercom"]["token"]
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            f"{emulator.urls['intercom']}/contacts/search",
            json=query,
            headers={"Authorization": f"Bearer {token}", "Intercom-Version": "2.14"},
        ) as response,
    ):
        (contact,) = (await response.json())["data"]
    contact_id: str = contact["id"]
    return contact_id


async def test_a_reply_drops_the_conversations_of_the_contacts_read(
    emulator: Sandbox, chat: IntercomChat
) -> None:
    customer = WORLD.customers[0]
    contact = await _contact_id(emulator, chat, customer.email)

    delivery = await IntercomEvents(SECRET, max_age_s=600, chat=chat).accept(
        _signed("conversation.admin.replied", [contact, "never-read"])
    )

    assert delivery.changes == (ConversationsChanged((customer.email,)),)


async def test_other_topics_and_unknown_contacts_drop_nothing(emulator: Sandbox, chat: IntercomChat) -> None:
    contact = await _contact_id(emulator, chat, WORLD.customers[1].email)
    events = IntercomEvents(SECRET, max_age_s=600, chat=chat)

    assert (await events.accept(_signed("contact.user.created", [contact]))).changes == ()
    assert (await events.accept(_signed("conversation.user.created", ["never-read"]))).changes == ()
    assert (
        await IntercomEvents(SECRET, max_age_s=600).accept(_signed("conversation.admin.closed", [contact]))
    ).changes == ()
