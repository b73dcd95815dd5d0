"""`commerce-gateway demo` as a new user runs it: it starts, it serves the sample query, a taken port is named."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from gateway.demo import SAMPLE_QUERY
from tests.demo_process import running_demo

COMMAND = [str(Path(sys.executable).with_name("commerce-gateway")), "demo", "--size", "30", "--no-activity"]


def _free_port_block(size: int) -> int:
    """A first port P such that P..P+size-1 are all free now."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base: int = probe.getsockname()[1]
        if base + size < 65535 and all(_is_free(base + offset) for offset in range(size)):
            return base
    raise RuntimeError("no block of free ports")


def _is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@pytest.fixture
def taken() -> Iterator[socket.socket]:
    """A port some other process listens on."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", _free_port_block(1)))
        holder.listen()
        yield holder


def test_a_taken_gateway_port_is_named(taken: socket.socket) -> None:
    port = taken.getsockname()[1]
    base = _free_port_block(5)
    result = subprocess.run(  # noqa: S603 - the venv's own command
        [*COMMAND, "--port", str(port), "--port-base", str(base)], capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"commerce-gateway demo: port {port} on 127.0.0.1, for the gateway, is already in use; "
        "choose another with --port"
    )


def test_a_taken_emulator_port_is_named(taken: socket.socket) -> None:
    odoo = taken.getsockname()[1]
    gateway = _free_port_block(1)
    result = subprocess.run(  # noqa: S603 - the venv's own command
        [*COMMAND, "--port", str(gateway), "--port-base", str(odoo - 1)],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 2
    assert f"port {odoo} on 127.0.0.1, for the odoo emulator, is already in use" in result.stderr
    assert "--port-base" in result.stderr
    assert "Traceback" not in result.stderr


async def test_the_demo_serves_the_sample_query_and_graphiql_opens_on_it() -> None:
    port, base = _free_port_block(1), _free_port_block(5)
    demo = await asyncio.create_subprocess_exec(
        *COMMAND, "--port", str(port), "--port-base", str(base), stdout=asyncio.subprocess.PIPE
    )
    try:
        async with aiohttp.ClientSession() as http:
            url = f"http://127.0.0.1:{port}/graphql"
            for _ in range(300):
                try:
                    async with http.get(f"http://127.0.0.1:{port}/readyz") as ready:
                        if ready.status == 200:
                            break
                except aiohttp.ClientConnectionError:
                    pass
                await asyncio.sleep(0.1)
            async with http.post(url, json={"query": SAMPLE_QUERY}) as response:
                body = await response.json()
            async with http.get(url, headers={"Accept": "text/html"}) as page:
                html = await page.text()
    finally:
        demo.terminate()
        out, _ = await demo.communicate()

    assert "errors" not in body, body
    products = body["data"]["collection"]["products"]["nodes"]
    assert products
    assert all(product["content"]["name"] for product in products)
    assert "query Listing @inContext(country: FR, language: FR)" in html
    assert f"Gateway: http://127.0.0.1:{port}/graphql" in out.decode()


def test_the_demo_prints_a_client_of_each_kind_whose_key_works() -> None:
    with running_demo(size=10) as demo:
        assert set(demo.clients) == {"storefront", "chat-widget", "hydrogen-server", "support-desk"}
        assert {c["kind"] for c in demo.clients.values()} == {"storefront", "widget", "server", "staff"}
        storefront = demo.clients["storefront"]
        assert storefront["header"] == "X-Shopify-Storefront-Access-Token"
        assert storefront["key"].startswith("gwpub_")
        assert demo.clients["support-desk"]["key"].startswith("gwprv_")

        shop = demo.post("/graphql", "{ shop { name } }", headers={storefront["header"]: storefront["key"]})
        staff = demo.post(
            "/graphql",
            "{ shop { name } }",
            headers={"Authorization": f"Bearer {demo.clients['support-desk']['key']}"},
        )

    assert shop["data"]["shop"]["name"]
    assert staff["data"]["shop"]["name"] == shop["data"]["shop"]["name"]
