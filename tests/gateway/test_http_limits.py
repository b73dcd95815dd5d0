"""HTTP limits of `commerce-gateway serve`, over raw TCP: header count and size, a body that never comes.

One real gateway process serves the module, started as an operator starts it (a config file and the
`serve` command) in front of the session's sandbox; every test also reads its log for tracebacks.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
import yaml

from gateway.config import ServerSection
from sandbox.runner import Sandbox

COMMAND = str(Path(sys.executable).with_name("commerce-gateway"))
BODY_TIMEOUT_S = 0.5
WAIT_S = 30.0
"""How long a test waits on its socket at most: generous, since what is checked is what happens."""
DEFAULTS = ServerSection()


@dataclass
class Served:
    port: int
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
async def served(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Served]:
    workdir = tmp_path_factory.mktemp("http-limits")
    port = _free_port()
    config = workdir / "gateway.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "backends": sandbox.backends_config(),
                "server": {"host": "127.0.0.1", "port": port, "body_timeout_s": BODY_TIMEOUT_S},
                "cache": {"namespace": "test-http-limits"},
            }
        )
    )
    log = workdir / "gateway.log"
    with log.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            COMMAND, "serve", "--config", str(config), stdout=output, stderr=output
        )
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(600):
                assert process.returncode is None, log.read_text()
                with contextlib.suppress(aiohttp.ClientConnectionError):
                    async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                        if response.status == 200:
                            break
                await asyncio.sleep(0.1)
        yield Served(port, log)
    finally:
        process.terminate()
        await process.wait()


async def exchange(port: int, request: bytes) -> bytes:
    """Send `request` and read until the gateway closes the connection; a reset ends the read too."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    received = b""
    try:
        async with asyncio.timeout(WAIT_S):
            with contextlib.suppress(ConnectionResetError, BrokenPipeError):
                writer.write(request)
                await writer.drain()
                received = await reader.read()
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()
    return received


def request_head(*headers: bytes, method: bytes = b"GET", target: bytes = b"/healthz") -> bytes:
    lines = [method + b" " + target + b" HTTP/1.1", b"Host: 127.0.0.1", *headers]
    return b"\r\n".join(lines) + b"\r\n\r\n"


def status_of(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


def assert_no_traceback(served: Served) -> None:
    log = served.log_text()
    assert "Traceback" not in log, log
    assert "Exception in ASGI application" not in log, log


async def test_a_megabyte_header_is_refused_with_431(served: Served) -> None:
    response = await exchange(served.port, request_head(b"X-Big: " + b"a" * 1_000_000))

    assert status_of(response) == 431
    assert_no_traceback(served)


async def test_twenty_thousand_headers_are_refused_with_431(served: Served) -> None:
    headers = [b"X-Header-%d: v" % n for n in range(20_000)]

    response = await exchange(served.port, request_head(*headers))

    assert status_of(response) == 431
    assert_no_traceback(served)


async def test_the_header_count_limit_is_inclusive(served: Served) -> None:
    # Host and Connection are two of them
    at_limit = [b"Connection: close", *(b"X-Header-%d: v" % n for n in range(DEFAULTS.max_header_count - 2))]

    assert status_of(await exchange(served.port, request_head(*at_limit))) == 200
    assert status_of(await exchange(served.port, request_head(*at_limit, b"X-One-More: v"))) == 431


async def test_a_head_beyond_the_parser_bound_is_refused_cleanly(served: Served) -> None:
    # h11 checks its bound between two reads from the socket, so a head may pass it by one read
    head = request_head(b"X-Big: " + b"a" * (4 * DEFAULTS.max_request_head_bytes))

    response = await exchange(served.port, head)

    # h11 stops buffering: a bare 400 and the connection closed (or reset while the client is still
    # sending), never a 5xx
    assert response == b"" or status_of(response) == 400
    assert_no_traceback(served)


async def test_a_declared_body_never_sent_is_answered_408_and_the_connection_closed(served: Served) -> None:
    head = request_head(
        b"Content-Type: application/json", b"Content-Length: 100", method=b"POST", target=b"/graphql"
    )

    response = await exchange(served.port, head)  # returns once the gateway closes the connection

    assert status_of(response) == 408
    assert b"connection: close" in response.lower()
    assert_no_traceback(served)


async def test_a_request_with_its_body_is_served_as_usual(served: Served) -> None:
    body = b'{"query": "{ shop { name } }"}'
    head = request_head(
        b"Content-Type: application/json",
        b"Content-Length: %d" % len(body),
        b"Connection: close",
        method=b"POST",
        target=b"/graphql",
    )

    response = await exchange(served.port, head + body)

    assert status_of(response) == 200
    assert b'"shop"' in response
