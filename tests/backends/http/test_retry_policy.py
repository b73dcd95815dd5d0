"""The retry policy's rules on their own: idempotency, Retry-After parsing, wait computation."""

from __future__ import annotations

import email.utils

import pytest

from gateway.backends.http.retry import RetryPolicy, is_idempotent, parse_retry_after

NOW = 1_700_000_000.0


@pytest.mark.parametrize(
    ("method", "idempotent", "expected"),
    [
        ("GET", None, True),
        ("head", None, True),
        ("OPTIONS", None, True),
        ("PUT", None, True),
        ("DELETE", None, True),
        ("POST", None, False),
        ("PATCH", None, False),
        ("POST", True, True),
        ("GET", False, False),
    ],
)
def test_idempotency_comes_from_the_method_unless_the_caller_says(
    method: str, idempotent: bool | None, expected: bool
) -> None:
    assert is_idempotent(method, idempotent) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3", 3.0),
        (" 0.5 ", 0.5),
        ("0", 0.0),
        (email.utils.formatdate(NOW + 7, usegmt=True), 7.0),
        (email.utils.formatdate(NOW - 60, usegmt=True), 0.0),
        ("-1", None),
        ("nan", None),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_accepts_seconds_and_http_dates(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=lambda: NOW) == expected


def test_a_date_without_a_zone_is_ignored() -> None:
    assert parse_retry_after("Tue, 14 Nov 2023 22:13:27", now=lambda: NOW) is None


def test_only_idempotent_calls_get_extra_attempts() -> None:
    policy = RetryPolicy(retries=2, backoff_s=0.05, max_backoff_s=1.0)
    assert policy.attempts("GET", None) == 3
    assert policy.attempts("POST", None) == 1
    assert policy.attempts("POST", True) == 3


def test_a_wait_that_leaves_no_time_for_the_attempt_means_give_up() -> None:
    policy = RetryPolicy(retries=2, backoff_s=0.5, max_backoff_s=1.0, jitter=lambda: 1.0)
    assert policy.delay(1, retry_after=None, remaining_s=0.6) == 0.5
    assert policy.delay(1, retry_after=None, remaining_s=0.5) is None
    assert policy.delay(1, retry_after=0.2, remaining_s=0.3) == 0.2
    assert policy.delay(1, retry_after=0.2, remaining_s=0.2) is None
    assert policy.delay(1, retry_after=1.5, remaining_s=10) is None
