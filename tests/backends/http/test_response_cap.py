"""A successful answer is read up to the backend's `max_response_bytes` and refused beyond it.

The refusal is a `BackendBadResponse` naming the service and the cap, raised as soon as the answer
proves too large: from its declared length before the body is read, or at the first chunk over the
cap when it has no length (chunked) or is compressed (the cap is on what it decodes to).
"""

from __future__ import annotations

import contextlib
import gzip
from collections.abc import Awaitable

import pytest
from aiohttp import web

from gateway.backends.http.errors import BackendBadResponse, BackendRequestError
from gateway.backends.http.response import BackendResponse
from gateway.backends.http.settings import DEFAULT_MAX_RESPONSE_BYTES, BackendSettings

from .conftest import Answer, ClientFactory, Upstream

CAP = 64 * 1024


def padded(size: int) -> bytes:
    """A JSON document of exactly `size` bytes."""
    return b'"' + b"x" * (size - 2) + b'"'


def endless(upstream: Upstream) -> Answer:
    """A JSON answer that never ends (until the test does): only a reader that stops can return."""

    async def answer(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        await response.prepare(request)
        with contextlib.suppress(ConnectionError):
            await response.write(b'"')
            while not upstream.release.is_set():
                await response.write(b"x" * 16384)
        return response

    return answer


def declared_then_silent(upstream: Upstream, length: int) -> Answer:
    """Headers declaring `length` bytes, then no body at all until the test ends."""

    async def answer(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.content_length = length
        await response.prepare(request)
        await upstream.release.wait()
        return response

    return answer


async def refused(call: Awaitable[BackendResponse]) -> BackendBadResponse:
    with pytest.raises(BackendBadResponse) as raised:
        await call
    return raised.value


async def test_an_answer_over_the_cap_is_a_bad_response_naming_service_and_cap(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.raw(padded(CAP + 1), content_type="application/json"))
    client = await make_client(max_response_bytes=CAP, retries=2)

    error = await refused(client.request("GET", "/big"))

    assert error.service == "vendor"
    assert (
        str(error) == f"vendor: GET /big: answer larger than the {CAP:,} bytes allowed (max_response_bytes)"
    )
    assert len(upstream.hits) == 1  # a bad answer is not asked again
    assert client.metrics.failures["BACKEND_BAD_RESPONSE"] == 1


async def test_an_answer_of_exactly_the_cap_is_read_whole(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(Upstream.raw(padded(CAP), content_type="application/json"))
    client = await make_client(max_response_bytes=CAP)

    response = await client.request("GET", "/big")

    assert response.body == padded(CAP)


async def test_an_endless_answer_is_refused_once_past_the_cap(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    # Read whole, this answer would end in a timeout, never in a bad response.
    upstream.script(endless(upstream))
    client = await make_client(max_response_bytes=CAP, timeout_s=30)

    error = await refused(client.request("GET", "/stream"))

    assert f"{CAP:,} bytes" in str(error)


async def test_a_declared_length_over_the_cap_is_refused_before_the_body(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    # No body ever comes: waiting for it would end in a timeout.
    upstream.script(declared_then_silent(upstream, 30 * 1024 * 1024))
    client = await make_client(max_response_bytes=CAP, timeout_s=30)

    error = await refused(client.request("GET", "/declared"))

    assert "max_response_bytes" in str(error)


async def test_the_cap_is_on_the_decoded_body_of_a_compressed_answer(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    compressed = gzip.compress(padded(4 * CAP))
    assert len(compressed) < CAP
    upstream.script(
        Upstream.raw(compressed, content_type="application/json", headers={"Content-Encoding": "gzip"})
    )
    client = await make_client(max_response_bytes=CAP)

    await refused(client.request("GET", "/zipped"))


async def test_a_call_may_set_its_own_cap(upstream: Upstream, make_client: ClientFactory) -> None:
    upstream.script(Upstream.raw(padded(2 * CAP), content_type="image/jpeg"))
    client = await make_client(max_response_bytes=CAP)

    response = await client.request("GET", "/media", max_bytes=4 * CAP)
    error = await refused(client.request("GET", "/media", max_bytes=CAP // 2))

    assert len(response.body) == 2 * CAP
    assert f"{CAP // 2:,} bytes" in str(error)


async def test_a_refused_answer_leaves_the_pool_usable(
    upstream: Upstream, make_client: ClientFactory
) -> None:
    upstream.script(
        Upstream.raw(padded(4 * CAP), content_type="application/json"), Upstream.json({"ok": True})
    )
    client = await make_client(max_response_bytes=CAP, pool_size=1, max_concurrency=1)

    await refused(client.request("GET", "/big"))
    response = await client.request("GET", "/small")

    assert response.json() == {"ok": True}


async def test_error_answers_keep_their_own_bound(upstream: Upstream, make_client: ClientFactory) -> None:
    # an error body is cut to the vendor's message, whatever its size: not a bad response
    upstream.script(Upstream.raw(padded(4 * CAP), status=422, content_type="application/json"))
    client = await make_client(max_response_bytes=CAP)

    with pytest.raises(BackendRequestError) as raised:
        await client.request("GET", "/refused")

    assert raised.value.status == 422


def test_the_default_cap_and_its_validation() -> None:
    assert BackendSettings(name="vendor", url="http://x").max_response_bytes == DEFAULT_MAX_RESPONSE_BYTES
    assert DEFAULT_MAX_RESPONSE_BYTES == 16 * 1024 * 1024
    with pytest.raises(ValueError, match="max_response_bytes must be >= 1"):
        BackendSettings(name="vendor", url="http://x", max_response_bytes=0)
