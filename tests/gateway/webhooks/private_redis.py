"""A Redis server of a test's own, on a free loopback port, whose ACL the test may change.

The shared server on 6379 serves every test at once; narrowing its default user's key patterns
would break them, so tests that need Redis to refuse some commands start their own.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import socket
from collections.abc import AsyncIterator

from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@contextlib.asynccontextmanager
async def private_redis() -> AsyncIterator[str]:
    """Run `redis-server` (no persistence) and yield its URL; the server stops on exit."""
    executable = shutil.which("redis-server")
    assert executable is not None, "redis-server is not installed (Debian: apt-get install redis-server)"
    port = _free_port()
    server = await asyncio.create_subprocess_exec(
        executable,
        "--bind", "127.0.0.1",
        "--port", str(port),
        "--save", "",
        "--appendonly", "no",
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    try:
        async with Redis.from_url(url) as client:
            for _ in range(250):
                with contextlib.suppress(RedisConnectionError):
                    if await client.ping():
                        break
                await asyncio.sleep(0.02)
            else:
                raise AssertionError(f"redis-server on port {port} did not start")
        yield url
    finally:
        server.terminate()
        await server.wait()


__all__ = ["private_redis"]
