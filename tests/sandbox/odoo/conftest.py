"""An Odoo emulator over a small world, started once per test module and reset before each test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import World, generate

from .odoo_client import OdooClient

WORLD_SIZE = 80


@pytest.fixture(scope="module")
def world() -> World:
    return generate(WORLD_SIZE)


@pytest.fixture(scope="module")
async def sandbox(world: World) -> AsyncIterator[Sandbox]:
    async with Sandbox(world, SandboxSettings(port_base=0, vendors=("odoo",))) as running:
        yield running


@pytest.fixture(scope="module")
async def http(sandbox: Sandbox) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(sandbox.urls["odoo"]) as session:
        yield session


@pytest.fixture(scope="module")
def odoo(sandbox: Sandbox, http: aiohttp.ClientSession) -> OdooClient:
    return OdooClient(http, sandbox.emulators["odoo"].credentials)


@pytest.fixture(autouse=True)
def _reset(sandbox: Sandbox) -> None:
    # Faults and rate windows from one test must not leak into the next.
    sandbox.emulators["odoo"].control.reset()
