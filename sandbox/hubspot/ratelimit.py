"""HubSpot's rate limits: the app's ten-second rolling window, the daily cap and the search limit.

Every non-search response reports the window in `X-HubSpot-RateLimit-*` headers, whether or not
emulation is on (HubSpot always sends them). With `control.faults.rate_limit` set, requests past
the window get HubSpot's 429 `TEN_SECONDLY_ROLLING` body, and searches past five per second get the
`SECONDLY` one; search responses never carry the headers.
"""

from __future__ import annotations

from aiohttp import web

from sandbox.control import SandboxControl
from sandbox.ratelimit import FixedWindow, Window

from .responses import correlation_id, json_response

WINDOW_S = 10.0
"""HubSpot's burst window (`X-HubSpot-RateLimit-Interval-Milliseconds: 10000`)."""
TEN_SECONDLY_LIMIT = 190
"""Requests per ten seconds for a Professional portal's private app (usage guidelines, 2026)."""
DAILY_LIMIT = 625_000
"""Requests per day for a Professional portal."""
SEARCH_PER_SECOND = 5
"""Search endpoints are throttled separately, per account."""


class RateLimiter:
    """Counts requests against HubSpot's windows and builds the headers and 429 bodies."""

    def __init__(self, control: SandboxControl, group: str) -> None:
        self.control = control
        self.group = group
        self.window = FixedWindow(TEN_SECONDLY_LIMIT, WINDOW_S)
        self.search = FixedWindow(SEARCH_PER_SECOND, 1.0)
        self.daily_used = 0
        control.on_reset(self.reset)

    def reset(self) -> None:
        self.window.reset()
        self.search.reset()
        self.daily_used = 0

    @property
    def enforcing(self) -> bool:
        return self.control.faults.rate_limit is not None

    def hit(self) -> tuple[Window, dict[str, str], web.Response | None]:
        """Count one API call; returns the window, its headers and a 429 when it must be refused."""
        configured = self.control.faults.rate_limit
        self.window.limit = configured or TEN_SECONDLY_LIMIT
        self.daily_used += 1
        window = self.window.hit()
        headers = {
            "X-HubSpot-RateLimit-Daily": str(DAILY_LIMIT),
            "X-HubSpot-RateLimit-Daily-Remaining": str(max(0, DAILY_LIMIT - self.daily_used)),
            "X-HubSpot-RateLimit-Interval-Milliseconds": str(int(WINDOW_S * 1000)),
            "X-HubSpot-RateLimit-Max": str(window.limit),
            "X-HubSpot-RateLimit-Remaining": str(window.remaining),
        }
        if not self.enforcing:
            return window, headers, None
        if self.daily_used > DAILY_LIMIT:
            return window, headers, self._refusal("daily", "DAILY", headers)
        if not window.allowed:
            return window, headers, self._refusal("ten_secondly_rolling", "TEN_SECONDLY_ROLLING", headers)
        return window, headers, None

    def hit_search(self) -> web.Response | None:
        if not self.enforcing or self.search.hit().allowed:
            return None
        return self._refusal("secondly", "SECONDLY", {})

    def _refusal(self, period: str, policy: str, headers: dict[str, str]) -> web.Response:
        correlation = correlation_id()
        body = {
            "status": "error",
            "message": f"You have reached your {period} limit.",
            "errorType": "RATE_LIMIT",
            "correlationId": correlation,
            "policyName": policy,
            "groupName": self.group,
        }
        return json_response(body, status=429, headers=headers, correlation=correlation)


__all__ = ["DAILY_LIMIT", "SEARCH_PER_SECOND", "TEN_SECONDLY_LIMIT", "WINDOW_S", "RateLimiter"]
