"""Delivers an emulator's signed webhooks to the configured URL, in the background, with retries.

Each vendor builds its own payload and signs it with its own scheme; this module only moves bytes.
Signing happens per delivery through a callback because HubSpot's v3 signature covers the target URL
and the delivery timestamp, not just the body.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass

import aiohttp

log = logging.getLogger("sandbox.webhooks")

Signer = Callable[[str, bytes], Mapping[str, str]]
"""Builds the delivery headers (signature included) for a target URL and raw body."""

ATTEMPTS = 3
"""Deliveries are retried like the vendors do, just faster: three tries, 0.2 s then 0.4 s apart."""
BACKOFF_S = 0.2
DELIVERY_TIMEOUT_S = 5.0
"""Vendors give up on a delivery after about five seconds."""


@dataclass(slots=True)
class Delivery:
    """One webhook delivery as the sandbox saw it, for `GET /__sandbox/webhooks`."""

    topic: str
    url: str
    status: int | None
    attempts: int
    error: str | None
    at: float


class WebhookEmitter:
    """Signs and posts webhook payloads to `url`, keeping a log of the last deliveries."""

    def __init__(self, vendor: str, url: str | None = None) -> None:
        self.vendor = vendor
        self.url = url
        self._session: aiohttp.ClientSession | None = None
        self._pending: set[asyncio.Task[None]] = set()
        self._log: deque[Delivery] = deque(maxlen=200)

    def emit(self, topic: str, body: bytes, sign: Signer, *, url: str | None = None) -> bool:
        """Queue one delivery; returns False when no target URL is configured."""
        target = url or self.url
        if not target:
            return False
        task = asyncio.get_running_loop().create_task(self._deliver(topic, target, body, sign))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)
        return True

    async def _deliver(self, topic: str, url: str, body: bytes, sign: Signer) -> None:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=DELIVERY_TIMEOUT_S))
        status: int | None = None
        error: str | None = None
        attempt = 0
        for attempt in range(1, ATTEMPTS + 1):
            headers = {"Content-Type": "application/json", **sign(url, body)}
            try:
                async with self._session.post(url, data=body, headers=headers) as response:
                    status = response.status
                    error = None
                    if status < 500 and status != 429:
                        break
            except (aiohttp.ClientError, TimeoutError) as exc:
                status, error = None, f"{type(exc).__name__}: {exc}"
            await asyncio.sleep(BACKOFF_S * 2 ** (attempt - 1))
        if status is None or status >= 300:
            log.warning("%s webhook %s to %s failed: %s", self.vendor, topic, url, error or status)
        self._log.append(Delivery(topic, url, status, attempt, error, time.time()))

    async def drain(self) -> None:
        """Wait until every queued delivery has finished (tests and shutdown)."""
        while self._pending:
            await asyncio.gather(*list(self._pending), return_exceptions=True)

    def log(self) -> list[dict[str, object]]:
        return [asdict(d) for d in self._log]

    async def close(self) -> None:
        for task in list(self._pending):
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(*list(self._pending), return_exceptions=True)
        if self._session is not None:
            await self._session.close()
            self._session = None


__all__ = ["Delivery", "Signer", "WebhookEmitter"]
