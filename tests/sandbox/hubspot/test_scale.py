"""A 100-key batch read and a 100-value `IN` search work on a 10,000-product world (benchmarks time them)."""

from __future__ import annotations

import aiohttp

from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate


async def test_hundred_emails_at_ten_thousand_products() -> None:
    # given
    world = generate(10_000)
    emails = [c.email for c in world.customers[-100:]]
    async with Sandbox(world, SandboxSettings(port_base=0, vendors=("hubspot",))) as sandbox:
        token = sandbox.emulators["hubspot"].credentials["token"]
        async with aiohttp.ClientSession(
            sandbox.urls["hubspot"], headers={"Authorization": f"Bearer {token}"}
        ) as http:
            # when
            async with http.post(
                "/crm/v3/objects/contacts/batch/read",
                json={"idProperty": "email", "inputs": [{"id": e} for e in emails], "properties": ["email"]},
            ) as response:
                batch = await response.json()
                assert response.status == 200
            async with http.post(
                "/crm/v3/objects/contacts/search",
                json={
                    "filterGroups": [
                        {"filters": [{"propertyName": "email", "operator": "IN", "values": emails}]}
                    ],
                    "properties": ["email"],
                    "limit": 100,
                },
            ) as response:
                found = await response.json()
                assert response.status == 200
    # then
    assert len(world.customers) == 2500
    assert {r["properties"]["email"] for r in batch["results"]} == set(emails)
    assert found["total"] == 100
    assert {r["properties"]["email"] for r in found["results"]} == set(emails)
