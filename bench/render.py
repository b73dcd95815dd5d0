"""`python -m bench.render bench/results/<timestamp>.json`: the tables and figures of a recorded run.

Prints the Markdown tables and targets (as `bench.run` does at the end of a full run) and writes the
two PNG figures next to the JSON file again, so a change to the report's layout never needs a new run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import archive, plots, report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.render", description=__doc__.split("\n\n")[0])
    parser.add_argument("results", type=Path, help="a run's JSON file under bench/results/")
    parser.add_argument("--no-figures", action="store_true", help="print the tables only")
    args = parser.parse_args(argv)
    meta, results = archive.read(args.results)
    checks = report.evaluate(results, erp_timeout_s=float(meta.get("erp_timeout_s", 0.0)))
    if not args.no_figures:
        stamp = args.results.stem
        latency_ms = meta.get("settings", {}).get("latency_ms", 0)
        subtitle = f"({latency_ms:g} ms per backend call, {stamp})"
        plots.latency_figure(results, args.results.with_name(f"{stamp}-latency.png"), subtitle=subtitle)
        plots.throughput_figure(results, args.results.with_name(f"{stamp}-throughput.png"), subtitle=subtitle)
    sys.stdout.write(report.markdown(results, checks))
    return 0


if __name__ == "__main__":
    sys.exit(main())

__all__ = ["main"]
