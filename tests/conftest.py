"""Shared fixtures: one sandbox world for the session, and a gateway in front of it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import World, generate

from .harness import Gateway, gateway_config, reset_sandbox, running_gateway

E2E_SIZE = 120
"""Products in the end-to-end tests' shop: enough for pages of 50, small enough to start fast."""


@pytest.fixture(scope="session")
def world() -> World:
    return generate(E2E_SIZE)


@pytest.fixture(scope="session")
async def sandbox(world: World) -> AsyncIterator[Sandbox]:
    async with Sandbox(world, SandboxSettings(port_base=0)) as running:
        yield running


@pytest.fixture
async def clean_sandbox(sandbox: Sandbox) -> AsyncIterator[Sandbox]:
    """The sandbox with counters and faults reset before and after the test."""
    await reset_sandbox(sandbox)
    yield sandbox
    await reset_sandbox(sandbox)


@pytest.fixture
async def gateway(clean_sandbox: Sandbox) -> AsyncIterator[Gateway]:
    """A fresh gateway (empty caches) in front of the clean sandbox."""
    async with running_gateway(gateway_config(clean_sandbox)) as running:
        yield running
