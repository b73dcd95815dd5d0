"""The circuit breaker: opens after consecutive failures, fails fast, probes once, closes or re-opens."""

from __future__ import annotations

import asyncio

import pytest

from gateway.backends.http.breaker import BreakerState, CircuitBreaker
from gateway.backends.http.errors import BackendRequestError, BackendTimeout, BackendUnavailable, BreakerOpen
from tests.backends.http.conftest import ClientFactory, FakeClock, Upstream

UNAVAILABLE = Upstream.json({"message": "down"}, status=503)
OK = Upstream.json({"ok": True})


# -- the state machine alone ---------------------------------------------------------------------


def state_of(breaker: CircuitBreaker) -> BreakerState:
    """Read the state through a call: mypy keeps an earlier `is` check's narrowing across `record()`."""
    return breaker.state


def test_it_opens_after_the_threshold_of_consecutive_failures() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failures=3, reset_s=10, clock=clock)

    for _ in range(2):
        ticket = breaker.admit()
        assert ticket is not None
        breaker.record(ticket, ok=False)
    assert breaker.state is BreakerState.CLOSED

    ticket = breaker.admit()
    assert ticket is not None
    breaker.record(ticket, ok=False)
    assert state_of(breaker) is BreakerState.OPEN
    assert breaker.admit() is None


def test_a_success_resets_the_count() -> None:
    breaker = CircuitBreaker(failures=2, reset_s=10, clock=FakeClock())
    for ok in (False, True, False):
        ticket = breaker.admit()
        assert ticket is not None
        breaker.record(ticket, ok=ok)
    assert breaker.state is BreakerState.CLOSED
    assert breaker.consecutive_failures == 1


def test_it_turns_half_open_after_the_reset_time_and_admits_exactly_one_probe() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failures=1, reset_s=10, clock=clock)
    ticket = breaker.admit()
    assert ticket is not None
    breaker.record(ticket, ok=False)

    clock.advance(9.9)
    assert breaker.admit() is None
    clock.advance(0.1)
    assert breaker.state is BreakerState.HALF_OPEN
    probe = breaker.admit()
    assert probe is not None
    assert probe.probe
    assert breaker.admit() is None  # the probe is still out

    breaker.record(probe, ok=True)
    assert state_of(breaker) is BreakerState.CLOSED
    assert breaker.admit() is not None


def test_a_failed_probe_reopens_for_a_full_reset_time() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failures=1, reset_s=10, clock=clock)
    first = breaker.admit()
    assert first is not None
    breaker.record(first, ok=False)
    clock.advance(10)
    probe = breaker.admit()
    assert probe is not None

    breaker.record(probe, ok=False)

    assert breaker.state is BreakerState.OPEN
    clock.advance(9)
    assert breaker.admit() is None
    clock.advance(1)
    assert breaker.admit() is not None


def test_a_probe_without_verdict_frees_the_probe_slot() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failures=1, reset_s=1, clock=clock)
    first = breaker.admit()
    assert first is not None
    breaker.record(first, ok=False)
    clock.advance(1)
    probe = breaker.admit()
    assert probe is not None

    breaker.record(probe, ok=None)  # cancelled

    assert breaker.state is BreakerState.HALF_OPEN
    assert breaker.admit() is not None


def test_outcomes_of_calls_admitted_before_the_breaker_opened_are_ignored() -> None:
    # given a slow call admitted while closed, then enough failures to open
    clock = FakeClock()
    breaker = CircuitBreaker(failures=1, reset_s=10, clock=clock)
    slow = breaker.admit()
    failing = breaker.admit()
    assert slow is not None
    assert failing is not None
    breaker.record(failing, ok=False)

    # when the slow call succeeds afterwards
    breaker.record(slow, ok=True)

    # then it does not close the breaker
    assert breaker.state is BreakerState.OPEN


def test_observers_see_every_transition() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failures=1, reset_s=5, clock=clock)
    seen: list[tuple[str, str]] = []
    breaker.observe(lambda old, new: seen.append((old.value, new.value)))

    ticket = breaker.admit()
    assert ticket is not None
    breaker.record(ticket, ok=False)
    clock.advance(5)
    probe = breaker.admit()
    assert probe is not None
    breaker.record(probe, ok=True)

    assert seen == [("closed", "open"), ("open", "half_open"), ("half_open", "closed")]


# -- through the client, against a real server ---------------------------------------------------


