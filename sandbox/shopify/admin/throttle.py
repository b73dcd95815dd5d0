"""The Admin API's leaky bucket of query cost points, per app and store.

A request takes its requested cost from the bucket before running and gets back what it did not
use; the bucket refills at `restore_rate` points a second up to `maximum`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

MAXIMUM = 2000.0
"""Points in a full bucket (Standard plan)."""
RESTORE_RATE = 100.0
"""Points restored per second (Standard plan)."""


class LeakyBucket:
    """Cost points available to one app on one store."""

    def __init__(
        self,
        maximum: float = MAXIMUM,
        restore_rate: float = RESTORE_RATE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.maximum = maximum
        self.restore_rate = restore_rate
        self._clock = clock
        self._level = maximum
        self._at = clock()

    def available(self) -> float:
        now = self._clock()
        self._level = min(self.maximum, self._level + (now - self._at) * self.restore_rate)
        self._at = now
        return self._level

    def take(self, points: float) -> bool:
        """Take `points` if the bucket holds them; False (taking nothing) otherwise."""
        if self.available() < points:
            return False
        self._level -= points
        return True

    def give(self, points: float) -> None:
        self._level = min(self.maximum, self.available() + points)

    def status(self) -> dict[str, float | int]:
        return {
            "maximumAvailable": float(self.maximum),
            "currentlyAvailable": int(self.available()),
            "restoreRate": float(self.restore_rate),
        }


__all__ = ["MAXIMUM", "RESTORE_RATE", "LeakyBucket"]
