from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from gateway.backends.hubspot import webhooks
from sandbox.runner import Sandbox
from sandbox.seed import World

# Known-answer vector, computed outside Python:
#   printf '%s' 'POSThttps://gateway.example.com/webhooks/hubspot?x=1[{"eventId":1,"objectId":51001}]1767225600000' \
#     | openssl dgst -sha256 -hmac 'hubspot-secret-0001' -binary | base64
SECRET = "hubspot-secret-0001"
URI = "https://gateway.example.com/webhooks/hubspot?x=1"
BODY = b'[{"eventId":1,"objectId":51001}]'
TIMESTAMP = "1767225600000"
V3 = "CByxRWjfU4F53e5kNfNwjicaF2ULD/yP0qozzQrswpo="
V1 = "1d0a2b0252ef863f72e2f6550644e541326b845307e0f4d3e1cd9c339dc974a7"
V2 = "c993014a5a1abe10f3be693dcfb7cbc67dd1645c94989f875657294779a63023"


def reference_v3(secret: str, method: str, uri: str, body: bytes, timestamp: str) -> str:
    """HubSpot's documented v3 algorithm, written independently of the module under test."""
    source = f"{method}{uri}".encode() + body + timestamp.encode()
    return base64.b64encode(hmac.digest(secret.encode(), source, "sha256")).decode()


def test_known_answer_vectors() -> None:
    assert webhooks.sign_v3(SECRET, "POST", URI, BODY, TIMESTAMP) == V3
    assert webhooks.sign_v1(SECRET, BODY) == V1
    assert webhooks.sign_v2(SECRET, "POST", URI, BODY) == V2
    assert reference_v3(SECRET, "POST", URI, BODY, TIMESTAMP) == V3


def test_verify_accepts_fresh_and_rejects_stale_tampered_or_missing() -> None:
    now = int(TIMESTAMP) + 60_000
    assert webhooks.verify_v3(SECRET, "POST", URI, BODY, V3, TIMESTAMP, now_ms=now)
    stale = int(TIMESTAMP) + webhooks.MAX_AGE_MS + 1
    assert not webhooks.verify_v3(SECRET, "POST", URI, BODY, V3, TIMESTAMP, now_ms=stale)
    assert not webhooks.verify_v3(SECRET, "POST", URI, BODY + b" ", V3, TIMESTAMP, now_ms=now)
    assert not webhooks.verify_v3("other-secret", "POST", URI, BODY, V3, TIMESTAMP, now_ms=now)
    assert not webhooks.verify_v3(SECRET, "POST", URI, BODY, None, TIMESTAMP, now_ms=now)
    assert not webhooks.verify_v3(SECRET, "POST", URI, BODY, V3, "soon", now_ms=now)
    assert webhooks.verify_v1(SECRET, BODY, V1)
    assert webhooks.verify_v2(SECRET, "POST", URI, BODY, V2)
    assert not webhooks.verify_v1(SECRET, BODY, V2)


def test_encoded_characters_are_decoded_before_hashing() -> None:
    encoded = "https://gateway.example.com/webhooks/hubspot%3Fx%3D1"
    assert webhooks.canonical_uri(encoded) == "https://gateway.example.com/webhooks/hubspot?x%3D1"
    assert webhooks.canonical_uri("https://h/a%40b%2fc%20d") == "https://h/a@b/c%20d"
    signed = webhooks.sign_v3(SECRET, "POST", "https://h/a%40b", BODY, TIMESTAMP)
    assert signed == reference_v3(SECRET, "POST", "https://h/a@b", BODY, TIMESTAMP)


@dataclass
class Receiver:
    url: str
    requests: list[tuple[dict[str, str], bytes]] = field(default_factory=list)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    received: list[tuple[dict[str, str], bytes]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append((dict(request.headers), await request.read()))
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/webhooks/hubspot", hook)
    async with TestServer(app, host="127.0.0.1") as server:
        yield Receiver(str(server.make_url("/webhooks/hubspot")), received)


async def _deliveries(
    sandbox: Sandbox, receiver: Receiver
) -> list[tuple[dict[str, str], list[dict[str, object]]]]:
    await sandbox.emulators["hubspot"].control.webhooks.drain()
    return [(headers, json.loads(body)) for headers, body in receiver.requests]


def _assert_signed(headers: dict[str, str], body: bytes, url: str, secret: str) -> None:
    timestamp = headers["X-HubSpot-Request-Timestamp"]
    assert abs(int(timestamp) - time.time() * 1000) < 60_000
    assert headers["X-HubSpot-Signature-v3"] == reference_v3(secret, "POST", url, body, timestamp)
    assert headers["X-HubSpot-Signature"] == hashlib.sha256(secret.encode() + body).hexdigest()
    assert headers["X-HubSpot-Signature-Version"] == "v1"


async def test_batch_update_emits_signed_property_change_events(
    http: aiohttp.ClientSession, sandbox: Sandbox, world: World, receiver: Receiver
) -> None:
    # given
    emulator = sandbox.emulators["hubspot"]
    emulator.control.webhooks.url = receiver.url
    customer = world.customers[20]
    # when
    async with http.post(
        "/crm/v3/objects/contacts/batch/update",
        json={
            "inputs": [
                {"id": customer.crm.hubspot_id, "properties": {"loyalty_points": "31337", "city": "Oslo"}}
            ]
        },
    ) as response:
        assert response.status == 200
    # then
    deliveries = await _deliveries(sandbox, receiver)
    assert len(deliveries) == 1
    headers, events = deliveries[0]
    _assert_signed(headers, receiver.requests[0][1], receiver.url, emulator.credentials["client_secret"])
    assert {(e["propertyName"], e["propertyValue"]) for e in events} == {
        ("loyalty_points", "31337"),
        ("city", "Oslo"),
    }
    for event in events:
        assert event["subscriptionType"] == "contact.propertyChange"
        assert event["objectId"] == int(customer.crm.hubspot_id)
        assert event["appId"] == int(emulator.credentials["app_id"])
        assert event["attemptNumber"] == 0
        assert {"eventId", "subscriptionId", "portalId", "occurredAt", "changeSource"} <= set(event)
    assert len({e["eventId"] for e in events}) == 2
    emulator.control.webhooks.url = None


async def test_activity_tick_awards_points_and_notifies(
    http: aiohttp.ClientSession, sandbox: Sandbox, receiver: Receiver
) -> None:
    # given
    emulator = sandbox.emulators["hubspot"]
    emulator.control.webhooks.url = receiver.url
    assert emulator.activity is not None
    # when
    await emulator.activity()
    # then
    (headers, events), *_ = await _deliveries(sandbox, receiver)
    _assert_signed(headers, receiver.requests[0][1], receiver.url, emulator.credentials["client_secret"])
    points = next(e for e in events if e["propertyName"] == "loyalty_points")
    async with http.get(
        f"/crm/v3/objects/contacts/{points['objectId']}", params={"properties": "loyalty_points"}
    ) as response:
        assert (await response.json())["properties"]["loyalty_points"] == points["propertyValue"]
    emulator.control.webhooks.url = None
