"""The fuzz suite's budget and its report: a bounded run in `make test`, a long one in `make fuzz`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import pytest

EXAMPLES = int(os.environ.get("COMMERCE_GATEWAY_FUZZ_EXAMPLES", "25"))
"""Examples per property: a few dozen in `make test`, thousands in `make fuzz`."""


@dataclass
class Tally:
    """What the fuzz suite sent and what came back, for the closing report."""

    requests: int = 0
    server_errors: int = 0
    leaks: int = 0
    slowest_s: float = 0.0
    statuses: dict[int, int] = field(default_factory=dict)


TALLY = Tally()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TALLY.requests:
        terminalreporter.write_line(
            f"fuzz: {TALLY.requests} requests, {TALLY.server_errors} 5xx, {TALLY.leaks} leaks, "
            f"slowest {TALLY.slowest_s * 1000:.0f} ms, statuses {dict(sorted(TALLY.statuses.items()))}"
        )
