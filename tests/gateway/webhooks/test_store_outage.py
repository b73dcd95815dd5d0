"""With Redis configured and down, a valid delivery gets 503 and Retry-After: the vendor retries later."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator

import pytest

from sandbox.runner import Sandbox
from sandbox.seed import World
from tests.harness import Gateway, running_gateway

from .conftest import webhook_config
from .deliveries import VENDORS, Deliveries, odoo_quant, typical_body

STOCK = """query($handle: String!) { product(handle: $handle) { variants(first: 5) { nodes { sku stock { available } } } } }"""


def closed_port() -> int:
    """A loopback port nothing listens on (it was free a moment ago, and is closed again)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
async def redis_down(hooked_sandbox: Sandbox) -> AsyncIterator[Gateway]:
    cache = {"cache": {"backend": "redis", "redis_url": f"redis://127.0.0.1:{closed_port()}/0"}}
    async with running_gateway(webhook_config(hooked_sandbox, cache)) as gateway:
        yield gateway


@pytest.mark.parametrize("vendor", VENDORS)
async def test_a_valid_delivery_asks_to_be_retried(
    redis_down: Gateway, hooked_sandbox: Sandbox, shop: World, vendor: str
) -> None:
    deliveries = Deliveries(hooked_sandbox, redis_down.url)
    body = typical_body(vendor)
    if vendor == "odoo":
        # A product whose stock the gateway has read: the notification has a cached value to drop.
        product, variant = next((p, v) for p, v in shop.variants() if p.published)
        await redis_down.data(STOCK, {"handle": product.handle})
        body = odoo_quant(variant.odoo_id, 3.0)

    reply = await deliveries.post(vendor, body)

    assert reply.status == 503
    assert int(reply.headers["retry-after"]) > 0
    assert "retry" in reply.json()["error"]
