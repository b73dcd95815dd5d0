"""Invalidations reach every gateway process, and drop only the responses built from what changed.

Two apps in one test process stand for two gateway processes: each is built by its own
`build_app`, with its own response cache, connectors and key maps; all they share is the Redis
namespace of the test.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

import pytest

from gateway.graphql.response_cache import ResponseCache
from gateway.models.webhooks import Change
from gateway.webhooks.broadcast import RedisInvalidations
from sandbox.runner import Sandbox, odoo_webhook_token
from sandbox.seed import Product, Variant, World
from tests.harness import Gateway, odoo_call, running_gateway

from .conftest import webhook_config

STOCK = """query($handle: String!) { product(handle: $handle) { variants(first: 20) { nodes { sku stock { available reserved } } } } }"""


def _responses(gateway: Gateway) -> ResponseCache:
    route = next(r for r in gateway.app.routes if getattr(r, "path", "") == "/graphql")
    responses: ResponseCache = route.endpoint.__self__.responses
    return responses


def _stocked(shop: World) -> list[tuple[Product, Variant]]:
    """Published variants with at least 3 available everywhere: an order of 2 can reserve them."""
    return [
        (p, v)
        for p, v in shop.variants()
        if p.published and min(lv.available for lv in shop.stock if lv.sku == v.sku) >= 3
    ]


def _available(data: dict[str, Any]) -> dict[str, int]:
    return {v["sku"]: v["stock"]["available"] for v in data["product"]["variants"]["nodes"]}


async def _reserve_two(sandbox: Sandbox, shop: World, variant: Variant) -> None:
    """Confirm an ERP order of 2: the ERP's available stock drops by 2 (no webhook sent)."""
    [order_id] = await odoo_call(
        sandbox,
        "sale.order",
        "create",
        vals_list=[
            {
                "partner_id": shop.customers[0].odoo_partner_id,
                "order_line": [[0, 0, {"product_id": variant.odoo_id, "product_uom_qty": 2}]],
            }
        ],
    )
    await odoo_call(sandbox, "sale.order", "action_confirm", ids=[order_id])


async def _post_stock_webhook(sandbox: Sandbox, gateway: Gateway, variant: Variant) -> int:
    """What Odoo's automation posts when a quant of `variant` changes; the answer's status."""
    token = odoo_webhook_token(sandbox.settings.options.seed)
    body = json.dumps({"_model": "stock.quant", "product_id": variant.odoo_id}).encode()
    async with gateway.http.post(
        f"{gateway.url}/webhooks/odoo?token={token}", data=body, headers={"Content-Type": "application/json"}
    ) as response:
        return response.status


@pytest.fixture
async def replicas(hooked_sandbox: Sandbox) -> AsyncIterator[tuple[Gateway, Gateway]]:
    """Two gateways on one Redis namespace of their own, in front of one sandbox."""
    cache = {
        "backend": "redis",
        "redis_url": "redis://127.0.0.1:6379/0",
        "namespace": f"test-{uuid.uuid4().hex}",
    }
    config = webhook_config(hooked_sandbox, {"cache": cache})
    async with running_gateway(config) as first, running_gateway(config) as second:
        yield first, second


async def test_a_webhook_to_one_process_refreshes_the_other(
    hooked_sandbox: Sandbox, shop: World, replicas: tuple[Gateway, Gateway]
) -> None:
    a, b = replicas
    assert _responses(a) is not _responses(b)
    (other, _), (product, variant) = next(
        (first, second) for first in _stocked(shop) for second in _stocked(shop) if first[0] != second[0]
    )
    # given: both warm; B cached the product's answer, A never read that product
    await a.data(STOCK, {"handle": other.handle})
    before = _available(await b.data(STOCK, {"handle": product.handle}))
    assert _available(await b.data(STOCK, {"handle": product.handle})) == before
    assert _responses(b).hits == 1

    # when: the ERP stock moves and its webhook reaches A only
    await _reserve_two(hooked_sandbox, shop, variant)
    b_channel = b.app.state.gateway.running.invalidations
    assert isinstance(b_channel, RedisInvalidations)
    arrived = asyncio.Event()
    forget = b_channel.forget

    def forget_and_tell(changes: Sequence[Change]) -> None:
        forget(changes)
        arrived.set()

    b_channel.forget = forget_and_tell
    sent_at = time.perf_counter()
    assert await _post_stock_webhook(hooked_sandbox, a, variant) == 200
    async with asyncio.timeout(10):
        await arrived.wait()

    # then: B's next answer has the new stock
    after = _available(await b.data(STOCK, {"handle": product.handle}))
    print(f"webhook on A to fresh answer on B: {(time.perf_counter() - sent_at) * 1000:.1f} ms")
    assert after[variant.sku] == before[variant.sku] - 2


async def test_a_webhook_drops_only_the_responses_built_from_its_skus(
    hooked_sandbox: Sandbox, shop: World, gateway: Gateway
) -> None:
    (kept, _), (changed, variant) = next(
        (first, second) for first in _stocked(shop) for second in _stocked(shop) if first[0] != second[0]
    )
    responses = _responses(gateway)
    kept_before = await gateway.data(STOCK, {"handle": kept.handle})
    changed_before = _available(await gateway.data(STOCK, {"handle": changed.handle}))

    await _reserve_two(hooked_sandbox, shop, variant)
    assert await _post_stock_webhook(hooked_sandbox, gateway, variant) == 200

    hits = responses.hits
    assert await gateway.data(STOCK, {"handle": kept.handle}) == kept_before
    assert responses.hits == hits + 1, "the answer that did not use the SKU was dropped"
    changed_after = _available(await gateway.data(STOCK, {"handle": changed.handle}))
    assert responses.hits == hits + 1
    assert changed_after[variant.sku] == changed_before[variant.sku] - 2
