"""A call never outlives its deadline: queueing, attempts and waits between them included."""

from __future__ import annotations

import asyncio
import socket
import time

import pytest

from gateway.backends.http.errors import BackendTimeout, BackendUnavailable
from tests.backends.http.conftest import ClientFactory, Sleeps, Upstream


async def test_a_backend_that_does_not_answer_times_out_within_the_configured_time(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    # given
    upstream.script(upstream.hang())
    client = await make_client(timeout_s=0.3, retries=2)

    # when
    started = time.monotonic()
    with pytest.raises(BackendTimeout) as caught:
        await client.request("GET", "/things")
    elapsed = time.monotonic() - started

    # then the deadline covers the retries too: one attempt used it all
    assert 0.3 <= elapsed < 1.0
    assert len(upstream.hits) == 1
    assert str(caught.value) == "vendor: GET /things: no answer within 0.3s"
    assert caught.value.code == "BACKEND_TIMEOUT"


async def test_a_per_call_timeout_overrides_the_setting(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(upstream.hang())
    client = await make_client(timeout_s=5.0)

    started = time.monotonic()
    with pytest.raises(BackendTimeout):
        await client.request("GET", "/things", timeout_s=0.2)

    assert time.monotonic() - started < 1.0


async def test_a_slow_answer_within_the_deadline_is_fine(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.slow(0.05, {"late": True}))
    client = await make_client(timeout_s=2.0)

    response = await client.request("GET", "/things")

    assert response.json() == {"late": True}


async def test_a_refused_connection_is_unavailable_after_its_retries(make_client: ClientFactory) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sleeps = Sleeps()
    client = await make_client(url=f"http://127.0.0.1:{port}", retries=2, sleep=sleeps)

    with pytest.raises(BackendUnavailable) as caught:
        await client.request("GET", "/things")

    assert client.metrics.attempts == 3
    assert len(sleeps.calls) == 2
    assert caught.value.code == "BACKEND_UNAVAILABLE"


async def test_waiting_for_a_slot_counts_against_the_deadline(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    # given one slot, held by a call that does not end
    upstream.script(upstream.hang())
    client = await make_client(max_concurrency=1, timeout_s=5.0)
    holder = asyncio.create_task(client.request("GET", "/slow"))
    await upstream.wait_for_hits(1)

    # when
    with pytest.raises(BackendTimeout, match="no free slot"):
        await client.request("GET", "/queued", timeout_s=0.1)

    # then the queued call never reached the backend, and the breaker did not count it
    assert [hit.path for hit in upstream.hits] == ["/slow"]
    assert client.breaker.consecutive_failures == 0
    holder.cancel()
    with pytest.raises(asyncio.CancelledError):
        await holder
    assert client.metrics.in_flight == 0
