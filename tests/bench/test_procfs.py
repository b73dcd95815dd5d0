"""Reading /proc: command names with spaces and parentheses, memory in kB, machine-wide busy time."""

from __future__ import annotations

import os

from bench.procfs import cpu_seconds, parse_machine_busy, parse_rss_bytes, parse_stat, process_tree

# pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
STAT = "4242 (python3 (uvicorn) x) S 4200 4242 4242 0 -1 4194560 2000 0 0 0 150 25 0 0 20 0 3 0"


def test_stat_line_is_split_after_the_command_name() -> None:
    stat = parse_stat(STAT)

    assert stat.ppid == 4200
    assert stat.cpu_ticks == 175


def test_rss_is_read_in_bytes() -> None:
    status = "Name:\tpython3\nVmPeak:\t  900000 kB\nVmRSS:\t   81234 kB\nThreads:\t3\n"

    assert parse_rss_bytes(status) == 81234 * 1024
    assert parse_rss_bytes("Name:\tzombie\n") == 0


def test_machine_busy_leaves_idle_and_iowait_out() -> None:
    # user nice system idle iowait irq softirq steal guest guest_nice
    assert parse_machine_busy("cpu  100 5 20 9000 40 1 2 3 7 0\ncpu0 1 2 3\n") == 131


def test_this_process_is_its_own_tree_and_uses_cpu() -> None:
    tree = process_tree(os.getpid())

    assert tree[0] == os.getpid()
    assert cpu_seconds(tree) > 0
