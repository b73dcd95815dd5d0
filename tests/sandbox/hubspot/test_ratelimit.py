from __future__ import annotations

import aiohttp

from sandbox.seed import World

HEADERS = (
    "X-HubSpot-RateLimit-Daily",
    "X-HubSpot-RateLimit-Daily-Remaining",
    "X-HubSpot-RateLimit-Interval-Milliseconds",
    "X-HubSpot-RateLimit-Max",
    "X-HubSpot-RateLimit-Remaining",
)


async def test_headers_on_every_api_response_even_without_emulation(
    http: aiohttp.ClientSession, world: World
) -> None:
    path = f"/crm/v3/objects/contacts/{world.customers[0].crm.hubspot_id}"
    remaining = []
    for _ in range(3):
        async with http.get(path) as response:
            assert response.status == 200
            assert all(h in response.headers for h in HEADERS)
            assert response.headers["X-HubSpot-RateLimit-Interval-Milliseconds"] == "10000"
            assert response.headers["X-HubSpot-RateLimit-Max"] == "190"
            remaining.append(int(response.headers["X-HubSpot-RateLimit-Remaining"]))
    assert remaining == [189, 188, 187]
    async with http.get("/crm/v3/objects/contacts/1") as response:
        assert response.status == 404
        assert "X-HubSpot-RateLimit-Remaining" in response.headers


async def test_n_requests_per_window_then_the_documented_429(
    http: aiohttp.ClientSession, world: World
) -> None:
    # given
    await http.post("/__sandbox/faults", json={"rate_limit": 3})
    path = f"/crm/v3/objects/contacts/{world.customers[0].crm.hubspot_id}"
    # when
    statuses = []
    for _ in range(4):
        async with http.get(path) as response:
            statuses.append(response.status)
            last = await response.json()
            headers = response.headers
    # then
    assert statuses == [200, 200, 200, 429]
    assert last["status"] == "error"
    assert last["message"] == "You have reached your ten_secondly_rolling limit."
    assert last["errorType"] == "RATE_LIMIT"
    assert last["policyName"] == "TEN_SECONDLY_ROLLING"
    assert "correlationId" in last
    assert last["groupName"].startswith("publicapi:private_app-api-calls-ten-secondly:")
    assert headers["X-HubSpot-RateLimit-Max"] == "3"
    assert headers["X-HubSpot-RateLimit-Remaining"] == "0"
    # and a reset opens the window again
    await http.post("/__sandbox/reset")
    async with http.get(path) as response:
        assert response.status == 200


async def test_documented_limit_when_rate_limit_is_true(http: aiohttp.ClientSession, world: World) -> None:
    await http.post("/__sandbox/faults", json={"rate_limit": True})
    async with http.get(f"/crm/v3/objects/contacts/{world.customers[0].crm.hubspot_id}") as response:
        assert response.headers["X-HubSpot-RateLimit-Max"] == "190"


async def test_search_has_its_own_secondly_limit_and_no_headers(http: aiohttp.ClientSession) -> None:
    await http.post("/__sandbox/faults", json={"rate_limit": True})
    statuses = []
    for _ in range(6):
        async with http.post("/crm/v3/objects/contacts/search", json={"limit": 1}) as response:
            statuses.append(response.status)
            assert "X-HubSpot-RateLimit-Remaining" not in response.headers
            body = await response.json()
    assert statuses == [200] * 5 + [429]
    assert body["message"] == "You have reached your secondly limit."
    assert body["policyName"] == "SECONDLY"
