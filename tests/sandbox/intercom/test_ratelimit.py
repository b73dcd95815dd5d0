from __future__ import annotations

import time

import aiohttp

from .openapi import Contract


async def test_headers_on_every_response(http: aiohttp.ClientSession) -> None:
    for path, status in (("/admins", 200), ("/conversations/0", 404)):
        async with http.get(path) as response:
            assert response.status == status
            assert response.headers["X-RateLimit-Limit"] == "1666"
            assert int(response.headers["X-RateLimit-Remaining"]) < 1666
            reset = int(response.headers["X-RateLimit-Reset"])
            assert time.time() - 1 <= reset <= time.time() + 11


async def test_n_per_window_then_429(http: aiohttp.ClientSession, contract: Contract) -> None:
    # given
    await http.post("/__sandbox/faults", json={"rate_limit": 2})
    # when
    statuses = []
    for _ in range(3):
        async with http.get("/admins") as response:
            statuses.append(response.status)
            body = await response.json()
            headers = response.headers
    # then
    assert statuses == [200, 200, 429]
    contract.validate_error(body)
    assert body["errors"][0] == {
        "code": "rate_limit_exceeded",
        "message": "Exceeded rate limit of 2 in 10_seconds",
    }
    assert headers["X-RateLimit-Remaining"] == "0"
    await http.post("/__sandbox/reset")
    async with http.get("/admins") as response:
        assert response.status == 200


async def test_documented_limit_when_rate_limit_is_true(http: aiohttp.ClientSession) -> None:
    await http.post("/__sandbox/faults", json={"rate_limit": True})
    async with http.get("/admins") as response:
        assert response.headers["X-RateLimit-Limit"] == "1666"
        assert response.status == 200
