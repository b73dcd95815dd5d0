"""What a benchmark run measured: per scenario, per concurrency, the gateway and the floor side by side."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .control import Counts
from .latency import LatencySummary


@dataclass(frozen=True, slots=True)
class SideResult:
    """One closed-loop run against the gateway or the floor."""

    operations: int
    clean: int
    with_errors: int
    failed: int
    elapsed_s: float
    throughput: float
    """Operations per second."""
    latency: LatencySummary
    calls: Counts
    """Backend requests during the run, per vendor and `METHOD /path`."""
    calls_per_op: dict[str, float]
    client_cpu_ms_per_op: float
    """CPU of the load-driving process (which, for the floor, does the floor's work)."""
    sandbox_cpu_ms_per_op: float
    cores: dict[str, float]
    """CPU cores busy on average during the run: `client`, `sandbox` (all emulator processes),
    `sandbox_busiest` (the busiest one), `gateway`, and `other` (the rest of the machine: noise).
    An emulator process near 1.0 was the limit, not the gateway."""
    gateway_cpu_ms_per_op: float | None = None
    """CPU of the gateway's processes (None for the floor)."""
    gateway_rss_mb: float | None = None
    """Resident memory of the gateway's processes after the run (None for the floor)."""
    first_failure: str | None = None


@dataclass(frozen=True, slots=True)
class RunResult:
    """The gateway and the floor at one concurrency, measured one after the other."""

    concurrency: int
    gateway: SideResult
    floor: SideResult

    @property
    def ratio_p50(self) -> float | None:
        return _ratio(self.gateway.latency.p50_ms, self.floor.latency.p50_ms)

    @property
    def ratio_p99(self) -> float | None:
        return _ratio(self.gateway.latency.p99_ms, self.floor.latency.p99_ms)

    @property
    def overhead_p50_ms(self) -> float:
        return self.gateway.latency.p50_ms - self.floor.latency.p50_ms

    @property
    def overhead_p99_ms(self) -> float:
        return self.gateway.latency.p99_ms - self.floor.latency.p99_ms


def _ratio(value: float, floor: float) -> float | None:
    return value / floor if floor > 0 else None


@dataclass(slots=True)
class ScenarioResult:
    """Every run of one scenario, plus the check that the gateway and the floor fetched the same products."""

    name: str
    title: str
    cache: str
    faults: dict[str, dict[str, Any]]
    degraded: bool
    targets: int
    same_products: bool | None = None
    """Whether the gateway and the floor returned the same product handles for the first target."""
    runs: list[RunResult] = field(default_factory=list)

    def run_at(self, concurrency: int) -> RunResult | None:
        return next((run for run in self.runs if run.concurrency == concurrency), None)


__all__ = ["RunResult", "ScenarioResult", "SideResult"]
