from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from gateway.backends.intercom import webhooks
from sandbox.runner import Sandbox
from sandbox.seed import World

# Known-answer vector, computed outside Python:
#   printf '%s' '{"type":"notification_event","id":"notif_1"}' | openssl dgst -sha1 -hmac 'intercom-secret-0001'
SECRET = "intercom-secret-0001"
BODY = b'{"type":"notification_event","id":"notif_1"}'
SIGNATURE = "sha1=15101142445d5708f5a2f9fd701a1a5677e56bbf"


def reference_signature(secret: str, body: bytes) -> str:
    """Intercom's documented scheme, written independently of the module under test."""
    return "sha1=" + hmac.digest(secret.encode(), body, hashlib.sha1).hex()


def test_known_answer_vector_and_verify() -> None:
    assert webhooks.sign(SECRET, BODY) == SIGNATURE
    assert reference_signature(SECRET, BODY) == SIGNATURE
    assert webhooks.verify(SECRET, BODY, SIGNATURE)
    assert not webhooks.verify(SECRET, BODY + b" ", SIGNATURE)
    assert not webhooks.verify("other", BODY, SIGNATURE)
    assert not webhooks.verify(SECRET, BODY, SIGNATURE.removeprefix("sha1="))
    assert not webhooks.verify(SECRET, BODY, None)


@dataclass
class Receiver:
    url: str
    requests: list[tuple[dict[str, str], bytes]] = field(default_factory=list)


@pytest.fixture
async def receiver(sandbox: Sandbox) -> AsyncIterator[Receiver]:
    received: list[tuple[dict[str, str], bytes]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append((dict(request.headers), await request.read()))
        return web.Response()

    app = web.Application()
    app.router.add_post("/webhooks/intercom", hook)
    async with TestServer(app, host="127.0.0.1") as server:
        target = Receiver(str(server.make_url("/webhooks/intercom")), received)
        sandbox.emulators["intercom"].control.webhooks.url = target.url
        yield target
        sandbox.emulators["intercom"].control.webhooks.url = None


async def notifications(sandbox: Sandbox, receiver: Receiver) -> list[dict[str, Any]]:
    await sandbox.emulators["intercom"].control.webhooks.drain()
    secret = sandbox.emulators["intercom"].credentials["client_secret"]
    events = []
    for headers, body in receiver.requests:
        assert headers["X-Hub-Signature"] == reference_signature(secret, body)
        assert headers["User-Agent"] == "intercom-parrot-service-client/1.0"
        events.append(json.loads(body))
    return events


def assert_envelope(event: dict[str, Any], topic: str, workspace_id: object) -> None:
    assert event["type"] == "notification_event"
    assert event["topic"] == topic
    assert event["app_id"] == workspace_id
    assert event["id"].startswith("notif_")
    assert event["data"]["type"] == "notification_event_data"
    assert {"created_at", "delivery_attempts", "first_sent_at", "delivery_status", "links"} <= set(event)


async def test_replies_and_creations_are_signed_notifications(
    http: aiohttp.ClientSession, sandbox: Sandbox, world: World, receiver: Receiver
) -> None:
    # given
    workspace = sandbox.emulators["intercom"].extras["workspace_id"]
    customer = world.customers[9]
    # when
    async with http.post("/contacts", json={"email": "new@example.com", "role": "user"}) as response:
        assert response.status == 200
    async with http.post(
        "/conversations", json={"from": {"type": "user", "id": customer.intercom_id}, "body": "Hi"}
    ) as response:
        conversation_id = (await response.json())["conversation_id"]
    reply = {"message_type": "comment", "type": "admin", "admin_id": world.admins[0].id, "body": "Hello!"}
    async with http.post(f"/conversations/{conversation_id}/reply", json=reply) as response:
        assert response.status == 200
    user_reply = {
        "message_type": "comment",
        "type": "user",
        "intercom_user_id": customer.intercom_id,
        "body": "Thanks",
    }
    async with http.post(f"/conversations/{conversation_id}/reply", json=user_reply) as response:
        assert response.status == 200
    # then
    events = await notifications(sandbox, receiver)
    topics = [e["topic"] for e in events]
    assert topics == [
        "contact.user.created",
        "conversation.user.created",
        "conversation.admin.replied",
        "conversation.user.replied",
    ]
    for event in events:
        assert_envelope(event, event["topic"], workspace)
    assert events[0]["data"]["item"]["email"] == "new@example.com"
    replied = events[2]["data"]["item"]
    assert replied["type"] == "conversation"
    assert replied["id"] == conversation_id
    assert [p["body"] for p in replied["conversation_parts"]["conversation_parts"]] == ["<p>Hello!</p>"]


async def test_activity_tick_is_an_agent_reply(sandbox: Sandbox, receiver: Receiver) -> None:
    emulator = sandbox.emulators["intercom"]
    assert emulator.activity is not None
    await emulator.activity()
    (event,) = await notifications(sandbox, receiver)
    assert_envelope(event, "conversation.admin.replied", emulator.extras["workspace_id"])
    part = event["data"]["item"]["conversation_parts"]["conversation_parts"][0]
    assert part["author"]["type"] == "admin"
