"""The closed loop counts every request it started, clean, answered with errors, or failed."""

from __future__ import annotations

import asyncio

import pytest

from bench.load import closed_loop


async def test_outcomes_and_targets_are_counted() -> None:
    # given: targets alternate clean, with errors, failed
    seen: list[int] = []

    async def send(index: int) -> bool:
        seen.append(index)
        await asyncio.sleep(0)
        if index == 2:
            raise ConnectionError("refused")
        return index == 0

    # when
    result = await closed_loop(send, concurrency=3, duration_s=0.02, targets=3)

    # then
    assert result.operations == len(seen) == len(result.latencies_s)
    assert result.clean == seen.count(0)
    assert result.with_errors == seen.count(1)
    assert result.failed == seen.count(2)
    assert result.first_failure == "ConnectionError: refused"
    # concurrent requests take consecutive targets from one shared counter
    assert seen[:3] == [0, 1, 2]


async def test_a_loop_needs_workers_and_targets() -> None:
    async def send(index: int) -> bool:
        return True

    with pytest.raises(ValueError, match="at least 1"):
        await closed_loop(send, concurrency=0, duration_s=0.01, targets=1)
