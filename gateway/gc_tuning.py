"""The garbage collector tuned for a long-running server process.

A page of 50 products allocates tens of thousands of short-lived objects (decoded JSON, models, the
response). With CPython's default thresholds (700, 10, 10) young collections run many times within
one request, promote what is still in use, and the full collections that follow traverse everything
the process holds: the schema, the modules, and for an emulator its whole catalog. Measured on a
collection page of 50 (`bench.profile`), the collector took ~10 ms of the page's ~25 ms of CPU, in
pauses of up to 80 ms in the gateway and of up to a second in an emulator holding 10,000 products.

Freezing what exists once a process is set up takes it out of every later collection, and a larger
young threshold lets most of a request's garbage die by reference count before it is ever promoted
(about 2 ms per page). Only process entry points call this: frozen objects are never cycle-collected,
which suits a server's long-lived state but not, say, a test run that builds many apps.
"""

from __future__ import annotations

import gc

DEFAULT_YOUNG_THRESHOLD = 50_000
"""Allocations between two young collections (CPython's default is 700)."""


def tune_for_serving(young_threshold: int = DEFAULT_YOUNG_THRESHOLD) -> None:
    """Freeze the objects alive now and collect the young generation every `young_threshold`
    allocations; 0 leaves the collector as it is."""
    if young_threshold <= 0:
        return
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(young_threshold, middle, old)


__all__ = ["DEFAULT_YOUNG_THRESHOLD", "tune_for_serving"]
