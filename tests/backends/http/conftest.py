"""A loopback upstream whose answers each test scripts, and clients pointed at it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import BaseTestServer, TestServer

from gateway.backends.http.client import BackendClient
from gateway.backends.http.metrics import MetricsRegistry
from gateway.backends.http.settings import BackendSettings

Answer = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Hit:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    at: float


@dataclass
class Upstream:
    """Answers each request with the next scripted answer (the last one repeats) and logs it."""

    url: str = ""
    answers: list[Answer] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    release: asyncio.Event = field(default_factory=asyncio.Event)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)

    def script(self, *answers: Answer) -> None:
        self.answers = list(answers)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        answer = self.answers[min(len(self.hits), len(self.answers) - 1)]
        self.hits.append(
            Hit(
                request.method,
                request.path,
                request.query_string,
                dict(request.headers),
                await request.read(),
                asyncio.get_running_loop().time(),
            )
        )
        self.arrived.set()
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await answer(request)
        finally:
            self.in_flight -= 1

    async def wait_for_hits(self, count: int) -> None:
        """Return once the upstream has received `count` requests."""
        while len(self.hits) < count:
            self.arrived.clear()
            await self.arrived.wait()

    # -- answers ---------------------------------------------------------------------------------

    @staticmethod
    def json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Answer:
        async def answer(request: web.Request) -> web.StreamResponse:
            return web.json_response(data, status=status, headers=headers)

        return answer

    @staticmethod
    def raw(
        body: bytes,
        status: int = 200,
        content_type: str = "text/plain",
        headers: dict[str, str] | None = None,
    ) -> Answer:
        async def answer(request: web.Request) -> web.StreamResponse:
            return web.Response(body=body, status=status, content_type=content_type, headers=headers)

        return answer

    def hang(self) -> Answer:
        """Never answer until the test ends (the server is released at teardown)."""

        async def answer(request: web.Request) -> web.StreamResponse:
            await self.release.wait()
            return web.json_response({})

        return answer

    @staticmethod
    def slow(seconds: float, data: Any = None) -> Answer:
        async def answer(request: web.Request) -> web.StreamResponse:
            await asyncio.sleep(seconds)
            return web.json_response(data if data is not None else {"ok": True})

        return answer

    @staticmethod
    def disconnect() -> Answer:
        """Drop the connection without answering."""

        async def answer(request: web.Request) -> web.StreamResponse:
            assert request.transport is not None
            request.transport.close()
            return web.Response()

        return answer


@dataclass
class Sleeps:
    """An injected `sleep` that records what it was asked and does not wait."""

    calls: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        await asyncio.sleep(0)


class FakeClock:
    """A monotonic clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="module")
async def upstream_server() -> AsyncIterator[tuple[BaseTestServer, list[Upstream]]]:
    current: list[Upstream] = []

    async def route(request: web.Request) -> web.StreamResponse:
        return await current[-1].handle(request)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", route)
    async with TestServer(app, host="127.0.0.1") as server:
        yield server, current


@pytest.fixture
async def upstream(upstream_server: tuple[BaseTestServer, list[Upstream]]) -> AsyncIterator[Upstream]:
    server, current = upstream_server
    fresh = Upstream(url=str(server.make_url("")).rstrip("/"))
    fresh.script(Upstream.json({"ok": True}))
    current.append(fresh)
    yield fresh
    fresh.release.set()  # lets hanging handlers finish so the server can close
    await asyncio.sleep(0)


ClientFactory = Callable[..., Awaitable[BackendClient]]


@pytest.fixture
async def make_client(upstream: Upstream) -> AsyncIterator[ClientFactory]:
    """`await make_client(retries=1, ...)`: an open client to the upstream, closed after the test."""
    async with contextlib.AsyncExitStack() as stack:

        async def make(
            *,
            url: str | None = None,
            clock: Callable[[], float] | None = None,
            sleep: Callable[[float], Awaitable[None]] | None = None,
            jitter: Callable[[], float] | None = None,
            metrics: MetricsRegistry | None = None,
            client_class: type[BackendClient] = BackendClient,
            **overrides: Any,
        ) -> BackendClient:
            settings = BackendSettings(name="vendor", url=url or upstream.url, **overrides)
            options: dict[str, Any] = {"metrics": metrics}
            if clock is not None:
                options["clock"] = clock
            if sleep is not None:
                options["sleep"] = sleep
            if jitter is not None:
                options["jitter"] = jitter
            return await stack.enter_async_context(client_class(settings, **options))

        yield make
