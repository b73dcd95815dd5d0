"""`HeaderLimits` counts headers and their bytes, for plain requests and WebSocket handshakes."""

from __future__ import annotations

from starlette.types import Receive, Scope, Send

from gateway.edge.header_limits import HeaderLimits

from .conftest import exchange, serving, status_of

MAX_BYTES = 2048


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] == "websocket":
        await receive()  # websocket.connect
        await send({"type": "websocket.accept"})
        await send({"type": "websocket.close", "code": 1000})
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"connection", b"close")]})
    await send({"type": "http.response.body", "body": b"served"})


def request(filler_bytes: int, *extra: bytes) -> bytes:
    """A request whose header names and values add up to `filler_bytes` plus the extra ones'."""
    host = (b"Host", b"x")
    filler = (b"X-Filler", b"a" * (filler_bytes - sum(map(len, host)) - len(b"X-Filler")))
    lines = [b"GET / HTTP/1.1", *(b"%s: %s" % pair for pair in (host, filler)), *extra]
    return b"\r\n".join(lines) + b"\r\n\r\n"


async def test_header_bytes_up_to_the_limit_pass_and_one_more_is_refused() -> None:
    async with serving(HeaderLimits(app, max_count=10, max_bytes=MAX_BYTES)) as port:
        at_limit = await exchange(port, request(MAX_BYTES))
        over = await exchange(port, request(MAX_BYTES + 1))

    assert status_of(at_limit) == 200
    assert status_of(over) == 431
    assert b"connection: close" in over


WEBSOCKET_UPGRADE = (
    b"Upgrade: websocket",
    b"Connection: Upgrade",
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
    b"Sec-WebSocket-Version: 13",
)


async def test_a_websocket_handshake_with_too_many_headers_is_refused() -> None:
    async with serving(HeaderLimits(app, max_count=6, max_bytes=MAX_BYTES)) as port:
        accepted = await exchange(port, request(100, *WEBSOCKET_UPGRADE), head_only=True)
        refused = await exchange(port, request(100, *WEBSOCKET_UPGRADE, b"X-Seventh: v"), head_only=True)

    assert status_of(accepted) == 101
    assert status_of(refused) == 403
