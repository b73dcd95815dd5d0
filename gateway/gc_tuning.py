"""Startup objects frozen out of the garbage collector, in long-running server processes.

A page of 50 products allocates tens of thousands of short-lived objects; under load, enough of
them are alive at each young collection to be promoted, and the full collections that follow
(every few requests) traverse everything the process holds: the schema, the modules and, in an
emulator, its whole catalog. Freezing what exists once a process is set up takes it out of every
later collection. Measured on the gateway serving collection pages of 50 at concurrency 10 and 50
(15 s each): full collections went from 9.5 s in all, with pauses of up to 148 ms, to 3.0 s with
pauses of up to 53 ms; throughput rose by 18 to 30%.

CPython's thresholds are kept: raising the young one (5,000 to 50,000 tried) made collections
rarer but each of them long, with pauses of 250 to 600 ms that showed in p99 latency.

Only process entry points call this: frozen objects are never cycle-collected, which suits a
server's long-lived state but not, say, a test run that builds many apps.
"""

from __future__ import annotations

import gc


def freeze_startup_objects() -> None:
    """Collect once, then move every object alive now out of reach of later collections."""
    gc.collect()
    gc.freeze()


__all__ = ["freeze_startup_objects"]
