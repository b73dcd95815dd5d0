"""A sandbox of the webhook tests' own (some change its data) and a gateway receiving its webhooks."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import Any

import pytest

from gateway.config import GatewayConfig
from sandbox.runner import Sandbox, SandboxSettings, odoo_webhook_token
from sandbox.seed import World, generate
from tests.harness import Gateway, gateway_config, merge, running_gateway

from .deliveries import Deliveries

LONG_TTL = {"ttl": {"stock": 600, "content": 600}, "responses": True}
"""Cached values outlive every test, so only a webhook can refresh them."""


def webhook_config(sandbox: Sandbox, overrides: Mapping[str, Any] | None = None) -> GatewayConfig:
    """A gateway config accepting every vendor's webhooks from `sandbox`."""
    base = {
        "cache": LONG_TTL,
        "backends": {"odoo": {"webhook_token": odoo_webhook_token(sandbox.settings.options.seed)}},
    }
    return gateway_config(sandbox, **merge(base, overrides or {}))


@pytest.fixture(scope="module")
def shop() -> World:
    return generate(20, seed=11)


@pytest.fixture(scope="module")
async def hooked_sandbox(shop: World) -> AsyncIterator[Sandbox]:
    async with Sandbox(shop, SandboxSettings(port_base=0)) as sandbox:
        yield sandbox


@pytest.fixture
async def gateway(hooked_sandbox: Sandbox) -> AsyncIterator[Gateway]:
    async with running_gateway(webhook_config(hooked_sandbox)) as running:
        yield running


@pytest.fixture
def deliveries(hooked_sandbox: Sandbox, gateway: Gateway) -> Deliveries:
    return Deliveries(hooked_sandbox, gateway.url)
