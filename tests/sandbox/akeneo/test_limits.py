"""SaaS usage limits (4 concurrent requests, requests per second) and injected faults."""

from __future__ import annotations

import asyncio

import aiohttp

from sandbox.runner import Sandbox

from .conftest import PRODUCTS


async def test_fifth_concurrent_request_gets_429_with_retry_after(
    http: aiohttp.ClientSession, sandbox: Sandbox
) -> None:
    # given every request takes a while inside the PIM
    sandbox.set_faults("akeneo", latency_ms=300)

    async def call() -> tuple[int, str | None, dict[str, object]]:
        async with http.get(PRODUCTS, params={"limit": "1"}) as response:
            return response.status, response.headers.get("Retry-After"), await response.json()

    # when eight arrive together
    results = await asyncio.gather(*(call() for _ in range(8)))

    # then four are served and the others are refused at once
    statuses = sorted(status for status, _, _ in results)
    assert statuses == [200] * 4 + [429] * 4
    refused = [r for r in results if r[0] == 429]
    assert all(retry == "1" for _, retry, _ in refused)
    assert all(body == {"code": 429, "message": "Too Many Requests"} for _, _, body in refused)
    stats = sandbox.emulators["akeneo"].control.stats()
    assert stats["requests"][f"GET {PRODUCTS}"] == 8


async def test_rate_limit_fault_allows_n_requests_per_second(
    http: aiohttp.ClientSession, sandbox: Sandbox
) -> None:
    sandbox.set_faults("akeneo", rate_limit=3)
    statuses = []
    for _ in range(5):
        async with http.get(PRODUCTS, params={"limit": "1"}) as response:
            statuses.append(response.status)
            if response.status == 429:
                assert int(response.headers["Retry-After"]) >= 1
    assert statuses == [200, 200, 200, 429, 429]


async def test_down_answers_akeneo_503_and_error_rate_500(
    http: aiohttp.ClientSession, sandbox: Sandbox
) -> None:
    sandbox.set_faults("akeneo", down=True)
    async with http.get(PRODUCTS) as response:
        assert response.status == 503
        assert await response.json() == {"code": 503, "message": "Service Unavailable"}
    sandbox.set_faults("akeneo", down=False, error_rate=1)
    async with http.get(PRODUCTS) as response:
        assert response.status == 500
        assert await response.json() == {"code": 500, "message": "Internal Server Error"}


async def test_rate_limit_true_means_the_documented_hundred_per_second(
    http: aiohttp.ClientSession, sandbox: Sandbox
) -> None:
    sandbox.set_faults("akeneo", rate_limit=True)
    loop = asyncio.get_running_loop()
    started = loop.time()
    statuses = []
    for _ in range(101):
        async with http.get("/api/rest/v1/channels") as response:
            statuses.append(response.status)
    elapsed = loop.time() - started
    assert statuses[:100] == [200] * 100
    if elapsed < 0.9:  # all 101 fell in one one-second window
        assert statuses[100] == 429
