"""Per-backend call counters in process: what `/readyz` and a metrics endpoint read.

Counting is a few integer additions per call, so it is always on. `MetricsRegistry.snapshot()` gives
plain data (JSON-ready) for every backend at once.
"""

from __future__ import annotations

import bisect
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Upper bounds (seconds) of the latency histogram, Prometheus-style; the last bucket is +Inf.
LATENCY_BUCKETS_S = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


@dataclass(slots=True)
class BackendMetrics:
    """Counters of one backend: calls, attempts, retries, failures by code, latency, in flight."""

    name: str
    calls: int = 0
    attempts: int = 0
    retries: int = 0
    successes: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    in_flight: int = 0
    waiting: int = 0
    latency_sum_s: float = 0.0
    # Counts per bucket of LATENCY_BUCKETS_S, plus one for slower calls (not cumulative).
    latency_counts: list[int] = field(default_factory=lambda: [0] * (len(LATENCY_BUCKETS_S) + 1))
    last_success_at: float | None = None
    last_failure_at: float | None = None
    last_error: str | None = None
    # Whether the last call that ended said the backend is healthy (None: no call yet).
    last_ok: bool | None = None
    breaker_state: str = "closed"
    breaker_opened: int = 0

    def observe_latency(self, seconds: float) -> None:
        """Count one call's duration."""
        self.latency_sum_s += seconds
        self.latency_counts[bisect.bisect_left(LATENCY_BUCKETS_S, seconds)] += 1

    def snapshot(self) -> dict[str, Any]:
        """Plain data for readiness and metrics endpoints."""
        return {
            "calls": self.calls,
            "attempts": self.attempts,
            "retries": self.retries,
            "successes": self.successes,
            "failures": dict(self.failures),
            "statuses": {str(status): count for status, count in sorted(self.statuses.items())},
            "in_flight": self.in_flight,
            "waiting": self.waiting,
            "latency": {
                "sum_s": self.latency_sum_s,
                "count": sum(self.latency_counts),
                "buckets": {
                    **{
                        str(bound): count
                        for bound, count in zip(LATENCY_BUCKETS_S, self.latency_counts, strict=False)
                    },
                    "+Inf": self.latency_counts[-1],
                },
            },
            "last_success_at": self.last_success_at,
            "last_failure_at": self.last_failure_at,
            "last_error": self.last_error,
            "last_ok": self.last_ok,
            "breaker": {"state": self.breaker_state, "opened": self.breaker_opened},
        }


class MetricsRegistry:
    """Every backend's metrics, by name; the app builds one and hands it to each client.

    ```python
    registry = MetricsRegistry()
    async with ShopifyStorefront(settings, metrics=registry) as shopify: ...
    registry.snapshot()  # {"shopify": {"calls": ..., "breaker": {"state": "closed", ...}, ...}}
    ```
    """

    def __init__(self, *, wall_clock: Callable[[], float] = time.time) -> None:
        self._backends: dict[str, BackendMetrics] = {}
        # Wall-clock time for "last success at": people read it, so it must be a date, not a counter.
        self.wall_clock = wall_clock

    def backend(self, name: str) -> BackendMetrics:
        """The metrics of backend `name`, created on first use."""
        metrics = self._backends.get(name)
        if metrics is None:
            metrics = self._backends[name] = BackendMetrics(name)
        return metrics

    def names(self) -> list[str]:
        """Backends with metrics, sorted."""
        return sorted(self._backends)

    def snapshot(self) -> dict[str, dict[str, Any]]:
        """Every backend's metrics as plain data."""
        return {name: self._backends[name].snapshot() for name in self.names()}


__all__ = ["LATENCY_BUCKETS_S", "BackendMetrics", "MetricsRegistry"]
