"""PNG figures of a run: latency against concurrency per scenario, and throughput, gateway vs floor."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only: no display on a server or in CI

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, LogLocator

from .measurements import ScenarioResult, SideResult

GATEWAY_COLOUR = "tab:blue"
FLOOR_COLOUR = "tab:gray"
ERROR_COLOUR = "tab:red"


def _failed_share(side: SideResult) -> float:
    return (side.with_errors + side.failed) / side.operations if side.operations else 0.0


def latency_figure(results: Sequence[ScenarioResult], path: Path, *, subtitle: str = "") -> Path:
    """One panel per scenario: p50 and p99 against concurrency, the gateway over its floor."""
    shown = [r for r in results if r.runs]
    columns = min(4, len(shown)) or 1
    rows = (len(shown) + columns - 1) // columns or 1
    figure, axes = plt.subplots(rows, columns, figsize=(4.2 * columns, 3.4 * rows), squeeze=False)
    for index, result in enumerate(shown):
        ax = axes[index // columns][index % columns]
        levels = [run.concurrency for run in result.runs]
        for side, colour in (("gateway", GATEWAY_COLOUR), ("floor", FLOOR_COLOUR)):
            sides = [getattr(run, side) for run in result.runs]
            p50 = [s.latency.p50_ms for s in sides]
            p99 = [s.latency.p99_ms for s in sides]
            ax.plot(levels, p50, marker="o", color=colour, label=f"{side} p50")
            ax.plot(levels, p99, marker="^", linestyle="--", color=colour, label=f"{side} p99")
            # A run that mostly failed is fast for the wrong reason: cross it out.
            failed = [(c, v) for c, s, v in zip(levels, sides, p50, strict=True) if _failed_share(s) > 0.5]
            if failed and not result.degraded:
                ax.scatter(
                    *zip(*failed, strict=True),
                    marker="x",
                    s=80,
                    color=ERROR_COLOUR,
                    zorder=3,
                    label="mostly errors",
                )
        ax.set_xscale("log")
        ax.set_yscale("log")  # latencies span 0.3 ms (warm) to seconds (saturated)
        ax.set_xticks(levels, [str(c) for c in levels])
        ax.minorticks_off()
        ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
        ax.set_title(result.title, fontsize=9)
        ax.set_xlabel("concurrency")
        ax.set_ylabel("latency (ms)")
        ax.grid(alpha=0.3)
    for index in range(len(shown), rows * columns):
        axes[index // columns][index % columns].axis("off")
    legend: dict[str, Any] = {}
    for ax in axes.flat:
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            legend.setdefault(label, handle)
    figure.legend(list(legend.values()), list(legend), loc="lower center", ncol=5, fontsize=8)
    figure.suptitle(f"Latency vs concurrency, gateway vs floor {subtitle}".strip(), fontsize=11)
    # the reader compares shapes across panels; each keeps its own scale, starting at zero
    figure.tight_layout(rect=(0, 0.05, 1, 0.96))
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path


def throughput_figure(results: Sequence[ScenarioResult], path: Path, *, subtitle: str = "") -> Path:
    """Operations per second at each concurrency, per scenario, the gateway next to its floor."""
    shown = [r for r in results if r.runs]
    levels = sorted({run.concurrency for r in shown for run in r.runs})
    figure, ax = plt.subplots(figsize=(max(7.5, 1.4 * len(shown) + 2), 4.4))
    width = 0.8 / (2 * len(levels) or 1)
    for level_index, level in enumerate(levels):
        for side_index, (side, colour) in enumerate((("gateway", GATEWAY_COLOUR), ("floor", FLOOR_COLOUR))):
            offset = (2 * level_index + side_index) * width - 0.4 + width / 2
            values = [getattr(run, side).throughput if (run := r.run_at(level)) else 0.0 for r in shown]
            ax.bar(
                [i + offset for i in range(len(shown))],
                values,
                width,
                color=colour,
                alpha=0.35 + 0.65 * (level_index + 1) / len(levels),
                label=f"{side} c={level}",
            )
    ax.set_xticks(range(len(shown)), [r.name for r in shown], rotation=20, fontsize=8)
    ax.set_ylabel("operations/s")
    ax.set_yscale("log")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=7, ncol=2)
    ax.set_title(f"Throughput, gateway vs floor\n{subtitle}".strip(), fontsize=10)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path


__all__ = ["latency_figure", "throughput_figure"]
