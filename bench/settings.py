"""The harness's command line: what a run measures and for how long."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .scenarios import scenarios

FULL_DURATION_S = 10.0
FULL_WARMUP_S = 2.0
FULL_CONCURRENCY = (1, 10, 50)
QUICK_DURATION_S = 1.2
QUICK_WARMUP_S = 0.3
QUICK_CONCURRENCY = (10,)


@dataclass(frozen=True, slots=True)
class Settings:
    """One run's parameters (recorded in its results)."""

    quick: bool
    size: int
    seed: int
    latency_ms: float
    slow_ms: float
    workers: int
    duration_s: float
    warmup_s: float
    concurrency: tuple[int, ...]
    scenarios: tuple[str, ...]
    startup_timeout_s: float
    one_sandbox: bool = False
    """Serve every emulator from one `commerce-gateway sandbox` process instead of one process each."""
    gateway_source: Path | None = None
    """A checkout whose gateway is measured instead of this one's (say, a past commit's worktree)."""


def _levels(text: str) -> tuple[int, ...]:
    try:
        levels = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        levels = ()
    if not levels or min(levels) < 1:
        raise argparse.ArgumentTypeError("concurrency levels are positive integers, e.g. 1,10,50")
    return levels


def parse_args(argv: Sequence[str] | None) -> Settings:
    names = [s.name for s in scenarios()]
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description="Benchmark the gateway against the sandbox and against a hand-written floor.",
    )
    parser.add_argument("--quick", action="store_true", help="concurrency 10, short runs, one JSON line")
    parser.add_argument("--size", type=int, default=10_000, help="products in the sandbox (default 10000)")
    parser.add_argument("--seed", type=int, default=42, help="seed of the sandbox's shop")
    parser.add_argument("--latency-ms", type=float, default=20.0, help="latency of every backend call (20)")
    parser.add_argument("--slow-ms", type=float, default=200.0, help="the PIM's latency when slow (200)")
    parser.add_argument("--workers", type=int, default=1, help="gateway worker processes (1)")
    parser.add_argument(
        "--duration",
        type=float,
        help=f"measured seconds per run ({FULL_DURATION_S:g}, quick {QUICK_DURATION_S:g})",
    )
    parser.add_argument(
        "--warmup",
        type=float,
        help=f"unmeasured seconds before each run ({FULL_WARMUP_S:g}, quick {QUICK_WARMUP_S:g})",
    )
    parser.add_argument("--concurrency", type=_levels, help="levels, e.g. 1,10,50 (quick: 10)")
    parser.add_argument("--scenarios", help=f"comma-separated subset of: {', '.join(names)}")
    parser.add_argument("--startup-timeout", type=float, default=180.0, help="seconds to wait for readiness")
    parser.add_argument(
        "--one-sandbox",
        action="store_true",
        help="run `commerce-gateway sandbox` (all emulators in one process) instead of one process per vendor",
    )
    parser.add_argument(
        "--gateway-source",
        type=Path,
        metavar="DIR",
        help="measure the gateway of another checkout (e.g. `git worktree add DIR COMMIT`); "
        "the sandbox, the floor and the harness stay this checkout's",
    )
    args = parser.parse_args(argv)
    if args.gateway_source is not None and not (args.gateway_source / "gateway" / "cli.py").is_file():
        parser.error(f"--gateway-source {args.gateway_source}: no gateway/cli.py there")
    chosen = tuple(args.scenarios.split(",")) if args.scenarios else tuple(names)
    unknown = sorted(set(chosen) - set(names))
    if unknown:
        parser.error(f"unknown scenario(s) {', '.join(unknown)}; known: {', '.join(names)}")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.size < 100:
        parser.error("--size must be at least 100 (pages of 50 need full collections)")
    return Settings(
        quick=args.quick,
        size=args.size,
        seed=args.seed,
        latency_ms=args.latency_ms,
        slow_ms=args.slow_ms,
        workers=args.workers,
        duration_s=args.duration or (QUICK_DURATION_S if args.quick else FULL_DURATION_S),
        warmup_s=args.warmup
        if args.warmup is not None
        else (QUICK_WARMUP_S if args.quick else FULL_WARMUP_S),
        concurrency=args.concurrency or (QUICK_CONCURRENCY if args.quick else FULL_CONCURRENCY),
        scenarios=chosen,
        startup_timeout_s=args.startup_timeout,
        gateway_source=args.gateway_source.resolve() if args.gateway_source else None,
        one_sandbox=args.one_sandbox,
    )


__all__ = ["Settings", "parse_args"]