async def test_an_open_breaker_fails_at_once_without_touching_the_backend(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    # given
    upstream.script(UNAVAILABLE)
    client = await make_client(breaker_failures=3, retries=0, clock=FakeClock())
    for _ in range(3):
        with pytest.raises(BackendUnavailable):
            await client.request("GET", "/things")
    assert client.breaker.state is BreakerState.OPEN

    # when
    with pytest.raises(BreakerOpen) as caught:
        await client.request("GET", "/things")

    # then
    assert len(upstream.hits) == 3
    assert caught.value.code == "BACKEND_UNAVAILABLE"
    assert str(caught.value) == "vendor: GET /things: circuit breaker open, not called"
    assert client.metrics.breaker_state == "open"
    assert client.metrics.breaker_opened == 1


async def test_each_failed_attempt_counts_and_an_opening_breaker_stops_the_retries(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(UNAVAILABLE)
    client = await make_client(breaker_failures=2, retries=4, clock=FakeClock(), jitter=lambda: 0.0)

    with pytest.raises(BackendUnavailable) as caught:
        await client.request("GET", "/things")

    # the last real failure is reported, not the breaker that stopped the third attempt
    assert not isinstance(caught.value, BreakerOpen)
    assert caught.value.status == 503
    assert len(upstream.hits) == 2


async def test_a_successful_probe_closes_the_breaker(upstream: Upstream, make_client: ClientFactory) -> None:
    clock = FakeClock()
    upstream.script(UNAVAILABLE, UNAVAILABLE, OK)
    client = await make_client(breaker_failures=2, breaker_reset_s=10, retries=0, clock=clock)
    for _ in range(2):
        with pytest.raises(BackendUnavailable):
            await client.request("GET", "/things")

    clock.advance(10)
    response = await client.request("GET", "/things")

    assert response.status == 200
    assert client.breaker.state is BreakerState.CLOSED
    assert len(upstream.hits) == 3
    assert await client.check()


async def test_a_failed_probe_reopens_the_breaker(upstream: Upstream, make_client: ClientFactory) -> None:
    clock = FakeClock()
    upstream.script(UNAVAILABLE)
    client = await make_client(breaker_failures=2, breaker_reset_s=10, retries=0, clock=clock)
    for _ in range(2):
        with pytest.raises(BackendUnavailable):
            await client.request("GET", "/things")

    clock.advance(10)
    with pytest.raises(BackendUnavailable):
        await client.request("GET", "/things")  # the probe
    with pytest.raises(BreakerOpen):
        await client.request("GET", "/things")

    assert client.breaker.state is BreakerState.OPEN
    assert len(upstream.hits) == 3
    assert client.metrics.breaker_opened == 2


async def test_only_one_probe_goes_through_while_half_open(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    # given a half-open breaker and a probe the backend holds
    clock = FakeClock()
    upstream.script(UNAVAILABLE)
    client = await make_client(breaker_failures=1, breaker_reset_s=10, retries=0, clock=clock)
    with pytest.raises(BackendUnavailable):
        await client.request("GET", "/things")
    clock.advance(10)
    upstream.script(upstream.hang())
    probe = asyncio.create_task(client.request("GET", "/probe"))
    await upstream.wait_for_hits(2)

    # when another call arrives
    with pytest.raises(BreakerOpen):
        await client.request("GET", "/other")

    # then only the probe reached the backend; its success closes the breaker
    upstream.release.set()
    assert (await probe).status == 200
    assert [hit.path for hit in upstream.hits] == ["/things", "/probe"]
    assert client.breaker.state is BreakerState.CLOSED


async def test_4xx_answers_do_not_count_as_failures(upstream: Upstream, make_client: ClientFactory) -> None:
    upstream.script(Upstream.json({"message": "no such thing"}, status=404))
    client = await make_client(breaker_failures=2, retries=0)

    for _ in range(5):
        with pytest.raises(BackendRequestError):
            await client.request("GET", "/things")

    assert client.breaker.state is BreakerState.CLOSED
    assert len(upstream.hits) == 5
    assert await client.check()


async def test_timeouts_count_as_failures(upstream: Upstream, make_client: ClientFactory) -> None:
    upstream.script(upstream.hang())
    client = await make_client(breaker_failures=1, retries=0, timeout_s=0.1, clock=FakeClock())

    with pytest.raises(BackendTimeout, match="no answer"):
        await client.request("GET", "/things")

    assert client.breaker.state is BreakerState.OPEN
    assert not await client.check()
