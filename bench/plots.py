"""PNG figures of a run: latency against concurrency per scenario, and throughput, gateway vs floor."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no display on a server or in CI

import matplotlib.pyplot as plt

from .measurements import ScenarioResult

GATEWAY_COLOUR = "tab:blue"
FLOOR_COLOUR = "tab:gray"


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
            p50 = [getattr(run, side).latency.p50_ms for run in result.runs]
            p99 = [getattr(run, side).latency.p99_ms for run in result.runs]
            ax.plot(levels, p50, marker="o", color=colour, label=f"{side} p50")
            ax.plot(levels, p99, marker="^", linestyle="--", color=colour, label=f"{side} p99")
        ax.set_xscale("log")
        ax.set_xticks(levels, [str(c) for c in levels])
        ax.minorticks_off()
        ax.set_ylim(bottom=0)
        ax.set_title(result.title, fontsize=9)
        ax.set_xlabel("concurrency")
        ax.set_ylabel("latency (ms)")
        ax.grid(alpha=0.3)
    for index in range(len(shown), rows * columns):
        axes[index // columns][index % columns].axis("off")
    handles, labels = axes[0][0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="lower center", ncol=4, fontsize=8)
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
