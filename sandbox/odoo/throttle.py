"""Request throttling when the sandbox control turns rate limiting on.

Odoo itself has no API rate limit; Odoo.sh and Odoo Online throttle abusive clients at their
front proxies with `429 Too Many Requests`. The emulator models that: `rate_limit` N allows N
requests per second (on every API path), and answers the rest with werkzeug's 429 in the JSON-2
error shape plus a `Retry-After` header.
"""

from __future__ import annotations

from aiohttp import web

from sandbox.control import CONTROL_PREFIX, Handler, SandboxControl
from sandbox.ratelimit import FixedWindow

from .responses import too_many_requests

WINDOW_S = 1.0
"""Odoo.sh-style throttling counts requests per second."""
DEFAULT_PER_SECOND = 25
"""`rate_limit: true` (0): no published Odoo figure exists, so a conservative per-second budget."""


class Throttle:
    """An aiohttp middleware enforcing `control.faults.rate_limit` requests per second."""

    def __init__(self, control: SandboxControl) -> None:
        self.control = control
        self._window: FixedWindow | None = None
        control.on_reset(self.reset)

    def reset(self) -> None:
        self._window = None

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        limit = self.control.faults.rate_limit
        if limit is None or request.path.startswith(CONTROL_PREFIX):
            return await handler(request)
        limit = limit or DEFAULT_PER_SECOND
        if self._window is None or self._window.limit != limit:
            self._window = FixedWindow(limit, WINDOW_S)
        window = self._window.hit()
        if not window.allowed:
            return too_many_requests(window.retry_after_s)
        return await handler(request)


__all__ = ["DEFAULT_PER_SECOND", "WINDOW_S", "Throttle"]
