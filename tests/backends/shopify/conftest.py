"""The Shopify emulator for the connector's tests, and Storefront clients pointed at it or at a loopback.

The emulator runs once for the package over the world the recordings were made from, so that live
answers and saved ones describe the same shop. The loopback upstream (the one the HTTP plumbing's
tests script) replays saved answers and keeps every request it receives.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from gateway.backends.http.client import BackendClient
from gateway.backends.http.settings import BackendSettings
from gateway.backends.shopify.storefront import ShopifyStorefront
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate
from sandbox.shopify.emulator import STOREFRONT_TOKEN
from tests.backends.http.conftest import Upstream, upstream, upstream_server
from tests.harness import reset_sandbox

from .recordings import SIZE

API_VERSION = "2026-04"

StorefrontFactory = Callable[..., Awaitable[ShopifyStorefront]]


@pytest.fixture(scope="package")
async def shopify_sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(generate(SIZE), SandboxSettings(port_base=0, vendors=("shopify",))) as sandbox:
        yield sandbox


@pytest.fixture
async def emulator(shopify_sandbox: Sandbox) -> AsyncIterator[Sandbox]:
    """The emulator with its request counters and faults reset before and after the test."""
    await reset_sandbox(shopify_sandbox)
    yield shopify_sandbox
    await reset_sandbox(shopify_sandbox)


@pytest.fixture
async def make_storefront() -> AsyncIterator[StorefrontFactory]:
    """`await make_storefront(url, token=..., api_version=...)`: a connector, closed after the test.

    Retries are off: how often a call is retried is the HTTP plumbing's business (tested there); here
    every request the connector makes is one the vendor sees.
    """
    async with contextlib.AsyncExitStack() as stack:

        async def make(
            url: str, *, token: str = STOREFRONT_TOKEN, api_version: str = API_VERSION
        ) -> ShopifyStorefront:
            settings = BackendSettings(name="shopify", url=url, retries=0)
            client = await stack.enter_async_context(BackendClient(settings))
            return ShopifyStorefront(client, token=token, api_version=api_version)

        yield make


@pytest.fixture
async def storefront(emulator: Sandbox, make_storefront: StorefrontFactory) -> ShopifyStorefront:
    """The connector in front of the emulator, as the gateway configures it."""
    return await make_storefront(emulator.urls["shopify"])


@pytest.fixture
async def replay(upstream: Upstream, make_storefront: StorefrontFactory) -> ShopifyStorefront:
    """The connector in front of the loopback upstream: script it with recorded answers."""
    return await make_storefront(upstream.url)


__all__ = ["API_VERSION", "StorefrontFactory", "upstream", "upstream_server"]
