"""A HubSpot emulator over a small world, started once per test module and reset before each test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import World, generate

WORLD_SIZE = 120


@pytest.fixture(scope="module")
def world() -> World:
    return generate(WORLD_SIZE)


@pytest.fixture(scope="module")
async def sandbox(world: World) -> AsyncIterator[Sandbox]:
    async with Sandbox(world, SandboxSettings(port_base=0, vendors=("hubspot",))) as running:
        yield running


@pytest.fixture(scope="module")
async def http(sandbox: Sandbox) -> AsyncIterator[aiohttp.ClientSession]:
    token = sandbox.emulators["hubspot"].credentials["token"]
    async with aiohttp.ClientSession(
        sandbox.urls["hubspot"], headers={"Authorization": f"Bearer {token}"}
    ) as session:
        yield session


@pytest.fixture(autouse=True)
def _reset(sandbox: Sandbox) -> None:
    # Faults and rate windows from one test must not leak into the next.
    sandbox.emulators["hubspot"].control.reset()
