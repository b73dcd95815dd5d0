"""Fixed-window request counter the emulators use to answer 429 like their vendors do."""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass(slots=True)
class Window:
    """The outcome of one request against a window: allowed or not, and what the headers report."""

    allowed: bool
    limit: int
    remaining: int
    reset_at: float
    """Epoch seconds at which the window starts again."""

    @property
    def retry_after_s(self) -> int:
        return max(1, round(self.reset_at - time.time()))


class FixedWindow:
    """Allows `limit` requests per `window_s` seconds (HubSpot's 10-second window, Intercom's, Akeneo's second)."""

    def __init__(self, limit: int, window_s: float) -> None:
        self.limit = limit
        self.window_s = window_s
        self._start = 0.0
        self._count = 0

    def hit(self, now: float | None = None) -> Window:
        now = time.time() if now is None else now
        if now - self._start >= self.window_s:
            self._start = now
            self._count = 0
        self._count += 1
        allowed = self._count <= self.limit
        return Window(allowed, self.limit, max(0, self.limit - self._count), self._start + self.window_s)

    def reset(self) -> None:
        self._start = 0.0
        self._count = 0


__all__ = ["FixedWindow", "Window"]
