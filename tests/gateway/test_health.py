"""`/readyz` over HTTP: ready while Shopify serves, whatever the optional backends do; checks are real
calls that never move the breakers of live traffic.

Every test runs a check round itself (`Readiness.check_all`) rather than waiting for the background one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from gateway.backends.http.breaker import BreakerState
from gateway.health import Readiness
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate
from tests.harness import Gateway, gateway_config, reset_sandbox, running_gateway, set_faults

OPTIONAL = ("odoo", "akeneo", "hubspot", "intercom")
PAGE = """query {
  products(first: 2) { nodes { title variants(first: 1) { nodes { availableForSale stock { available } } } } }
}"""


@pytest.fixture(scope="module")
async def own_sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(generate(20), SandboxSettings(port_base=0)) as running:
        yield running


@pytest.fixture
async def sandbox(own_sandbox: Sandbox) -> AsyncIterator[Sandbox]:
    await reset_sandbox(own_sandbox)
    yield own_sandbox
    await reset_sandbox(own_sandbox)


@pytest.fixture
async def gateway(sandbox: Sandbox) -> AsyncIterator[Gateway]:
    # One failure opens a breaker: a check round counted with the breakers would open them at once.
    backends = {name: {"breaker_failures": 1, "retries": 0} for name in ("shopify", *OPTIONAL)}
    async with running_gateway(gateway_config(sandbox, backends=backends)) as running:
        yield running


def readiness(gateway: Gateway) -> Readiness:
    current: Readiness = gateway.app.state.gateway.readiness
    return current


async def readyz(gateway: Gateway, query: str = "") -> tuple[int, dict[str, Any]]:
    async with gateway.http.get(f"{gateway.url}/readyz{query}") as response:
        assert response.headers["Cache-Control"] == "no-store"
        body: dict[str, Any] = await response.json()
        return response.status, body


async def test_every_backend_is_checked_and_reported(gateway: Gateway) -> None:
    await readiness(gateway).check_all()

    assert await readyz(gateway) == (200, {"status": "ready"})
    status, report = await readyz(gateway, "?verbose=1")
    assert status == 200
    assert set(report["backends"]) == {"shopify", *OPTIONAL}
    for name, backend in report["backends"].items():
        assert backend["ok"] is True, name
        assert backend["error"] is None
        assert backend["breaker"] == "closed"
        assert backend["ageSeconds"] >= 0
        assert backend["required"] is (name == "shopify")


async def test_odoo_down_leaves_the_process_ready_and_shows_odoo_failing(
    gateway: Gateway, sandbox: Sandbox
) -> None:
    await set_faults(sandbox, "odoo", down=True)
    await readiness(gateway).check_all()

    assert await readyz(gateway) == (200, {"status": "ready"})
    status, report = await readyz(gateway, "?verbose")
    assert status == 200
    odoo = report["backends"]["odoo"]
    assert odoo["ok"] is False
    assert "503" in odoo["error"]
    assert report["backends"]["shopify"]["ok"] is True
    # queries answer cleanly meanwhile, with stock covered for: the replica can serve
    body = await gateway.query(PAGE)
    assert body["data"]["products"]["nodes"]
    assert body["extensions"]["fallbacks"] == ["odoo"]


async def test_an_akeneo_outage_shows_within_one_round_though_its_structure_is_kept(
    gateway: Gateway, sandbox: Sandbox
) -> None:
    services = gateway.app.state.gateway.services
    await services.content.structure()  # what the PIM's check used to read, kept for an hour
    await set_faults(sandbox, "akeneo", down=True)

    await readiness(gateway).check_all()

    status, report = await readyz(gateway, "?verbose")
    assert status == 200
    assert report["backends"]["akeneo"]["ok"] is False
    assert "503" in report["backends"]["akeneo"]["error"]


async def test_shopify_down_is_not_ready_and_back_up_is_ready(gateway: Gateway, sandbox: Sandbox) -> None:
    await set_faults(sandbox, "shopify", down=True)
    await readiness(gateway).check_all()

    assert await readyz(gateway) == (503, {"status": "not ready"})
    status, report = await readyz(gateway, "?verbose")
    assert status == 503
    assert report["backends"]["shopify"]["ok"] is False
    assert report["backends"]["shopify"]["required"] is True

    await reset_sandbox(sandbox)
    await readiness(gateway).check_all()

    assert await readyz(gateway) == (200, {"status": "ready"})


async def test_failing_check_rounds_leave_the_live_breakers_closed_and_uncounted(
    gateway: Gateway, sandbox: Sandbox
) -> None:
    clients = gateway.app.state.gateway.running.clients
    attempts = {name: client.metrics.attempts for name, client in clients.items()}
    # The gateway is shared with other tests, whose live traffic may have tripped a breaker: what
    # must hold is that failing checks open none of those that were closed.
    closed = [name for name, client in clients.items() if client.breaker.state is BreakerState.CLOSED]
    assert len(closed) >= len(clients) - 1
    for name in clients:
        await set_faults(sandbox, name, down=True)

    for _ in range(3):
        await readiness(gateway).check_all()

    assert {name: clients[name].breaker.state for name in closed} == dict.fromkeys(
        closed, BreakerState.CLOSED
    )
    assert {name: client.metrics.attempts for name, client in clients.items()} == attempts
    _, report = await readyz(gateway, "?verbose")
    assert {name: (b["ok"], b["breaker"]) for name, b in report["backends"].items()} == dict.fromkeys(
        clients, (False, "closed")
    )


async def test_an_open_live_breaker_on_shopify_is_not_ready(gateway: Gateway, sandbox: Sandbox) -> None:
    await set_faults(sandbox, "shopify", down=True)
    await gateway.query(PAGE)  # one failed live call opens the breaker (breaker_failures: 1)
    await reset_sandbox(sandbox)

    await readiness(gateway).check_all()

    status, report = await readyz(gateway, "?verbose")
    assert status == 503
    assert report["backends"]["shopify"] | {"ageSeconds": 0} == {
        "required": True,
        "ok": True,
        "error": None,
        "ageSeconds": 0,
        "breaker": "open",
    }


async def test_the_report_quotes_no_address_and_no_secret(sandbox: Sandbox) -> None:
    token = sandbox.backends_config()["hubspot"]["token"]
    # nothing listens on port 9 of loopback: the connection is refused, and aiohttp's text names it
    config = gateway_config(sandbox, backends={"hubspot": {"url": "http://127.0.0.1:9"}})
    async with running_gateway(config) as gateway:
        _, report = await readyz(gateway, "?verbose")

    hubspot = report["backends"]["hubspot"]
    assert hubspot["ok"] is False
    assert "connection failed" in hubspot["error"]
    assert "127.0.0.1" not in hubspot["error"]
    assert ":9" not in hubspot["error"]
    assert token not in str(report)


@pytest.fixture
async def talkative_crm() -> AsyncIterator[str]:
    """A server at the CRM's address whose 503 names the machines behind it, as some proxies do."""

    async def down(request: web.Request) -> web.Response:
        message = "upstream 10.20.30.40:8080 and crm-db.internal:5432 unreachable from [fd00::1]:443"
        return web.json_response({"message": message}, status=503)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", down)
    async with TestServer(app, host="127.0.0.1") as server:
        yield str(server.make_url("")).rstrip("/")


async def test_a_vendor_message_keeps_its_words_but_not_its_addresses(
    sandbox: Sandbox, talkative_crm: str
) -> None:
    config = gateway_config(sandbox, backends={"hubspot": {"url": talkative_crm}})
    async with running_gateway(config) as gateway:
        _, report = await readyz(gateway, "?verbose")

    error = report["backends"]["hubspot"]["error"]
    assert "unreachable" in error
    for address in ("10.20.30.40", "8080", "crm-db.internal", "5432", "fd00::1", "443"):
        assert address not in error
