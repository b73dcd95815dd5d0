"""The run's outputs: the JSON document, Markdown tables, the one-line quick summary, and the targets.

Targets are reported, never asserted: a benchmark that fails a build on a noisy 2-core machine
teaches people to ignore it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from gateway.health import CHECK_INTERVAL_S

from .measurements import RunResult, ScenarioResult, SideResult

VENDOR_ORDER = ("shopify", "akeneo", "odoo", "hubspot", "intercom")
LISTING_RATIO_P50 = 1.2
LISTING_RATIO_P99 = 1.5
WARM_OPS_PER_S = 1000.0
NEAR_HEALTHY = 1.25
"""How far above the healthy p99 the degraded p99 may be and still count as "near" it."""
CALLS_TOLERANCE = 0.02
"""Calls per operation are averages: rounding slack on top of the readiness checks' trickle."""
SANDBOX_BOUND = 0.85
"""Cores an emulator process (single-threaded) used above which it, not the gateway, limited the run."""


@dataclass(frozen=True, slots=True)
class TargetCheck:
    target: str
    measured: str
    met: bool | None
    """None when the run did not measure what the target needs."""


def _side(side: SideResult) -> dict[str, Any]:
    return asdict(side)


def _run(run: RunResult) -> dict[str, Any]:
    return {
        "concurrency": run.concurrency,
        "gateway": _side(run.gateway),
        "floor": _side(run.floor),
        "ratio_p50": run.ratio_p50,
        "ratio_p99": run.ratio_p99,
        "overhead_p50_ms": run.overhead_p50_ms,
        "overhead_p99_ms": run.overhead_p99_ms,
    }


def document(
    meta: Mapping[str, Any], results: Sequence[ScenarioResult], checks: Sequence[TargetCheck]
) -> dict[str, Any]:
    """Everything a run measured, as one JSON-serializable document."""
    return {
        **meta,
        "scenarios": [
            {
                "name": r.name,
                "title": r.title,
                "cache": r.cache,
                "faults": r.faults,
                "degraded": r.degraded,
                "targets": r.targets,
                "same_products": r.same_products,
                "runs": [_run(run) for run in r.runs],
            }
            for r in results
        ],
        "targets": [asdict(check) for check in checks],
    }


def quick_line(results: Sequence[ScenarioResult]) -> str:
    """One JSON line: per scenario, its highest measured concurrency, gateway against floor."""
    summary: dict[str, Any] = {}
    for result in results:
        if not result.runs:
            continue
        run = max(result.runs, key=lambda r: r.concurrency)
        gateway, floor = run.gateway, run.floor
        summary[result.name] = {
            "c": run.concurrency,
            "ops_s": round(gateway.throughput, 1),
            "p50_ms": round(gateway.latency.p50_ms, 1),
            "p99_ms": round(gateway.latency.p99_ms, 1),
            "floor_ops_s": round(floor.throughput, 1),
            "floor_p50_ms": round(floor.latency.p50_ms, 1),
            "floor_p99_ms": round(floor.latency.p99_ms, 1),
            "x_p50": _round(run.ratio_p50),
            "x_p99": _round(run.ratio_p99),
            "calls_per_op": {v: round(n, 2) for v, n in gateway.calls_per_op.items() if n},
            "floor_calls_per_op": {v: round(n, 2) for v, n in floor.calls_per_op.items() if n},
            "cpu_ms_per_op": _round(gateway.gateway_cpu_ms_per_op),
            "rss_mb": _round(gateway.gateway_rss_mb, 0),
            "cores": {party: round(n, 2) for party, n in gateway.cores.items()},
            "errors": gateway.with_errors + gateway.failed,
        }
    return json.dumps({"bench": "quick", "scenarios": summary}, separators=(",", ":"))


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _vendors(run: RunResult) -> list[str]:
    """The backends the operation calls. A backend the gateway is configured with but the operation
    never reaches still gets the readiness checks' trickle: below the tolerance, it is not listed."""
    trickle = calls_tolerance(run)
    called = {v for side in (run.gateway, run.floor) for v, n in side.calls_per_op.items() if n > trickle}
    return [v for v in VENDOR_ORDER if v in called]


