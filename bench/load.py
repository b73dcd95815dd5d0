"""The closed-loop load driver: N workers, each sending its next request as soon as the last answers.

A closed loop measures what a fixed number of concurrent users experience (no coordinated-omission
correction is needed, since no request is ever scheduled at a time the system could not meet).
Requests take their target from one shared counter, so concurrent requests always ask for
different pages or products while there are more targets than workers, and no cache or in-flight
deduplication in the gateway can merge them.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

Send = Callable[[int], Awaitable[bool]]
"""Sends the request for target `i`; True when it answered cleanly, False when it answered with
errors (a GraphQL `errors` list, a failed backend), raising when it did not answer at all."""


@dataclass(slots=True)
class LoadResult:
    """What one closed-loop run observed."""

    concurrency: int
    elapsed_s: float = 0.0
    latencies_s: list[float] = field(default_factory=list)
    """Every request's latency, clean or not, in completion order."""
    clean: int = 0
    with_errors: int = 0
    failed: int = 0
    first_failure: str | None = None

    @property
    def operations(self) -> int:
        return self.clean + self.with_errors + self.failed

    @property
    def throughput(self) -> float:
        """Operations per second over the whole run."""
        return self.operations / self.elapsed_s if self.elapsed_s else 0.0


async def closed_loop(send: Send, *, concurrency: int, duration_s: float, targets: int) -> LoadResult:
    """Run `concurrency` workers for `duration_s`; every request started before the deadline completes.

    Counting only requests that started inside the window, and waiting for all of them, keeps the
    operation count and the backend calls measured around this call in exact agreement.
    """
    if concurrency < 1 or targets < 1:
        raise ValueError("concurrency and targets must be at least 1")
    result = LoadResult(concurrency)
    counter = itertools.count()
    started = time.perf_counter()
    deadline = started + duration_s

    async def worker() -> None:
        while time.perf_counter() < deadline:
            index = next(counter) % targets
            begin = time.perf_counter()
            try:
                clean = await send(index)
            except Exception as exc:  # a failed request is a measurement, not a reason to stop
                result.failed += 1
                if result.first_failure is None:
                    result.first_failure = f"{type(exc).__name__}: {exc}"[:300]
            else:
                if clean:
                    result.clean += 1
                else:
                    result.with_errors += 1
            result.latencies_s.append(time.perf_counter() - begin)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    result.elapsed_s = time.perf_counter() - started
    return result


__all__ = ["LoadResult", "Send", "closed_loop"]
