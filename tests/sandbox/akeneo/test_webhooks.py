"""Event Platform signatures: known-answer vectors, verification, and what the emulator delivers."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from gateway.backends.akeneo.webhooks import (
    ALGORITHM_HEADER,
    PRIMARY_HEADER,
    SECONDARY_HEADER,
    sign,
    verify,
)
from sandbox.akeneo.signing import signature_headers
from sandbox.runner import Sandbox
from sandbox.seed import World

from .conftest import PRODUCTS

EVENT = b'{"data":{"product":{"uuid":"3444ec1b-058e-4208-9b6c-284f47a7aa17"}},"type":"com.akeneo.pim.v1.product.updated"}'
# Computed outside Python: printf '%s' "$EVENT" | openssl dgst -sha256 -hmac whsec-akeneo-test
EVENT_SIGNATURE = "b89b8b78302df16dee0ed3691cba3d66ba454f8bce649d0a166edf5a17a17039"


def reference_signature(secret: str, body: bytes) -> str:
    """Written from the Event Platform docs, independently of the module under test."""
    return hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


@pytest.mark.parametrize(
    ("secret", "body", "expected"),
    [
        ("whsec-akeneo-test", EVENT, EVENT_SIGNATURE),
        # The HMAC-SHA256 example vector widely published (Wikipedia, many libraries).
        (
            "key",
            b"The quick brown fox jumps over the lazy dog",
            "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
        ),
    ],
)
def test_sign_matches_known_answers(secret: str, body: bytes, expected: str) -> None:
    assert sign(secret, body) == expected
    assert reference_signature(secret, body) == expected


def test_signature_headers_and_verification() -> None:
    # given
    headers = signature_headers(EVENT, primary="whsec-akeneo-test", secondary="next-secret")

    # then
    assert headers[PRIMARY_HEADER] == EVENT_SIGNATURE
    assert headers[SECONDARY_HEADER] == reference_signature("next-secret", EVENT)
    assert headers[ALGORITHM_HEADER] == "HmacSHA256"
    assert headers["User-Agent"] == "akeneo/event-platform"
    assert verify(EVENT, headers, ["whsec-akeneo-test"])
    assert verify(EVENT, headers, ["next-secret"])  # mid-rotation, the new secret alone is enough
    lowered = {k.lower(): v for k, v in headers.items()}
    assert verify(EVENT, lowered, ["whsec-akeneo-test"])
    assert not verify(EVENT + b" ", headers, ["whsec-akeneo-test"])
    assert not verify(EVENT, headers, ["wrong"])
    assert not verify(EVENT, {ALGORITHM_HEADER: "HmacSHA256"}, ["whsec-akeneo-test"])
    assert not verify(EVENT, {**headers, ALGORITHM_HEADER: "HmacSHA1"}, ["whsec-akeneo-test"])
    assert not verify(EVENT, {PRIMARY_HEADER: "é" * 64}, ["whsec-akeneo-test"])


@pytest.fixture(scope="module")
async def receiver() -> AsyncIterator[tuple[str, list[tuple[dict[str, str], bytes]]]]:
    """A webhook target recording each delivery's headers and raw body."""
    received: list[tuple[dict[str, str], bytes]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append((dict(request.headers), await request.read()))
        return web.Response(status=200)

    app = web.Application()
    app.router.add_post("/webhooks/akeneo", hook)
    async with TestServer(app, host="127.0.0.1") as server:
        yield str(server.make_url("/webhooks/akeneo")), received


async def test_a_patch_delivers_a_signed_cloud_event(
    http: aiohttp.ClientSession,
    sandbox: Sandbox,
    world: World,
    receiver: tuple[str, list[tuple[dict[str, str], bytes]]],
) -> None:
    # given
    url, received = receiver
    emulator = sandbox.emulators["akeneo"]
    emulator.control.webhooks.url = url
    variant = world.products[7].variants[0]

    # when
    async with http.patch(
        f"{PRODUCTS}/{variant.akeneo_uuid}",
        json={
            "values": {"weight": [{"locale": None, "scope": None, "data": {"amount": 999, "unit": "GRAM"}}]}
        },
    ) as response:
        assert response.status == 204
    await emulator.control.webhooks.drain()

    # then
    headers, body = received[-1]
    secret = emulator.credentials["event_secret"]
    assert headers["X-AKENEO-SIGNATURE-PRIMARY"] == reference_signature(secret, body)
    assert headers["X-AKENEO-SIGNATURE-ALGORITHM"] == "HmacSHA256"
    assert headers["User-Agent"] == "akeneo/event-platform"
    assert headers["Content-Type"] == "application/json"
    event: dict[str, Any] = json.loads(body)
    assert event["specversion"] == "1.0"
    assert event["type"] == "com.akeneo.pim.v1.product.updated"
    assert event["source"] == "pim"
    assert event["datacontenttype"] == "application/json"
    assert event["dataschema"].endswith("/com.akeneo.pim.v1.product.updated.schema.json")
    assert event["time"].endswith("Z")
    assert event["data"]["product"] == {"uuid": variant.akeneo_uuid, "identifier": variant.sku}
    assert event["data"]["author"]["type"] == "api"
    assert verify(body, headers, [secret])
