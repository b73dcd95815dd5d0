"""With Redis configured, event ids are remembered in Redis: a restart or another replica sees repeats."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from sandbox.runner import Sandbox
from tests.harness import running_gateway

from .conftest import webhook_config
from .deliveries import VENDORS, Deliveries, typical_body
from .raw_http import Reply

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
async def namespace() -> AsyncIterator[str]:
    """A namespace of this test's own on the shared Redis, emptied afterwards."""
    name = f"test-webhook-dedupe-{uuid.uuid4().hex}"
    yield name
    async with Redis.from_url(REDIS_URL) as redis:
        keys = [key async for key in redis.scan_iter(match=f"{name}:*")]
        if keys:
            await redis.delete(*keys)


@pytest.mark.parametrize("vendor", [v for v in VENDORS if v != "odoo"])  # Odoo sends no event id
async def test_a_repeat_after_a_restart_is_recognised(
    hooked_sandbox: Sandbox, namespace: str, vendor: str
) -> None:
    config = webhook_config(
        hooked_sandbox, {"cache": {"backend": "redis", "redis_url": REDIS_URL, "namespace": namespace}}
    )
    body = typical_body(vendor)
    webhook_id = str(uuid.uuid4())

    async def deliver(gateway_url: str) -> Reply:
        # Signed per gateway: HubSpot's signature covers the URL it calls.
        deliveries = Deliveries(hooked_sandbox, gateway_url)
        return await deliveries.post(vendor, body, deliveries.sign(vendor, body, webhook_id=webhook_id))

    async with running_gateway(config) as first:
        accepted = await deliver(first.url)
    async with running_gateway(config) as restarted, running_gateway(config) as replica:
        again = await deliver(restarted.url)
        elsewhere = await deliver(replica.url)

    assert (accepted.status, accepted.json()) == (200, {"accepted": 1, "duplicates": 0})
    assert (again.status, again.json()) == (200, {"accepted": 0, "duplicates": 1})
    assert (elsewhere.status, elsewhere.json()) == (200, {"accepted": 0, "duplicates": 1})
