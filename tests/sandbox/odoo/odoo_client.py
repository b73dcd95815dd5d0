"""A tiny test client speaking both Odoo transports to the emulator over real HTTP."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import aiohttp


@dataclass(slots=True)
class Reply:
    """A JSON-2 answer: status, decoded body and headers."""

    status: int
    body: Any
    headers: dict[str, str]


class OdooClient:
    """Calls `/json/2/<model>/<method>` and `/jsonrpc` with the emulator's credentials."""

    def __init__(self, http: aiohttp.ClientSession, credentials: dict[str, str]) -> None:
        self.http = http
        self.database = credentials["database"]
        self.api_key = credentials["api_key"]
        self.login = credentials["login"]
        self._ids = itertools.count(1)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"bearer {self.api_key}", "X-Odoo-Database": self.database}

    async def json2(
        self, model: str, method: str, *, headers: dict[str, str] | None = None, **params: Any
    ) -> Reply:
        async with self.http.post(
            f"/json/2/{model}/{method}", json=params, headers=self.headers if headers is None else headers
        ) as response:
            return Reply(response.status, await response.json(content_type=None), dict(response.headers))

    async def ok(self, model: str, method: str, **params: Any) -> Any:
        reply = await self.json2(model, method, **params)
        assert reply.status == 200, reply.body
        return reply.body

    async def rpc(self, service: str, method: str, *args: Any) -> dict[str, Any]:
        """One JSON-RPC call; returns the whole envelope."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": next(self._ids),
            "params": {"service": service, "method": method, "args": list(args)},
        }
        async with self.http.post("/jsonrpc", json=payload) as response:
            assert response.status == 200
            envelope: dict[str, Any] = await response.json()
            return envelope

    async def execute_kw(
        self, model: str, method: str, args: list[Any], kwargs: dict[str, Any] | None = None
    ) -> Any:
        """`object.execute_kw` as the integration user; returns the envelope."""
        return await self.rpc(
            "object", "execute_kw", self.database, 6, self.api_key, model, method, args, kwargs or {}
        )
