"""The Odoo emulator for the connector's tests, and stock clients pointed at it or at a loopback.

The emulator runs once for the package over the world the recordings were made from. The loopback
upstream (the one the HTTP plumbing's tests script) replays recorded answers in turn, since the
connector reads the warehouses before the stock, and keeps every request it receives.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from gateway.backends.http.client import BackendClient
from gateway.backends.http.settings import BackendSettings
from gateway.backends.odoo.client import OdooStock
from gateway.backends.odoo.orders import OdooOrders
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate
from tests.backends.http.conftest import Answer, Upstream, upstream, upstream_server
from tests.harness import reset_sandbox

from .recordings import SIZE, load

LOOPBACK_DATABASE = "northwind"
LOOPBACK_API_KEY = "4f1c0d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e"
"""What the connector sends the loopback upstream, which checks nothing: tests check what it got."""

StockFactory = Callable[..., Awaitable[OdooStock]]
OrdersFactory = Callable[..., Awaitable[OdooOrders]]


def recorded(name: str) -> Answer:
    saved = load(name)
    return Upstream.json(saved.body, status=saved.status)


@pytest.fixture(scope="package")
async def odoo_sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(generate(SIZE), SandboxSettings(port_base=0, vendors=("odoo",))) as sandbox:
        yield sandbox


@pytest.fixture
async def emulator(odoo_sandbox: Sandbox) -> AsyncIterator[Sandbox]:
    """The emulator with its request counters and faults reset before and after the test."""
    await reset_sandbox(odoo_sandbox)
    yield odoo_sandbox
    await reset_sandbox(odoo_sandbox)


@pytest.fixture
async def make_stock() -> AsyncIterator[StockFactory]:
    """`await make_stock(url, database=..., api_key=...)`: a connector, closed after the test.

    Retries are off: how often a call is retried is the HTTP plumbing's business (tested there); here
    every request the connector makes is one the vendor sees.
    """
    async with contextlib.AsyncExitStack() as stack:

        async def make(
            url: str, *, database: str = LOOPBACK_DATABASE, api_key: str = LOOPBACK_API_KEY
        ) -> OdooStock:
            settings = BackendSettings(name="odoo", url=url, retries=0)
            client = await stack.enter_async_context(BackendClient(settings))
            return OdooStock(client, database=database, api_key=api_key)

        yield make


@pytest.fixture
async def stock(emulator: Sandbox, make_stock: StockFactory) -> OdooStock:
    """The connector in front of the emulator, as the gateway configures it."""
    config = emulator.backends_config()["odoo"]
    return await make_stock(emulator.urls["odoo"], database=config["database"], api_key=config["api_key"])


@pytest.fixture
async def replay(upstream: Upstream, make_stock: StockFactory) -> OdooStock:
    """The connector in front of the loopback upstream: script it with recorded answers."""
    return await make_stock(upstream.url)


@pytest.fixture
async def make_orders() -> AsyncIterator[OrdersFactory]:
    """`await make_orders(url, database=..., api_key=...)`: a connector without retries, closed after."""
    async with contextlib.AsyncExitStack() as stack:

        async def make(
            url: str, *, database: str = LOOPBACK_DATABASE, api_key: str = LOOPBACK_API_KEY
        ) -> OdooOrders:
            client = await stack.enter_async_context(
                BackendClient(BackendSettings(name="odoo", url=url, retries=0))
            )
            return OdooOrders(client, database=database, api_key=api_key)

        yield make


@pytest.fixture
async def orders(emulator: Sandbox, make_orders: OrdersFactory) -> OdooOrders:
    config = emulator.backends_config()["odoo"]
    return await make_orders(emulator.urls["odoo"], database=config["database"], api_key=config["api_key"])


__all__ = [
    "LOOPBACK_API_KEY",
    "LOOPBACK_DATABASE",
    "OrdersFactory",
    "StockFactory",
    "recorded",
    "upstream",
    "upstream_server",
]
