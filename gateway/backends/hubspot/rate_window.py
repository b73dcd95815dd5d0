"""HubSpot's rate-limit headers, honoured: no call is sent that the window would refuse.

Every HubSpot answer reports its ten-second window (`X-HubSpot-RateLimit-Remaining`,
`X-HubSpot-RateLimit-Interval-Milliseconds`). When an answer says nothing is left, the connector
refuses its own calls until the interval has passed, rather than spending them on 429s that count
against the daily cap and slow every other caller of the same private app.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

from gateway.backends.http.errors import BackendRateLimited

REMAINING_HEADER = "X-HubSpot-RateLimit-Remaining"
INTERVAL_HEADER = "X-HubSpot-RateLimit-Interval-Milliseconds"
DEFAULT_INTERVAL_S = 10.0
"""HubSpot's burst window, when an answer does not say."""


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


class RateWindow:
    """What the last answer said of HubSpot's window, and whether a call may go now."""

    def __init__(self, service: str, clock: Callable[[], float] = time.monotonic) -> None:
        self._service = service
        self._clock = clock
        self._closed_until = 0.0

    def admit(self, where: str) -> None:
        """Raises `BackendRateLimited` while the window the last answer reported is spent."""
        wait = self._closed_until - self._clock()
        if wait > 0:
            raise BackendRateLimited(
                self._service,
                f"{where}: HubSpot's rate-limit window is spent, not called",
                retry_after=round(wait, 3),
            )

    def note(self, headers: Mapping[str, str]) -> None:
        """Reads an answer's window: spent closes it for its interval, anything left opens it."""
        remaining = _number(headers.get(REMAINING_HEADER))
        if remaining is None:
            return  # search answers carry no window
        if remaining > 0:
            self._closed_until = 0.0
            return
        interval_ms = _number(headers.get(INTERVAL_HEADER))
        interval_s = interval_ms / 1000 if interval_ms is not None and interval_ms > 0 else DEFAULT_INTERVAL_S
        self._closed_until = self._clock() + interval_s


__all__ = ["INTERVAL_HEADER", "REMAINING_HEADER", "RateWindow"]
