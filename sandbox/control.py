"""The control API every emulator shares: injected faults, request counters and reset.

`POST /__sandbox/faults` sets any subset of `latency_ms`, `jitter_ms`, `error_rate`, `hang`,
`rate_limit` and `down`; `GET /__sandbox/stats` counts API requests by `METHOD /path` since the last
`POST /__sandbox/reset`, which also clears the faults and releases hung requests. Faults are applied
in an aiohttp middleware before the vendor's handler runs, so every endpoint honours them and the
vendor code never has to.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, fields
from typing import Any

from aiohttp import web

from .webhooks import WebhookEmitter

CONTROL_PREFIX = "/__sandbox/"

ResponseFactory = Callable[[web.Request], web.StreamResponse]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(slots=True)
class Faults:
    """Faults applied to every API request of one emulator."""

    latency_ms: float = 0.0
    """Added to every response."""
    jitter_ms: float = 0.0
    """Uniformly random extra latency on top of `latency_ms`."""
    error_rate: float = 0.0
    """Share of requests (0 to 1) answered with the vendor's 500 body."""
    hang: bool = False
    """Never answer (until reset)."""
    rate_limit: int | None = None
    """Requests allowed per vendor rate-limit window; `None` turns the vendor's own limit emulation off."""
    down: bool = False
    """Answer every request with the vendor's 503 body."""

    @classmethod
    def parse(cls, payload: object, base: Faults | None = None) -> Faults:
        """Merge a JSON object into `base`, rejecting unknown keys and wrong types with `ValueError`."""
        if not isinstance(payload, dict):
            raise ValueError("faults must be a JSON object")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(payload) - known)
        if unknown:
            raise ValueError(f"unknown fault(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        values = asdict(base or cls())
        for key, value in payload.items():
            values[key] = _check(key, value)
        return cls(**values)


def _check(key: str, value: Any) -> Any:
    if key in ("hang", "down"):
        if not isinstance(value, bool):
            raise ValueError(f"{key} must be true or false")
        return value
    if key == "rate_limit":
        if value is None or value is False:
            return None
        if value is True:
            return 0  # 0 means "the vendor's documented limit"
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError("rate_limit must be null, true or a positive integer")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError(f"{key} must be a non-negative number")
    if key == "error_rate" and value > 1:
        raise ValueError("error_rate must be between 0 and 1")
    return float(value)


class SandboxControl:
    """Faults, counters and webhook target of one emulator, installed on its aiohttp app.

    ```python
    control = SandboxControl("odoo", unavailable=odoo_503, server_error=odoo_500)
    app = web.Application(middlewares=[control.middleware])
    control.add_routes(app)
    ```
    """

    def __init__(
        self,
        vendor: str,
        *,
        unavailable: ResponseFactory,
        server_error: ResponseFactory,
        faults: Faults | None = None,
        seed: int = 0,
    ) -> None:
        self.vendor = vendor
        self.faults = faults or Faults()
        self.initial_faults = self.faults
        self.requests: Counter[str] = Counter()
        self.webhooks = WebhookEmitter(vendor)
        self._unavailable = unavailable
        self._server_error = server_error
        self._rng = random.Random(seed)
        self._release = asyncio.Event()
        self._reset_listeners: list[Callable[[], None]] = []

    def on_reset(self, listener: Callable[[], None]) -> None:
        """Call `listener` on every reset, for vendor state that lives with the faults (rate windows)."""
        self._reset_listeners.append(listener)

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith(CONTROL_PREFIX):
            return await handler(request)
        self.requests[f"{request.method} {request.path}"] += 1
        faults = self.faults
        if faults.hang:
            release = self._release
            await release.wait()
            return self._unavailable(request)
        delay = faults.latency_ms + (self._rng.uniform(0, faults.jitter_ms) if faults.jitter_ms else 0.0)
        if delay:
            await asyncio.sleep(delay / 1000)
        if faults.down:
            return self._unavailable(request)
        if faults.error_rate and self._rng.random() < faults.error_rate:
            return self._server_error(request)
        return await handler(request)

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post(CONTROL_PREFIX + "faults", self._set_faults)
        app.router.add_get(CONTROL_PREFIX + "faults", self._get_faults)
        app.router.add_get(CONTROL_PREFIX + "stats", self._stats)
        app.router.add_post(CONTROL_PREFIX + "reset", self._reset)
        app.router.add_post(CONTROL_PREFIX + "webhooks", self._set_webhooks)
        app.router.add_get(CONTROL_PREFIX + "webhooks", self._webhook_log)
        app.on_cleanup.append(self._cleanup)

    def reset(self) -> None:
        self.faults = Faults()
        self.requests.clear()
        self._release.set()
        self._release = asyncio.Event()
        for listener in self._reset_listeners:
            listener()

    def stats(self) -> dict[str, Any]:
        return {"total": sum(self.requests.values()), "requests": dict(sorted(self.requests.items()))}

    async def _set_faults(self, request: web.Request) -> web.Response:
        try:
            self.faults = Faults.parse(await request.json(), self.faults)
        except ValueError as exc:  # json.JSONDecodeError is a ValueError too
            return web.json_response({"error": str(exc)}, status=400)
        if not self.faults.hang:
            self._release.set()
            self._release = asyncio.Event()
        return web.json_response(asdict(self.faults))

    async def _get_faults(self, request: web.Request) -> web.Response:
        return web.json_response(asdict(self.faults))

    async def _stats(self, request: web.Request) -> web.Response:
        return web.json_response(self.stats())

    async def _reset(self, request: web.Request) -> web.Response:
        self.reset()
        return web.json_response({"reset": True})

    async def _set_webhooks(self, request: web.Request) -> web.Response:
        try:
            payload = await request.json()
            url = payload["url"] if isinstance(payload, dict) else None
            if url is not None and not (isinstance(url, str) and url.startswith(("http://", "https://"))):
                raise ValueError("url must be an http(s) URL or null")
        except (ValueError, KeyError) as exc:
            return web.json_response(
                {"error": f'expected {{"url": <http(s) URL or null>}}: {exc}'}, status=400
            )
        self.webhooks.url = url
        return web.json_response({"url": url})

    async def _webhook_log(self, request: web.Request) -> web.Response:
        await self.webhooks.drain()
        return web.json_response({"url": self.webhooks.url, "deliveries": self.webhooks.log()})

    async def _cleanup(self, app: web.Application) -> None:
        self._release.set()
        await self.webhooks.close()


__all__ = ["CONTROL_PREFIX", "Faults", "SandboxControl"]
