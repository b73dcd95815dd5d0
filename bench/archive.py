"""A run's JSON document read back into measurements, to render its tables and figures again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from .latency import LatencySummary
from .measurements import RunResult, ScenarioResult, SideResult


def _side(data: dict[str, Any]) -> SideResult:
    fields = dict(data)
    fields["latency"] = LatencySummary(**fields["latency"])
    return SideResult(**fields)


def read(path: Path) -> tuple[dict[str, Any], list[ScenarioResult]]:
    """The run's metadata and its scenarios, as `bench.run` wrote them."""
    document: dict[str, Any] = orjson.loads(path.read_bytes())
    results = []
    for scenario in document.pop("scenarios"):
        result = ScenarioResult(
            scenario["name"],
            scenario["title"],
            scenario["cache"],
            scenario["faults"],
            scenario["degraded"],
            scenario["targets"],
            scenario["same_products"],
        )
        result.runs = [
            RunResult(run["concurrency"], _side(run["gateway"]), _side(run["floor"]))
            for run in scenario["runs"]
        ]
        results.append(result)
    document.pop("targets", None)
    return document, results


__all__ = ["read"]
