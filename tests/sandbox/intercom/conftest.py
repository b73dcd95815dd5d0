"""An Intercom emulator over a small world, started once per module and reset before each test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import World, generate

from .openapi import SPEC, Contract

WORLD_SIZE = 160


@pytest.fixture(scope="session")
def contract() -> Contract:
    if not SPEC.exists():
        pytest.skip(f"Intercom OpenAPI description not found at {SPEC} (shared specs are not mounted)")
    return Contract(SPEC)


@pytest.fixture(scope="module")
def world() -> World:
    return generate(WORLD_SIZE)


@pytest.fixture(scope="module")
async def sandbox(world: World) -> AsyncIterator[Sandbox]:
    async with Sandbox(world, SandboxSettings(port_base=0, vendors=("intercom",))) as running:
        yield running


@pytest.fixture(scope="module")
async def http(sandbox: Sandbox) -> AsyncIterator[aiohttp.ClientSession]:
    token = sandbox.emulators["intercom"].credentials["token"]
    headers = {"Authorization": f"Bearer {token}", "Intercom-Version": "2.14", "Accept": "application/json"}
    async with aiohttp.ClientSession(sandbox.urls["intercom"], headers=headers) as session:
        yield session


@pytest.fixture(autouse=True)
def _reset(sandbox: Sandbox) -> None:
    sandbox.emulators["intercom"].control.reset()
