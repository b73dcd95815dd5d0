"""Refuse requests whose headers are too many or too large (431), before any routing or parsing.

uvicorn's parsers count neither: h11 only bounds the whole request head it buffers (a memory bound,
answered with a bare 400), and httptools bounds nothing. Each header costs the gateway per request
(CORS, negotiation, client identification read them), so their number and size are the edge's policy.

```python
app = HeaderLimits(app, max_count=100, max_bytes=32 * 1024)
```
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

REFUSAL = b"request header fields too large"


class HeaderLimits:
    """431 for a request with more than `max_count` headers or more than `max_bytes` of names and values."""

    def __init__(self, app: ASGIApp, *, max_count: int, max_bytes: int) -> None:
        self.app = app
        self.max_count = max_count
        self.max_bytes = max_bytes

    def within(self, headers: list[tuple[bytes, bytes]]) -> bool:
        if len(headers) > self.max_count:
            return False
        return sum(len(name) + len(value) for name, value in headers) <= self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or self.within(scope["headers"]):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            # Closing before the handshake is accepted makes the server refuse the upgrade (403).
            await send({"type": "websocket.close", "code": 1008})
            return
        await send(
            {
                "type": "http.response.start",
                "status": 431,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(REFUSAL)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": REFUSAL})


__all__ = ["HeaderLimits"]
