"""Runs the real gateway under uvicorn on a loopback port, in front of the real sandbox emulators."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import tempfile
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp
import uvicorn

from gateway.app import build_app
from gateway.config import GatewayConfig, parse_config
from sandbox.runner import Sandbox
from sandbox.seed import CUSTOMER_PASSWORD

STATE_ROOT = tempfile.TemporaryDirectory(prefix="commerce-gateway-test-state-")
"""Where each test config keeps its durable state (removed at exit), so no test sees another's marks."""


def merge(base: dict[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overrides.items():
        merged[key] = (
            merge(merged[key], value)
            if isinstance(value, Mapping) and isinstance(merged.get(key), dict)
            else value
        )
    return merged


def gateway_config(sandbox: Sandbox, **overrides: Any) -> GatewayConfig:
    """A config for the sandbox with short timeouts, so failure tests finish quickly.

    Each config has a state directory of its own: the gateways started from it share their webhook
    marks (a restart keeps them), gateways of other configs do not.
    """
    backends = {
        name: {**section, "timeout_s": 2.0, "connect_timeout_s": 2.0, "breaker_reset_s": 30.0}
        for name, section in sandbox.backends_config().items()
    }
    base = {
        "backends": backends,
        "cache": {"namespace": "test"},
        "server": {"state_dir": tempfile.mkdtemp(dir=STATE_ROOT.name)},
    }
    return parse_config(merge(base, overrides), environ={})


SIGN_IN = """mutation($email: String!, $password: String!) {
  customerAccessTokenCreate(input: {email: $email, password: $password}) {
    customerAccessToken { accessToken }
  }
}"""


@dataclass(slots=True)
class Gateway:
    url: str
    http: aiohttp.ClientSession
    config: GatewayConfig
    app: Any

    async def query(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        headers: dict[str, str] | None = None,
        operation_name: str | None = None,
    ) -> dict[str, Any]:
        """POST a GraphQL request and return the JSON body (any status)."""
        payload: dict[str, Any] = {"query": query}
        if variables is not None:
            payload["variables"] = variables
        if operation_name is not None:
            payload["operationName"] = operation_name
        async with self.http.post(f"{self.url}/graphql", json=payload, headers=headers) as response:
            body: dict[str, Any] = await response.json(content_type=None)
            return body

    async def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """POST and insist on a clean answer: no errors, data present."""
        body = await self.query(query, variables)
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data

    async def sign_in(self, email: str, *, headers: dict[str, str] | None = None) -> str:
        """A seeded customer's access token, from the forwarded `customerAccessTokenCreate`."""
        body = await self.query(SIGN_IN, {"email": email, "password": CUSTOMER_PASSWORD}, headers=headers)
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        token: str = data["customerAccessTokenCreate"]["customerAccessToken"]["accessToken"]
        return token


@contextlib.asynccontextmanager
async def running_gateway(config: GatewayConfig) -> AsyncIterator[Gateway]:
    app = build_app(config)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="on", log_level="warning", access_log=False)
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        async with aiohttp.ClientSession() as http:
            # The first round of readiness checks runs in the background at start: let it finish, so
            # its backend calls never land in a test's counted window.
            await app.state.gateway.readiness.checked.wait()
            yield Gateway(f"http://127.0.0.1:{port}", http, config, app)
    finally:
        server.should_exit = True
        await task


async def sandbox_stats(sandbox: Sandbox) -> dict[str, dict[str, Any]]:
    """Each emulator's request counters, read over its control API."""
    stats = {}
    async with aiohttp.ClientSession() as http:
        for vendor, url in sandbox.urls.items():
            async with http.get(f"{url}/__sandbox/stats") as response:
                stats[vendor] = await response.json()
    return stats


async def reset_sandbox(sandbox: Sandbox) -> None:
    async with aiohttp.ClientSession() as http:
        for url in sandbox.urls.values():
            async with http.post(f"{url}/__sandbox/reset") as response:
                assert response.status == 200


async def set_faults(sandbox: Sandbox, vendor: str, **faults: Any) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{sandbox.urls[vendor]}/__sandbox/faults", json=faults) as response,
    ):
        assert response.status == 200, await response.text()


async def odoo_call(sandbox: Sandbox, model: str, method: str, **params: Any) -> Any:
    """One JSON-2 call to the Odoo emulator, as the ERP's own users would make it."""
    odoo = sandbox.backends_config()["odoo"]
    headers = {"Authorization": f"bearer {odoo['api_key']}", "X-Odoo-Database": odoo["database"]}
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{odoo['url']}/json/2/{model}/{method}", json=params, headers=headers) as response,
    ):
        assert response.status == 200, await response.text()
        return await response.json()


async def akeneo_patch(sandbox: Sandbox, path: str, payload: dict[str, Any]) -> None:
    """A PATCH to the PIM emulator's REST API with a fresh token, as a merchandiser's tool sends it."""
    akeneo = sandbox.backends_config()["akeneo"]
    basic = base64.b64encode(f"{akeneo['client_id']}:{akeneo['client_secret']}".encode()).decode()
    grant = {"grant_type": "password", "username": akeneo["username"], "password": akeneo["password"]}
    async with aiohttp.ClientSession() as http:
        async with http.post(
            f"{akeneo['url']}/api/oauth/v1/token", json=grant, headers={"Authorization": f"Basic {basic}"}
        ) as response:
            token = (await response.json())["access_token"]
        async with http.patch(
            f"{akeneo['url']}{path}", json=payload, headers={"Authorization": f"Bearer {token}"}
        ) as response:
            assert response.status == 204, await response.text()


async def storefront_call(sandbox: Sandbox, query: str, variables: Mapping[str, Any]) -> dict[str, Any]:
    """The Shopify emulator's own answer to a Storefront document, asked directly."""
    shopify = sandbox.backends_config()["shopify"]
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            f"{shopify['url']}/api/{shopify.get('storefront_api_version', '2026-04')}/graphql.json",
            json={"query": query, "variables": dict(variables)},
            headers={"X-Shopify-Storefront-Access-Token": shopify["storefront_token"]},
        ) as response,
    ):
        body: dict[str, Any] = await response.json()
        return body


__all__ = [
    "Gateway",
    "akeneo_patch",
    "gateway_config",
    "odoo_call",
    "reset_sandbox",
    "running_gateway",
    "sandbox_stats",
    "set_faults",
    "storefront_call",
]
