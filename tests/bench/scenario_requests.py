"""Sending a scenario's operation as the harness sends it, to the scenario's own path."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bench.scenarios import Scenario, scenarios
from tests.harness import Gateway


def scenario(name: str) -> Scenario:
    return next(s for s in scenarios() if s.name == name)


async def send(gateway: Gateway, measured: Scenario, variables: Mapping[str, Any]) -> dict[str, Any]:
    payload = {"query": measured.query, "variables": dict(variables)}
    async with gateway.http.post(f"{gateway.url}{measured.path}", json=payload) as response:
        assert response.status == 200, await response.text()
        body: dict[str, Any] = await response.json()
        return body
