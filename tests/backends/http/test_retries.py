"""Idempotent calls are retried on 429/502/503/504 and connection errors; nothing else is."""

from __future__ import annotations

import email.utils
import time

import pytest

from gateway.backends.http.errors import BackendRateLimited, BackendUnavailable
from tests.backends.http.conftest import ClientFactory, Sleeps, Upstream

UNAVAILABLE = Upstream.json({"message": "try later"}, status=503)
OK = Upstream.json({"ok": True})


async def test_a_get_is_retried_on_503_until_it_succeeds(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    # given
    upstream.script(UNAVAILABLE, UNAVAILABLE, OK)
    sleeps = Sleeps()
    client = await make_client(retries=2, sleep=sleeps)

    # when
    response = await client.request("GET", "/things")

    # then
    assert response.status == 200
    assert response.json() == {"ok": True}
    assert len(upstream.hits) == 3
    assert len(sleeps.calls) == 2
    assert client.metrics.retries == 2
    assert client.metrics.attempts == 3


async def test_retries_stop_after_the_configured_count(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(UNAVAILABLE)
    client = await make_client(retries=2, sleep=Sleeps())

    with pytest.raises(BackendUnavailable) as caught:
        await client.request("GET", "/things")

    assert len(upstream.hits) == 3
    assert caught.value.status == 503
    assert "try later" in str(caught.value)


@pytest.mark.parametrize("status", [429, 502, 503, 504])
async def test_each_retryable_status_is_retried(
    upstream: Upstream, make_client: ClientFactory, status: int
) -> None:
    upstream.script(Upstream.json({"message": "not now"}, status=status), OK)
    client = await make_client(retries=1, sleep=Sleeps())

    response = await client.request("GET", "/things")

    assert response.status == 200
    assert len(upstream.hits) == 2


async def test_a_500_is_not_retried(upstream: Upstream, make_client: ClientFactory) -> None:
    # A 500 is a bug on the vendor's side: the same request will hit it again.
    upstream.script(Upstream.json({"message": "boom"}, status=500), OK)
    client = await make_client(retries=2, sleep=Sleeps())

    with pytest.raises(BackendUnavailable):
        await client.request("GET", "/things")

    assert len(upstream.hits) == 1


async def test_a_post_is_not_retried(upstream: Upstream, make_client: ClientFactory) -> None:
    upstream.script(UNAVAILABLE, OK)
    client = await make_client(retries=2, sleep=Sleeps())

    with pytest.raises(BackendUnavailable):
        await client.request("POST", "/orders", json={"sku": "A"})

    assert len(upstream.hits) == 1


async def test_a_post_the_caller_declares_idempotent_is_retried(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(UNAVAILABLE, OK)
    client = await make_client(retries=2, sleep=Sleeps())

    response = await client.request("POST", "/graphql", json={"query": "{ shop { name } }"}, idempotent=True)

    assert response.status == 200
    assert len(upstream.hits) == 2
    assert upstream.hits[0].body == upstream.hits[1].body == b'{"query":"{ shop { name } }"}'


async def test_a_get_the_caller_declares_not_idempotent_is_not_retried(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(UNAVAILABLE, OK)
    client = await make_client(retries=2, sleep=Sleeps())

    with pytest.raises(BackendUnavailable):
        await client.request("GET", "/counter/increment", idempotent=False)

    assert len(upstream.hits) == 1


async def test_a_dropped_connection_is_retried(upstream: Upstream, make_client: ClientFactory) -> None:
    upstream.script(Upstream.disconnect(), OK)
    client = await make_client(retries=1, sleep=Sleeps())

    response = await client.request("GET", "/things")

    assert response.status == 200
    assert len(upstream.hits) == 2


async def test_backoff_is_full_jitter_exponential_and_capped(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    # given a jitter that always picks the top of the range
    upstream.script(UNAVAILABLE)
    sleeps = Sleeps()
    client = await make_client(
        retries=4, retry_backoff_s=0.1, retry_max_backoff_s=0.3, sleep=sleeps, jitter=lambda: 1.0
    )

    # when
    with pytest.raises(BackendUnavailable):
        await client.request("GET", "/things")

    # then the ceiling doubles per attempt and stops at the cap
    assert sleeps.calls == pytest.approx([0.1, 0.2, 0.3, 0.3])


async def test_backoff_scales_with_the_jitter_draw(upstream: Upstream, make_client: ClientFactory) -> None:
    upstream.script(UNAVAILABLE, OK)
    sleeps = Sleeps()
    client = await make_client(retries=1, retry_backoff_s=0.1, sleep=sleeps, jitter=lambda: 0.25)

    await client.request("GET", "/things")

    assert sleeps.calls == pytest.approx([0.025])


async def test_retry_after_in_seconds_is_what_the_client_waits(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.json({"message": "slow down"}, status=429, headers={"Retry-After": "0.4"}), OK)
    sleeps = Sleeps()
    client = await make_client(retries=2, retry_max_backoff_s=1.0, sleep=sleeps, jitter=lambda: 1.0)

    response = await client.request("GET", "/things")

    assert response.status == 200
    assert sleeps.calls == [0.4]


async def test_retry_after_as_an_http_date_is_honoured(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    when = email.utils.formatdate(time.time() + 2, usegmt=True)
    upstream.script(Upstream.json({}, status=503, headers={"Retry-After": when}), OK)
    sleeps = Sleeps()
    client = await make_client(retries=1, retry_max_backoff_s=3.0, sleep=sleeps)

    await client.request("GET", "/things")

    # HTTP dates have a one-second resolution: the wait is in (1, 2].
    assert len(sleeps.calls) == 1
    assert 1.0 < sleeps.calls[0] <= 2.0


async def test_the_second_attempt_comes_after_the_retry_after_delay(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    # A real sleep, once, to show the wait happens on the wire too.
    upstream.script(Upstream.json({}, status=503, headers={"Retry-After": "0.2"}), OK)
    client = await make_client(retries=1)

    await client.request("GET", "/things")

    assert len(upstream.hits) == 2
    assert upstream.hits[1].at - upstream.hits[0].at >= 0.2


async def test_a_retry_after_longer_than_the_cap_fails_at_once_with_the_advice(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    # Retrying before the vendor's time would only burn quota: the caller gets the advice instead.
    upstream.script(Upstream.json({"message": "quota"}, status=429, headers={"Retry-After": "30"}), OK)
    sleeps = Sleeps()
    client = await make_client(retries=2, retry_max_backoff_s=1.0, sleep=sleeps)

    with pytest.raises(BackendRateLimited) as caught:
        await client.request("GET", "/things")

    assert caught.value.retry_after == 30
    assert sleeps.calls == []
    assert len(upstream.hits) == 1


async def test_a_retry_after_past_the_deadline_fails_at_once(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.json({}, status=503, headers={"Retry-After": "0.8"}), OK)
    sleeps = Sleeps()
    client = await make_client(retries=2, retry_max_backoff_s=1.0, timeout_s=0.5, sleep=sleeps)

    with pytest.raises(BackendUnavailable):
        await client.request("GET", "/things")

    assert sleeps.calls == []
    assert len(upstream.hits) == 1


async def test_a_huge_503_body_does_not_starve_a_one_connection_pool(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    # given a pool of one connection and 503s carrying 4 MiB each
    huge = Upstream.raw(b"x" * (4 * 1024 * 1024), status=503)
    upstream.script(huge, huge, OK)
    client = await make_client(pool_size=1, retries=2, timeout_s=3.0, sleep=Sleeps())

    # when
    response = await client.request("GET", "/things")

    # then each failed answer gave its connection back (else the next attempt would wait for the pool
    # until the deadline and fail with BackendTimeout)
    assert response.status == 200
    assert len(upstream.hits) == 3
