"""A small HTTP client for the Shopify emulator's two GraphQL endpoints, for the sandbox tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp

from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import World
from sandbox.shopify import ADMIN_TOKEN, STOREFRONT_TOKEN

STOREFRONT_PATH = "/api/2026-04/graphql.json"
ADMIN_PATH = "/admin/api/2026-07/graphql.json"


@dataclass
class Reply:
    status: int
    body: Any
    headers: Any

    @property
    def data(self) -> Any:
        assert "errors" not in self.body, self.body
        return self.body["data"]


@dataclass
class ShopifySandbox:
    """The running emulator and an HTTP session to it."""

    http: aiohttp.ClientSession
    url: str
    sandbox: Sandbox
    world: World

    async def post(self, path: str, **kwargs: Any) -> Reply:
        async with self.http.post(self.url + path, **kwargs) as response:
            body = await response.json(content_type=None)
            return Reply(response.status, body, response.headers)

    async def storefront(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        token: str | None = STOREFRONT_TOKEN,
        operation_name: str | None = None,
    ) -> Reply:
        headers = {"X-Shopify-Storefront-Access-Token": token} if token is not None else {}
        payload: dict[str, Any] = {"query": query, "variables": variables or {}}
        if operation_name:
            payload["operationName"] = operation_name
        return await self.post(STOREFRONT_PATH, json=payload, headers=headers)

    async def admin(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str = ADMIN_TOKEN
    ) -> Reply:
        return await self.post(
            ADMIN_PATH,
            json={"query": query, "variables": variables or {}},
            headers={"X-Shopify-Access-Token": token},
        )


@asynccontextmanager
async def running(world: World) -> AsyncIterator[ShopifySandbox]:
    settings = SandboxSettings(port_base=0, vendors=("shopify",))
    async with Sandbox(world, settings) as sandbox, aiohttp.ClientSession() as http:
        yield ShopifySandbox(http, sandbox.urls["shopify"], sandbox, world)


__all__ = ["ADMIN_PATH", "STOREFRONT_PATH", "Reply", "ShopifySandbox", "running"]
