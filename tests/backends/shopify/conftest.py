"""The Shopify emulator for the connector's tests, and Storefront connectors pointed at it or at a loopback.

The emulator runs once for the package; the loopback upstream (the one the HTTP plumbing's tests
script) answers what a test tells it to and keeps every request it receives.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from gateway.backends.http.client import BackendClient
from gateway.backends.http.settings import BackendSettings
from gateway.backends.shopify.forwarding import StorefrontForwarder
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate
from sandbox.shopify.emulator import STOREFRONT_TOKEN
from tests.backends.http.conftest import Upstream, upstream, upstream_server
from tests.harness import reset_sandbox

API_VERSION = "2026-04"

ForwarderFactory = Callable[..., Awaitable[StorefrontForwarder]]

__all__ = ["API_VERSION", "ForwarderFactory", "Upstream", "upstream", "upstream_server"]


@pytest.fixture(scope="package")
async def shopify_sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(generate(40), SandboxSettings(port_base=0, vendors=("shopify",))) as sandbox:
        yield sandbox


@pytest.fixture
async def emulator(shopify_sandbox: Sandbox) -> AsyncIterator[Sandbox]:
    """The emulator with its request counters and faults reset before and after the test."""
    await reset_sandbox(shopify_sandbox)
    yield shopify_sandbox
    await reset_sandbox(shopify_sandbox)


@pytest.fixture
async def make_forwarder() -> AsyncIterator[ForwarderFactory]:
    """`await make_forwarder(url, token=...)`: a connector, closed after the test.

    Retries are off unless asked for: how often a call is retried is the HTTP plumbing's business (tested there); here
    every request the connector makes is one the vendor sees.
    """
    async with contextlib.AsyncExitStack() as stack:

        async def make(url: str, *, token: str = STOREFRONT_TOKEN, retries: int = 0) -> StorefrontForwarder:
            settings = BackendSettings(name="shopify", url=url, retries=retries, retry_backoff_s=0.001)
            client = await stack.enter_async_context(BackendClient(settings))
            return StorefrontForwarder(client, token=token, api_version=API_VERSION)

        yield make


@pytest.fixture
async def forwarder(emulator: Sandbox, make_forwarder: ForwarderFactory) -> StorefrontForwarder:
    """The connector in front of the emulator, as the gateway configures it."""
    return await make_forwarder(emulator.urls["shopify"])


@pytest.fixture
async def scripted(upstream: Upstream, make_forwarder: ForwarderFactory) -> StorefrontForwarder:
    """The connector in front of the loopback upstream: script its answers."""
    return await make_forwarder(upstream.url)
