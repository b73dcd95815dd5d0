"""The probe path (`request(..., probe=True)`, what readiness checks send): one real exchange that
neither asks nor tells the circuit breaker, takes no concurrency slot and is not counted."""

from __future__ import annotations

import asyncio

import pytest

from gateway.backends.http.breaker import BreakerState
from gateway.backends.http.errors import BackendAuthError, BackendUnavailable
from tests.backends.http.conftest import ClientFactory, Upstream


async def test_a_failing_probe_leaves_the_breaker_closed_and_the_counters_untouched(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.json({"error": "down"}, status=503))
    client = await make_client(breaker_failures=1, retries=2)

    for _ in range(3):
        with pytest.raises(BackendUnavailable) as raised:
            await client.request("GET", "/ping", probe=True)
        assert raised.value.status == 503

    assert len(upstream.hits) == 3  # one attempt per probe: the next check round is the retry
    assert client.breaker.state is BreakerState.CLOSED
    assert client.breaker.consecutive_failures == 0
    metrics = client.metrics
    assert (metrics.calls, metrics.attempts, metrics.last_ok, dict(metrics.statuses)) == (0, 0, None, {})


async def test_a_probe_reaches_the_backend_while_the_breaker_is_open_and_does_not_close_it(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.json({}, status=503), Upstream.json({"ok": True}))
    client = await make_client(breaker_failures=1, retries=0)
    with pytest.raises(BackendUnavailable):
        await client.request("GET", "/things")
    assert client.breaker.state is BreakerState.OPEN

    response = await client.request("GET", "/ping", probe=True)

    assert response.json_object() == {"ok": True}
    assert client.breaker.state is BreakerState.OPEN  # live traffic's half-open probe decides that


async def test_a_probe_takes_no_slot_and_no_pooled_connection_from_live_calls(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(upstream.hang(), Upstream.json({"ok": True}))
    client = await make_client(max_concurrency=1, timeout_s=30)
    live = asyncio.create_task(client.request("GET", "/slow"))
    await upstream.wait_for_hits(1)  # the only slot and the only pooled connection are taken

    response = await client.request("GET", "/ping", probe=True, timeout_s=5)

    assert response.status == 200
    assert client.metrics.in_flight == 1
    upstream.release.set()
    assert (await live).status == 200


async def test_a_probe_maps_errors_like_any_call_and_sends_the_credentials(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.json({"message": "bad token"}, status=401))
    client = await make_client()

    with pytest.raises(BackendAuthError) as raised:
        await client.request("GET", "/ping", headers={"Authorization": "Bearer secret-token"}, probe=True)

    assert raised.value.status == 401
    assert "secret-token" not in str(raised.value)
    assert upstream.hits[0].headers["Authorization"] == "Bearer secret-token"
