"""HubSpot's window as its headers report it: spent closes it for its interval, anything left opens it."""

from __future__ import annotations

import pytest

from gateway.backends.http.errors import BackendRateLimited
from gateway.backends.hubspot.rate_window import INTERVAL_HEADER, REMAINING_HEADER, RateWindow


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_spent_window_refuses_calls_until_its_interval_has_passed() -> None:
    clock = Clock()
    window = RateWindow("hubspot", clock)
    window.note({REMAINING_HEADER: "0", INTERVAL_HEADER: "10000"})

    clock.now += 4
    with pytest.raises(BackendRateLimited) as raised:
        window.admit("contacts batch read")
    assert raised.value.retry_after == pytest.approx(6.0)
    assert "not called" in str(raised.value)

    clock.now += 6.01
    window.admit("contacts batch read")


def test_an_answer_with_calls_left_reopens_the_window() -> None:
    window = RateWindow("hubspot", Clock())
    window.note({REMAINING_HEADER: "0"})
    window.note({REMAINING_HEADER: "12", INTERVAL_HEADER: "10000"})

    window.admit("contacts batch read")


@pytest.mark.parametrize("headers", [{}, {REMAINING_HEADER: "lots"}, {INTERVAL_HEADER: "10000"}])
def test_an_answer_without_a_readable_window_changes_nothing(headers: dict[str, str]) -> None:
    window = RateWindow("hubspot", Clock())

    window.note(headers)

    window.admit("contacts batch read")


def test_a_spent_window_without_an_interval_waits_hubspot_s_ten_seconds() -> None:
    clock = Clock()
    window = RateWindow("hubspot", clock)
    window.note({REMAINING_HEADER: "0", INTERVAL_HEADER: "garbage"})

    clock.now += 9.9
    with pytest.raises(BackendRateLimited):
        window.admit("contacts batch read")
