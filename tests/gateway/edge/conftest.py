"""A small ASGI app behind one edge middleware, served by uvicorn on loopback, and raw exchanges with it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import uvicorn
from starlette.types import ASGIApp

WAIT_S = 30.0
"""How long a test waits on its socket at most: generous, since what is checked is what happens."""


@contextlib.asynccontextmanager
async def serving(app: ASGIApp) -> AsyncIterator[int]:
    """Serve `app` with h11 (the gateway's parser) on a free loopback port; yields the port."""
    server = uvicorn.Server(
        # log_config=None: uvicorn's records reach the root logger, so `caplog` sees them
        uvicorn.Config(app, host="127.0.0.1", port=0, http="h11", lifespan="off", log_config=None)
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield server.servers[0].sockets[0].getsockname()[1]
    finally:
        server.should_exit = True
        await task


async def exchange(port: int, request: bytes, *, head_only: bool = False) -> bytes:
    """Send `request` and read until the server closes the connection, or to the response head's end."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        async with asyncio.timeout(WAIT_S):
            writer.write(request)
            await writer.drain()
            return await (reader.readuntil(b"\r\n\r\n") if head_only else reader.read())
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()


def status_of(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


__all__ = ["WAIT_S", "exchange", "serving", "status_of"]
