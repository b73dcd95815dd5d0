"""An Akeneo emulator over a small world, started once per test module and reset before each test."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping
from typing import Any

import aiohttp
import pytest

from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import World, generate

WORLD_SIZE = 80
TOKEN_PATH = "/api/oauth/v1/token"
PRODUCTS = "/api/rest/v1/products-uuid"


def basic(client_id: str, secret: str) -> str:
    return aiohttp.encode_basic_auth(client_id, secret)


async def fetch_token(http: aiohttp.ClientSession, credentials: Mapping[str, str]) -> dict[str, Any]:
    """A password grant with the emulator's credentials."""
    async with http.post(
        TOKEN_PATH,
        json={
            "grant_type": "password",
            "username": credentials["username"],
            "password": credentials["password"],
        },
        headers={"Authorization": basic(credentials["client_id"], credentials["client_secret"])},
    ) as response:
        assert response.status == 200, await response.text()
        token: dict[str, Any] = await response.json()
        return token


def search(**criteria: Any) -> str:
    """The `search` query parameter for the given filter."""
    return json.dumps(criteria)


@pytest.fixture(scope="module")
def world() -> World:
    return generate(WORLD_SIZE)


@pytest.fixture(scope="module")
async def sandbox(world: World) -> AsyncIterator[Sandbox]:
    async with Sandbox(world, SandboxSettings(port_base=0, vendors=("akeneo",))) as running:
        yield running


@pytest.fixture(scope="module")
def credentials(sandbox: Sandbox) -> dict[str, str]:
    return sandbox.emulators["akeneo"].credentials


@pytest.fixture(scope="module")
async def anonymous(sandbox: Sandbox) -> AsyncIterator[aiohttp.ClientSession]:
    """A session without any credentials."""
    async with aiohttp.ClientSession(sandbox.urls["akeneo"]) as session:
        yield session


@pytest.fixture(scope="module")
async def http(sandbox: Sandbox, credentials: dict[str, str]) -> AsyncIterator[aiohttp.ClientSession]:
    """A session carrying a valid Bearer token."""
    async with aiohttp.ClientSession(sandbox.urls["akeneo"]) as session:
        token = await fetch_token(session, credentials)
        session.headers["Authorization"] = f"Bearer {token['access_token']}"
        yield session


@pytest.fixture(autouse=True)
def _reset(sandbox: Sandbox) -> None:
    # Faults and rate windows from one test must not leak into the next.
    sandbox.emulators["akeneo"].control.reset()
