"""A 100-email `IN` search works on a 10,000-product world (benchmarks time it)."""

from __future__ import annotations

import aiohttp

from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate


async def test_hundred_email_in_search_at_ten_thousand_products() -> None:
    # given
    world = generate(10_000)
    emails = [c.email for c in world.customers[-100:]]
    async with Sandbox(world, SandboxSettings(port_base=0, vendors=("intercom",))) as sandbox:
        token = sandbox.emulators["intercom"].credentials["token"]
        headers = {"Authorization": f"Bearer {token}", "Intercom-Version": "2.14"}
        payload = {
            "query": {"field": "email", "operator": "IN", "value": emails},
            "pagination": {"per_page": 150},
        }
        # when
        async with (
            aiohttp.ClientSession(sandbox.urls["intercom"], headers=headers) as http,
            http.post("/contacts/search", json=payload) as response,
        ):
            body = await response.json()
            assert response.status == 200
    # then
    assert body["total_count"] == 100
    assert {d["email"] for d in body["data"]} == set(emails)
    assert "next" not in body["pages"]
