"""The concurrency cap: the backend never sees more calls at once than `max_concurrency`."""

from __future__ import annotations

import asyncio

from tests.backends.http.conftest import ClientFactory, Upstream


async def test_the_backend_sees_at_most_max_concurrency_calls_in_flight(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    # given
    upstream.script(Upstream.slow(0.03))
    client = await make_client(max_concurrency=3, pool_size=10)

    # when
    responses = await asyncio.gather(*(client.request("GET", f"/things/{n}") for n in range(12)))

    # then
    assert all(response.status == 200 for response in responses)
    assert len(upstream.hits) == 12
    assert upstream.max_in_flight == 3
    assert client.metrics.in_flight == 0
    assert client.metrics.waiting == 0


async def test_the_cap_is_per_backend_client(upstream: Upstream, make_client: ClientFactory) -> None:
    upstream.script(Upstream.slow(0.03))
    first = await make_client(max_concurrency=2)
    second = await make_client(max_concurrency=2)

    await asyncio.gather(*(client.request("GET", "/x") for client in (first, second) for _ in range(4)))

    assert upstream.max_in_flight == 4
