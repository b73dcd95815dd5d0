"""Hand-made measurements for the report tests: only the fields a test is about differ from defaults."""

from __future__ import annotations

from typing import Any

from bench.latency import LatencySummary
from bench.measurements import RunResult, ScenarioResult, SideResult


def side(
    *,
    p50: float = 50.0,
    p99: float = 80.0,
    ops: int = 100,
    throughput: float = 10.0,
    calls: dict[str, float] | None = None,
    gateway: bool = True,
    sandbox_cores: float = 0.3,
    errors: int = 0,
) -> SideResult:
    per_op = calls if calls is not None else {"shopify": 1.0, "akeneo": 1.0, "odoo": 1.0}
    return SideResult(
        operations=ops,
        clean=ops - errors,
        with_errors=errors,
        failed=0,
        elapsed_s=ops / throughput,
        throughput=throughput,
        latency=LatencySummary(ops, p50, p50, (p50 + p99) / 2, p99, p99 + 10),
        calls={vendor: {"POST /x": round(n * ops)} for vendor, n in per_op.items()},
        calls_per_op=per_op,
        client_cpu_ms_per_op=0.5,
        sandbox_cpu_ms_per_op=3.0,
        cores={
            "client": 0.1,
            "sandbox": sandbox_cores,
            "sandbox_busiest": sandbox_cores,
            "gateway": 0.2 if gateway else 0.0,
            "other": 0.05,
        },
        gateway_cpu_ms_per_op=2.0 if gateway else None,
        gateway_rss_mb=80.0 if gateway else None,
    )


def run(
    concurrency: int = 10, *, gateway: SideResult | None = None, floor: SideResult | None = None
) -> RunResult:
    return RunResult(concurrency, gateway or side(), floor or side(gateway=False))


def scenario(
    name: str, *runs: RunResult, cache: str = "uncached", degraded: bool = False, **kw: Any
) -> ScenarioResult:
    result = ScenarioResult(name, kw.get("title", name), cache, kw.get("faults", {}), degraded, 10, True)
    result.runs.extend(runs)
    return result