def _calls(side: SideResult, vendors: Sequence[str]) -> str:
    return " / ".join(f"{side.calls_per_op.get(v, 0.0):.2f}" for v in vendors) or "–"


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def _same(same: bool | None) -> str:
    return {
        True: "same products as the floor",
        False: "**products differ from the floor**",
        None: "unchecked",
    }[same]


def scenario_table(result: ScenarioResult) -> str:
    """A Markdown table of one scenario: a row per concurrency, the gateway next to its floor."""
    vendors = sorted({v for run in result.runs for v in _vendors(run)}, key=VENDOR_ORDER.index)
    initials = "/".join(v[0].upper() for v in vendors) or "–"
    lines = [
        f"**{result.title}** (`{result.name}`, {result.cache}, {result.targets} distinct targets, "
        f"{_same(result.same_products)})",
        "",
        f"| c | ops/s | p50 ms | p95 ms | p99 ms | floor ops/s | floor p50 | floor p99 | p50 × floor | p99 × floor "
        f"| +p50 ms | calls/op {initials} | floor calls/op | CPU ms/op | RSS MB | cores gw/sb/client/other | errors |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---|---:|",
    ]
    bound = False
    for run in result.runs:
        g, f = run.gateway, run.floor
        cpu = "–" if g.gateway_cpu_ms_per_op is None else f"{g.gateway_cpu_ms_per_op:.2f}"
        rss = "–" if g.gateway_rss_mb is None else f"{g.gateway_rss_mb:.0f}"
        cores = " / ".join(
            f"{g.cores.get(party, 0):.2f}" for party in ("gateway", "sandbox", "client", "other")
        )
        mark = "†" if sandbox_bound(run) else ""
        bound = bound or bool(mark)
        lines.append(
            f"| {run.concurrency} | {g.throughput:.1f} | {g.latency.p50_ms:.1f} | {g.latency.p95_ms:.1f} "
            f"| {g.latency.p99_ms:.1f} | {f.throughput:.1f} | {f.latency.p50_ms:.1f} | {f.latency.p99_ms:.1f} "
            f"| {_ratio(run.ratio_p50)}{mark} | {_ratio(run.ratio_p99)}{mark} | {run.overhead_p50_ms:+.1f} "
            f"| {_calls(g, vendors)} | {_calls(f, vendors)} | {cpu} | {rss} | {cores} "
            f"| {g.with_errors + g.failed} / {f.with_errors + f.failed} |"
        )
    if bound:
        lines += [
            "",
            f"† an emulator process used ≥ {SANDBOX_BOUND} of a core: it, not the gateway, set the pace.",
        ]
    return "\n".join(lines)


def sandbox_bound(run: RunResult) -> bool:
    """Whether an emulator process was saturated while either side ran."""
    return (
        max(run.gateway.cores.get("sandbox_busiest", 0.0), run.floor.cores.get("sandbox_busiest", 0.0))
        >= SANDBOX_BOUND
    )


def targets_table(checks: Sequence[TargetCheck]) -> str:
    mark = {True: "met", False: "**missed**", None: "not measured"}
    lines = ["| target | measured | verdict |", "|---|---|---|"]
    lines += [f"| {c.target} | {c.measured} | {mark[c.met]} |" for c in checks]
    return "\n".join(lines)


def markdown(results: Sequence[ScenarioResult], checks: Sequence[TargetCheck]) -> str:
    parts = [scenario_table(result) for result in results if result.runs]
    parts.append(targets_table(checks))
    return "\n\n".join(parts) + "\n"


def _find(results: Sequence[ScenarioResult], name: str) -> ScenarioResult | None:
    return next((r for r in results if r.name == name and r.runs), None)


