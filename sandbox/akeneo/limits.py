"""Akeneo SaaS usage limits: 4 concurrent requests per connection, and (when asked) 100 requests a second.

The concurrency cap is always on (it is the documented SaaS rule): a request arriving while four are
in flight gets 429 with `Retry-After: 1` at once. The per-second rate is off unless the control API
sets `rate_limit` (`0` or `true` for Akeneo's documented 100 req/s, N for N req/s).

This middleware must be the outermost one, before the sandbox control's: injected latency and hangs
stand for the PIM's own processing time, so a slow request holds its slot while it waits.
"""

from __future__ import annotations

from aiohttp import web

from sandbox.control import CONTROL_PREFIX, SandboxControl
from sandbox.ratelimit import FixedWindow

from .errors import Handler, too_many_requests

CONCURRENT_REQUESTS = 4
"""In-flight requests allowed per connection on Akeneo SaaS."""
DOCUMENTED_RATE_PER_S = 100
"""Requests per second allowed per PIM instance."""
CONCURRENCY_RETRY_AFTER_S = 1


class RequestLimits:
    """Concurrency cap and optional rate limit of one emulated PIM."""

    def __init__(self, control: SandboxControl) -> None:
        self.control = control
        self.in_flight = 0
        self._window: FixedWindow | None = None
        control.on_reset(self.reset)

    def reset(self) -> None:
        self._window = None

    def _rate_window(self) -> FixedWindow | None:
        setting = self.control.faults.rate_limit
        if setting is None:
            return None
        limit = setting or DOCUMENTED_RATE_PER_S
        if self._window is None or self._window.limit != limit:
            self._window = FixedWindow(limit, 1.0)
        return self._window

    def _reject(self, request: web.Request, retry_after_s: int) -> web.Response:
        # Refused requests still count in the sandbox stats, as they reached the vendor.
        self.control.requests[f"{request.method} {request.path}"] += 1
        return too_many_requests(retry_after_s)

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith(CONTROL_PREFIX):
            return await handler(request)
        if self.in_flight >= CONCURRENT_REQUESTS:
            return self._reject(request, CONCURRENCY_RETRY_AFTER_S)
        window = self._rate_window()
        if window is not None:
            outcome = window.hit()
            if not outcome.allowed:
                return self._reject(request, outcome.retry_after_s)
        self.in_flight += 1
        try:
            return await handler(request)
        finally:
            self.in_flight -= 1


__all__ = ["CONCURRENT_REQUESTS", "DOCUMENTED_RATE_PER_S", "RequestLimits"]
