"""CPU time and resident memory of a process and its descendants, read from Linux's `/proc`.

The gateway may run as one process or as uvicorn's supervisor with worker children, so every
figure is summed over the process tree rooted at the process the harness started.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
"""Kernel clock ticks per second, the unit of `utime` and `stime`."""


@dataclass(frozen=True, slots=True)
class StatLine:
    """The fields of `/proc/<pid>/stat` the harness uses."""

    ppid: int
    cpu_ticks: int
    """User plus system time, in clock ticks."""


def parse_stat(text: str) -> StatLine:
    """Parse `/proc/<pid>/stat`; the command name may hold spaces and parentheses, so split after it."""
    rest = text[text.rindex(")") + 2 :].split()
    # rest[0] is field 3 (state): ppid is field 4, utime field 14 and stime field 15.
    return StatLine(ppid=int(rest[1]), cpu_ticks=int(rest[11]) + int(rest[12]))


def parse_rss_bytes(status: str) -> int:
    """Resident set size from `/proc/<pid>/status` (`VmRSS:  1234 kB`); 0 for a zombie without it."""
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def parse_machine_busy(stat: str) -> int:
    """Clock ticks all CPUs spent busy, from the `cpu` line of `/proc/stat` (idle and iowait left out)."""
    fields = [int(value) for value in stat.split("\n", 1)[0].split()[1:]]
    # user nice system idle iowait irq softirq steal [guest guest_nice, already counted in user/nice]
    return sum(fields[:8]) - fields[3] - fields[4]


def machine_busy_seconds() -> float:
    """CPU time every process on the machine has used so far, to tell how much ran beside the bench."""
    return parse_machine_busy((PROC / "stat").read_text()) / CLOCK_TICKS


def _stat(pid: int) -> StatLine | None:
    try:
        return parse_stat((PROC / str(pid) / "stat").read_text())
    except (OSError, ValueError, IndexError):  # the process ended between listing and reading
        return None


def process_tree(root: int) -> list[int]:
    """`root` and every live descendant of it."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) is not None:
            children.setdefault(stat.ppid, []).append(int(entry.name))
    tree, stack = [], [root]
    while stack:
        pid = stack.pop()
        tree.append(pid)
        stack.extend(children.get(pid, ()))
    return tree


def cpu_seconds(pids: Iterable[int]) -> float:
    """User plus system CPU time consumed so far by these processes."""
    return sum(stat.cpu_ticks for pid in pids if (stat := _stat(pid)) is not None) / CLOCK_TICKS


def rss_bytes(pids: Iterable[int]) -> int:
    """Resident memory of these processes, summed."""
    total = 0
    for pid in pids:
        try:
            total += parse_rss_bytes((PROC / str(pid) / "status").read_text())
        except OSError:
            continue
    return total


__all__ = [
    "CLOCK_TICKS",
    "StatLine",
    "cpu_seconds",
    "parse_rss_bytes",
    "parse_stat",
    "process_tree",
    "rss_bytes",
]