def evaluate(results: Sequence[ScenarioResult], *, erp_timeout_s: float) -> list[TargetCheck]:
    """The issue's targets against this run's numbers."""
    checks: list[TargetCheck] = []
    listing = _find(results, "listing_50")
    run = listing.run_at(10) if listing else None
    for label, limit in (("p50", LISTING_RATIO_P50), ("p99", LISTING_RATIO_P99)):
        target = f"Listing of 50, uncached, c=10: {label} ≤ {limit}× the floor"
        if run is None or run.ratio_p50 is None or run.ratio_p99 is None:
            checks.append(TargetCheck(target, "–", None))
            continue
        g, f = run.gateway.latency, run.floor.latency
        ratio, ms, floor_ms = (
            (run.ratio_p50, g.p50_ms, f.p50_ms) if label == "p50" else (run.ratio_p99, g.p99_ms, f.p99_ms)
        )
        measured = f"{ratio:.2f}× ({ms:.1f} ms vs {floor_ms:.1f} ms)"
        if sandbox_bound(run):
            measured += " — an emulator was saturated: queueing there weighs on both sides"
        checks.append(TargetCheck(target, measured, ratio <= limit))
    checks.append(_calls_check(results))
    warm = _find(results, "listing_50_warm")
    if warm:
        best = max(warm.runs, key=lambda r: r.gateway.throughput)
        checks.append(
            TargetCheck(
                f"Warm listing of 50: ≥ {WARM_OPS_PER_S:,.0f} operations/s",
                f"{best.gateway.throughput:,.0f} ops/s at c={best.concurrency}",
                best.gateway.throughput >= WARM_OPS_PER_S,
            )
        )
    else:
        checks.append(TargetCheck(f"Warm listing of 50: ≥ {WARM_OPS_PER_S:,.0f} operations/s", "–", None))
    checks += _down_checks(results, erp_timeout_s)
    return checks


def _calls_check(results: Sequence[ScenarioResult]) -> TargetCheck:
    deviations: list[str] = []
    measured = 0
    for result in results:
        if result.cache != "uncached" or result.degraded:
            continue
        for run in result.runs:
            measured += 1
            for vendor in _vendors(run):
                gateway = run.gateway.calls_per_op.get(vendor, 0.0)
                floor = run.floor.calls_per_op.get(vendor, 0.0)
                if abs(gateway - floor) > calls_tolerance(run):
                    deviations.append(
                        f"{result.name} c={run.concurrency} {vendor} {gateway:.2f} vs {floor:.2f}"
                    )
    shown = "; ".join(deviations[:6]) + (f"; … {len(deviations) - 6} more" if len(deviations) > 6 else "")
    return TargetCheck(
        "One call per backend per query level, in as few levels as the floor (gateway calls/op = floor calls/op, "
        "uncached scenarios)",
        shown or "equal in every uncached scenario",
        None if not measured else not deviations,
    )


def calls_tolerance(run: RunResult) -> float:
    """How far calls per operation may drift: the gateway's readiness checks call a backend at most once
    per interval (plus one), whichever side is being measured."""
    ops = max(1, min(run.gateway.operations, run.floor.operations))
    elapsed = max(run.gateway.elapsed_s, run.floor.elapsed_s)
    return CALLS_TOLERANCE + (1 + elapsed / CHECK_INTERVAL_S) / ops


def _down_checks(results: Sequence[ScenarioResult], erp_timeout_s: float) -> list[TargetCheck]:
    down = _find(results, "listing_50_erp_down")
    healthy = _find(results, "listing_50")
    if down is None:
        return [TargetCheck("ERP down: p99 ≤ the ERP's timeout", "–", None)]
    worst = max(run.gateway.latency.p99_ms for run in down.runs)
    checks = [
        TargetCheck(
            f"ERP down: p99 ≤ the ERP's timeout ({erp_timeout_s:g} s)",
            f"worst p99 {worst:.0f} ms",
            worst <= erp_timeout_s * 1000,
        )
    ]
    pairs = [(run, healthy.run_at(run.concurrency)) for run in down.runs] if healthy else []
    ratios = [
        (run.concurrency, run.gateway.latency.p99_ms / ok.gateway.latency.p99_ms) for run, ok in pairs if ok
    ]
    checks.append(
        TargetCheck(
            f"ERP down, breaker open: p99 within {NEAR_HEALTHY}× the healthy p99",
            ", ".join(f"c={c}: {r:.2f}×" for c, r in ratios) or "–",
            None if not ratios else all(r <= NEAR_HEALTHY for _, r in ratios),
        )
    )
    return checks


__all__ = [
    "TargetCheck",
    "calls_tolerance",
    "document",
    "evaluate",
    "markdown",
    "quick_line",
    "sandbox_bound",
    "scenario_table",
    "targets_table",
]
