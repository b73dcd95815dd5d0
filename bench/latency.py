"""Latency percentiles and their summary, computed from every measured request (no sampling)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(ordered: Sequence[float], q: float) -> float:
    """The `q`-th percentile (0-100) of sorted values, interpolating linearly between ranks.

    This is NumPy's default ("linear") method, so numbers compare with any tool built on it.
    """
    if not ordered:
        raise ValueError("no values")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is outside 0-100")
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True, slots=True)
class LatencySummary:
    """Latency of one measured run, in milliseconds."""

    count: int
    mean_ms: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float


def summarize(latencies_s: Sequence[float]) -> LatencySummary:
    """Summarize request latencies given in seconds; an empty run is all zeros."""
    if not latencies_s:
        return LatencySummary(0, 0.0, 0.0, 0.0, 0.0, 0.0)
    ordered = sorted(latencies_s)
    return LatencySummary(
        count=len(ordered),
        mean_ms=1000 * sum(ordered) / len(ordered),
        p50_ms=1000 * percentile(ordered, 50),
        p95_ms=1000 * percentile(ordered, 95),
        p99_ms=1000 * percentile(ordered, 99),
        max_ms=1000 * ordered[-1],
    )


__all__ = ["LatencySummary", "percentile", "summarize"]
