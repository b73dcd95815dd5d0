"""Percentiles interpolate like NumPy's default method, and summaries are in milliseconds."""

from __future__ import annotations

import pytest

from bench.latency import percentile, summarize


def test_percentile_interpolates_between_ranks() -> None:
    values = [10.0, 20.0, 30.0, 40.0]

    assert percentile(values, 0) == 10.0
    assert percentile(values, 100) == 40.0
    assert percentile(values, 50) == 25.0
    # rank (4 - 1) * 0.9 = 2.7: 30 + 0.7 * (40 - 30), as numpy.percentile(values, 90) gives
    assert percentile(values, 90) == pytest.approx(37.0)


def test_percentile_of_one_value_is_that_value() -> None:
    assert percentile([7.0], 99) == 7.0


@pytest.mark.parametrize(("values", "q"), [([], 50), ([1.0], -1), ([1.0], 101)])
def test_percentile_refuses_what_has_no_answer(values: list[float], q: float) -> None:
    with pytest.raises(ValueError, match=r"no values|outside"):
        percentile(values, q)


def test_summary_sorts_and_converts_seconds_to_milliseconds() -> None:
    # given: latencies in completion order, not sorted
    latencies = [0.030, 0.010, 0.020] + [0.015] * 97

    # when
    summary = summarize(latencies)

    # then
    assert summary.count == 100
    assert summary.p50_ms == pytest.approx(15.0)
    assert summary.max_ms == pytest.approx(30.0)
    assert summary.p99_ms == pytest.approx(20.1)  # rank 98.01 between 20 ms and 30 ms
    assert summary.mean_ms == pytest.approx(1000 * sum(latencies) / 100)


def test_summary_of_nothing_is_zeros() -> None:
    assert summarize([]).count == 0
    assert summarize([]).p99_ms == 0.0
