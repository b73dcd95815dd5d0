"""The Akeneo emulator for the connector's tests, and tokens and content clients pointed at it or at a loopback.

The emulator runs once for the package over the world the recordings were made from. The loopback
upstream (the one the HTTP plumbing's tests script) replays recorded answers by route, since the
connector reads attributes and categories concurrently, and keeps every request it receives.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp import web

from gateway.backends.akeneo.client import AkeneoContent
from gateway.backends.akeneo.token import AkeneoToken
from gateway.backends.http.client import BackendClient
from gateway.backends.http.settings import BackendSettings
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate
from tests.backends.http.conftest import Answer, Upstream, upstream, upstream_server
from tests.harness import reset_sandbox

from .recordings import API, LOCALES, SCOPE, SIZE, TOKEN_PATH, load


@dataclass(frozen=True, slots=True)
class Credentials:
    client_id: str
    client_secret: str
    username: str
    password: str

    @classmethod
    def of(cls, sandbox: Sandbox) -> Credentials:
        config = sandbox.backends_config()["akeneo"]
        return cls(config["client_id"], config["client_secret"], config["username"], config["password"])


LOOPBACK_CREDENTIALS = Credentials("1_gateway", "connection-secret", "gateway_1234", "connection-password")
"""What the connector sends the loopback upstream, which checks nothing: tests check what it got."""


def recorded(name: str) -> Answer:
    saved = load(name)
    return Upstream.json(saved.body, status=saved.status)


def in_turn(*answers: Answer) -> Answer:
    """The next answer at each call, the last one repeating."""
    calls = 0

    async def answer(request: web.Request) -> web.StreamResponse:
        nonlocal calls
        calls += 1
        return await answers[min(calls, len(answers)) - 1](request)

    return answer


def by_route(routes: Mapping[str, Answer]) -> Answer:
    """An answer per path; `path?page=N` keys serve the pages of a paginated list."""

    async def answer(request: web.Request) -> web.StreamResponse:
        paged = f"{request.path}?page={request.query['page']}" if "page" in request.query else None
        route = routes.get(paged) if paged else None
        return await (route or routes[request.path])(request)

    return answer


def pim(
    *,
    token: Answer | None = None,
    attributes: Answer | None = None,
    products: Answer | None = None,
    routes: Mapping[str, Answer] | None = None,
) -> Answer:
    """A PIM answering each route the connector uses with its recording, unless told otherwise."""
    return by_route(
        {
            TOKEN_PATH: token or recorded("token"),
            f"{API}/attributes": attributes or recorded("attributes"),
            f"{API}/categories": recorded("categories"),
            f"{API}/products-uuid": products or recorded("products"),
            **(routes or {}),
        }
    )


@pytest.fixture(scope="package")
async def akeneo_sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(generate(SIZE), SandboxSettings(port_base=0, vendors=("akeneo",))) as sandbox:
        yield sandbox


@pytest.fixture
async def emulator(akeneo_sandbox: Sandbox) -> AsyncIterator[Sandbox]:
    """The emulator with its request counters and faults reset before and after the test."""
    await reset_sandbox(akeneo_sandbox)
    yield akeneo_sandbox
    await reset_sandbox(akeneo_sandbox)


ClientFactory = Callable[..., Awaitable[BackendClient]]
TokenFactory = Callable[..., Awaitable[AkeneoToken]]
ContentFactory = Callable[..., Awaitable[AkeneoContent]]


@pytest.fixture
async def make_client() -> AsyncIterator[ClientFactory]:
    """`await make_client(url, retries=...)`: an open Akeneo client, closed after the test.

    Retries are off unless asked for: how often a call is retried is the HTTP plumbing's business
    (tested there); here every request the connector makes is one the vendor sees.
    """
    async with contextlib.AsyncExitStack() as stack:

        async def make(url: str, **overrides: Any) -> BackendClient:
            settings = BackendSettings(
                name="akeneo", url=url, **{"retries": 0, "max_concurrency": 4, **overrides}
            )
            return await stack.enter_async_context(BackendClient(settings))

        yield make


@pytest.fixture
def make_token(make_client: ClientFactory) -> TokenFactory:
    """`await make_token(url, credentials, clock=...)`: a token source for a PIM."""

    async def make(
        url: str,
        credentials: Credentials = LOOPBACK_CREDENTIALS,
        *,
        clock: Callable[[], float] | None = None,
        **settings: Any,
    ) -> AkeneoToken:
        options = {"clock": clock} if clock is not None else {}
        return AkeneoToken(
            await make_client(url, **settings),
            client_id=credentials.client_id,
            client_secret=credentials.client_secret,
            username=credentials.username,
            password=credentials.password,
            **options,
        )

    return make


@pytest.fixture
def make_content(make_token: TokenFactory) -> ContentFactory:
    """`await make_content(url, credentials, scope=..., locales=...)`: the connector, token included."""

    async def make(
        url: str,
        credentials: Credentials = LOOPBACK_CREDENTIALS,
        *,
        scope: str = SCOPE,
        locales: tuple[str, ...] = LOCALES,
    ) -> AkeneoContent:
        token = await make_token(url, credentials)
        return AkeneoContent(token.client, token, scope=scope, locales=locales)

    return make


@pytest.fixture
async def content(emulator: Sandbox, make_content: ContentFactory) -> AkeneoContent:
    """The connector in front of the emulator, as the gateway configures it."""
    return await make_content(emulator.urls["akeneo"], Credentials.of(emulator))


__all__ = [
    "LOOPBACK_CREDENTIALS",
    "ClientFactory",
    "ContentFactory",
    "Credentials",
    "TokenFactory",
    "by_route",
    "in_turn",
    "pim",
    "recorded",
    "upstream",
    "upstream_server",
]
