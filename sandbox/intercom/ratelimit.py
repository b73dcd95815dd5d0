"""Intercom's rate limit: private apps get 10,000 calls a minute, enforced per 10-second window.

Every response reports the window in `X-RateLimit-Limit`, `X-RateLimit-Remaining` and
`X-RateLimit-Reset` (UNIX seconds). With `control.faults.rate_limit` set, calls past the window get
Intercom's 429 `rate_limit_exceeded`.
"""

from __future__ import annotations

from aiohttp import web

from sandbox.control import SandboxControl
from sandbox.ratelimit import FixedWindow

from .errors import IntercomError

WINDOW_S = 10.0
LIMIT_PER_WINDOW = 1666
"""10,000 per minute in 10-second windows, the documented private-app limit."""


class RateLimiter:
    """Counts calls against the window and builds the headers and the 429."""

    def __init__(self, control: SandboxControl) -> None:
        self.control = control
        self.window = FixedWindow(LIMIT_PER_WINDOW, WINDOW_S)
        control.on_reset(self.window.reset)

    def hit(self) -> tuple[dict[str, str], web.Response | None]:
        configured = self.control.faults.rate_limit
        self.window.limit = configured or LIMIT_PER_WINDOW
        window = self.window.hit()
        headers = {
            "X-RateLimit-Limit": str(window.limit),
            "X-RateLimit-Remaining": str(window.remaining),
            "X-RateLimit-Reset": str(int(window.reset_at)),
        }
        if configured is None or window.allowed:
            return headers, None
        error = IntercomError(
            429, "rate_limit_exceeded", f"Exceeded rate limit of {window.limit} in 10_seconds"
        )
        return headers, error.response(headers)


__all__ = ["LIMIT_PER_WINDOW", "WINDOW_S", "RateLimiter"]
