"""Answer 408 when a request body stops arriving, instead of holding the connection forever.

uvicorn bounds the wait for a request (keep-alive) but not the wait inside one: a client that
declares a body and never sends it keeps a connection and a task until it goes away. Each wait for
the next part of the body is bounded (as nginx's `client_body_timeout` is, between two reads); on
expiry the client gets a 408 with `Connection: close`, and the app is told the client disconnected,
which is the end ASGI gives a request whose body will not come. Once the body is complete, nothing
is timed: a long response that listens for the client's disconnect is left alone.

```python
app = BodyTimeout(app, timeout_s=10.0)
```
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Message, Receive, Scope, Send

REFUSAL = b"request body timed out"


class BodyTimeout:
    """408 for a request whose body goes `timeout_s` without a part arriving."""

    def __init__(self, app: ASGIApp, *, timeout_s: float) -> None:
        self.app = app
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body_done = False
        response_started = False
        timed_out = False

        async def timed_receive() -> Message:
            nonlocal body_done, timed_out
            if timed_out:
                return {"type": "http.disconnect"}
            if body_done:
                return await receive()
            try:
                async with asyncio.timeout(self.timeout_s):
                    message = await receive()
            except TimeoutError:
                timed_out = True
                if not response_started:
                    await _refuse(send)
                return {"type": "http.disconnect"}
            body_done = message["type"] != "http.request" or not message.get("more_body", False)
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal response_started
            if timed_out:
                return  # the connection is closing; the 408 (or a response cut short) was the answer
            response_started = response_started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, timed_receive, guarded_send)
        except Exception:
            if not timed_out:
                raise
            # The app failed on the disconnect it was told of (Starlette raises ClientDisconnect):
            # the request is over and answered, so that is no error of the app's.


async def _refuse(send: Send) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 408,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(REFUSAL)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": REFUSAL})


__all__ = ["BodyTimeout"]
