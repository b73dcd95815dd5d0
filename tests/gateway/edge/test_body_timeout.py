"""`BodyTimeout` times the wait for a request body, and only that."""

from __future__ import annotations

import asyncio
import logging

import pytest
from starlette.types import Receive, Scope, Send

from gateway.edge.body_timeout import BodyTimeout

from .conftest import exchange, serving, status_of

TIMEOUT_S = 0.2


async def reads_its_body_then_listens(scope: Scope, receive: Receive, send: Send) -> None:
    """Reads the whole body, then listens for a disconnect for three timeouts, as a stream would."""
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body", False):
            break
    try:
        async with asyncio.timeout(3 * TIMEOUT_S):
            told = (await receive())["type"]
    except TimeoutError:
        told = "nothing"
    answer = f"{len(body)} bytes, then {told}".encode()
    await send({"type": "http.response.start", "status": 200, "headers": [(b"connection", b"close")]})
    await send({"type": "http.response.body", "body": answer})


async def test_once_the_body_is_complete_nothing_is_timed() -> None:
    async with serving(BodyTimeout(reads_its_body_then_listens, timeout_s=TIMEOUT_S)) as port:
        response = await exchange(port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")

    assert status_of(response) == 200
    assert b"5 bytes, then nothing" in response


async def test_a_body_that_stops_arriving_is_answered_408_and_the_app_told_of_a_disconnect(
    caplog: pytest.LogCaptureFixture,
) -> None:
    told: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        while (message := await receive())["type"] == "http.request":
            pass
        told.append(message["type"])
        told.append((await receive())["type"])  # asked again, it is told at once
        raise RuntimeError("the app fails on the disconnect, as Starlette's ClientDisconnect does")

    async with serving(BodyTimeout(app, timeout_s=TIMEOUT_S)) as port:
        response = await exchange(port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhel")

    assert status_of(response) == 408
    assert b"connection: close" in response
    assert told == ["http.disconnect", "http.disconnect"]
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
