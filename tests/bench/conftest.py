"""Fixtures of the benchmark tests: the floor, an uncached gateway, and targets read as a run reads them."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from bench.accounts import admin_api, signed_in_accounts
from bench.carts import open_carts
from bench.floor import Floor
from bench.session import UNCACHED
from bench.targets import AccountTarget, CartTarget, ProductTarget, catalog
from sandbox.runner import Sandbox
from tests.harness import Gateway, gateway_config, running_gateway


@pytest.fixture
async def floor(sandbox: Sandbox) -> AsyncIterator[Floor]:
    async with Floor(sandbox.backends_config(), caps={"akeneo": 4}) as opened:
        yield opened


SHOPIFY_TIMEOUT_S = 15.0
"""The first request composes the schema from Shopify's introspection, seconds of work on a busy machine."""


@pytest.fixture
async def uncached(clean_sandbox: Sandbox) -> AsyncIterator[Gateway]:
    """A gateway configured as the uncached scenarios run it: every operation reaches every backend."""
    config = gateway_config(
        clean_sandbox, cache=UNCACHED, backends={"shopify": {"timeout_s": SHOPIFY_TIMEOUT_S}}
    )
    async with running_gateway(config) as running:
        yield running


@pytest.fixture
async def cached(clean_sandbox: Sandbox) -> AsyncIterator[Gateway]:
    """A gateway with its default caches."""
    config = gateway_config(clean_sandbox, backends={"shopify": {"timeout_s": SHOPIFY_TIMEOUT_S}})
    async with running_gateway(config) as running:
        yield running


@pytest.fixture
async def products(floor: Floor) -> list[ProductTarget]:
    """Products of several variants: a page whose variant picker has something to pick."""
    found = [p for p in await catalog(floor.storefront) if len(p.variants) > 1]
    assert len(found) >= 3
    return found


@pytest.fixture
async def carts(floor: Floor, products: list[ProductTarget]) -> tuple[CartTarget, ...]:
    return await open_carts(floor.storefront, products, carts=3)


@pytest.fixture
async def accounts(sandbox: Sandbox, floor: Floor) -> tuple[AccountTarget, ...]:
    """The three customers with the most orders, signed in as a run signs them in."""
    async with aiohttp.ClientSession() as http:
        admin = admin_api(http, sandbox.backends_config()["shopify"], "2026-07")
        return await signed_in_accounts(admin, floor.storefront, limit=3)
