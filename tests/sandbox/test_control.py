from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import BaseTestServer, TestServer

from sandbox.control import Faults, SandboxControl


def vendor_503(request: web.Request) -> web.Response:
    return web.json_response({"message": "vendor is down"}, status=503)


def vendor_500(request: web.Request) -> web.Response:
    return web.json_response({"message": "vendor failed"}, status=500)


@pytest.fixture
async def server() -> AsyncIterator[BaseTestServer]:
    control = SandboxControl("demo", unavailable=vendor_503, server_error=vendor_500)
    app = web.Application(middlewares=[control.middleware])
    control.add_routes(app)

    async def hello(request: web.Request) -> web.Response:
        return web.json_response({"hello": request.match_info["name"]})

    app.router.add_get("/api/hello/{name}", hello)
    async with TestServer(app, host="127.0.0.1") as test_server:
        yield test_server


async def test_counts_api_requests_by_method_and_path(server: BaseTestServer) -> None:
    async with aiohttp.ClientSession(str(server.make_url(""))) as http:
        for name in ("a", "a", "b"):
            async with http.get(f"/api/hello/{name}") as response:
                assert response.status == 200
        async with http.get("/__sandbox/stats") as response:
            stats = await response.json()
        assert stats == {"total": 3, "requests": {"GET /api/hello/a": 2, "GET /api/hello/b": 1}}

        async with http.post("/__sandbox/reset") as response:
            assert response.status == 200
        async with http.get("/__sandbox/stats") as response:
            assert await response.json() == {"total": 0, "requests": {}}


async def test_down_and_error_rate_answer_with_the_vendor_body(server: BaseTestServer) -> None:
    async with aiohttp.ClientSession(str(server.make_url(""))) as http:
        async with http.post("/__sandbox/faults", json={"down": True}) as response:
            assert (await response.json())["down"] is True
        async with http.get("/api/hello/x") as response:
            assert response.status == 503
            assert await response.json() == {"message": "vendor is down"}

        async with http.post("/__sandbox/faults", json={"down": False, "error_rate": 1}):
            pass
        async with http.get("/api/hello/x") as response:
            assert response.status == 500
            assert await response.json() == {"message": "vendor failed"}

        await http.post("/__sandbox/reset")
        async with http.get("/api/hello/x") as response:
            assert response.status == 200


async def test_latency_and_hang(server: BaseTestServer) -> None:
    async with aiohttp.ClientSession(str(server.make_url(""))) as http:
        await http.post("/__sandbox/faults", json={"latency_ms": 80})
        loop = asyncio.get_running_loop()
        started = loop.time()
        async with http.get("/api/hello/x") as response:
            assert response.status == 200
        assert loop.time() - started >= 0.075

        await http.post("/__sandbox/faults", json={"latency_ms": 0, "hang": True})
        with pytest.raises(TimeoutError):
            async with http.get("/api/hello/x", timeout=aiohttp.ClientTimeout(total=0.2)):
                pass
        await http.post("/__sandbox/reset")
        async with http.get("/api/hello/x") as response:
            assert response.status == 200


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"latency": 3}, "unknown fault(s): latency"),
        ({"error_rate": 2}, "error_rate must be between 0 and 1"),
        ({"down": "yes"}, "down must be true or false"),
        ({"rate_limit": -1}, "rate_limit must be null, true or a positive integer"),
        ([1, 2], "faults must be a JSON object"),
    ],
)
async def test_bad_faults_are_refused_and_change_nothing(
    server: BaseTestServer, payload: object, message: str
) -> None:
    async with aiohttp.ClientSession(str(server.make_url(""))) as http:
        async with http.post("/__sandbox/faults", json=payload) as response:
            assert response.status == 400
            assert message in (await response.json())["error"]
        async with http.post("/__sandbox/faults", data=b"{not json") as response:
            assert response.status == 400
        async with http.get("/__sandbox/faults") as response:
            assert Faults(**await response.json()) == Faults()
