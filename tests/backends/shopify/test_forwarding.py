"""The Storefront connector: one POST per operation, Shopify's answer as it came, or Shopify's fault named."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from gateway.backends.http.errors import (
    BackendAuthError,
    BackendBadResponse,
    BackendRateLimited,
    BackendUnavailable,
)
from gateway.backends.shopify.forwarding import BUYER_IP_HEADER, StorefrontForwarder
from gateway.models.caller import Caller
from sandbox.runner import Sandbox
from tests.backends.http.conftest import Upstream

from .conftest import ForwarderFactory


async def test_an_operation_is_one_post_with_the_token_and_the_buyer_ip(
    scripted: StorefrontForwarder, upstream: Upstream
) -> None:
    upstream.script(Upstream.json({"data": {"shop": {"name": "Demo"}}, "extensions": {"cost": {}}}))

    answer = await scripted.forward(
        "query Shop { shop { name } }",
        {"x": 1},
        "Shop",
        mutation=False,
        caller=Caller(buyer_ip="203.0.113.9"),
    )

    assert answer == {"data": {"shop": {"name": "Demo"}}, "extensions": {"cost": {}}}
    (hit,) = upstream.hits
    assert (hit.method, hit.path) == ("POST", "/api/2026-04/graphql.json")
    assert hit.headers["X-Shopify-Storefront-Access-Token"]
    assert hit.headers[BUYER_IP_HEADER] == "203.0.113.9"
    assert orjson.loads(hit.body) == {
        "query": "query Shop { shop { name } }",
        "variables": {"x": 1},
        "operationName": "Shop",
    }


async def test_shopifys_own_errors_come_back_as_an_answer(
    scripted: StorefrontForwarder, upstream: Upstream
) -> None:
    refusal = {"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}]}
    upstream.script(Upstream.json(refusal))

    assert await scripted.forward("{ shop { name } }", {}, None, mutation=False) == refusal


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"data": "yes"},
        {"data": [1]},
        {"errors": "wrong"},
        {"errors": ["wrong"]},
        {"data": {}, "extensions": []},
        {"neither": {}},
    ],
    ids=[
        "a-list",
        "data-a-string",
        "data-a-list",
        "errors-a-string",
        "errors-of-strings",
        "extensions-a-list",
        "empty",
    ],
)
async def test_an_answer_that_is_no_graphql_response_is_shopifys_fault(
    scripted: StorefrontForwarder, upstream: Upstream, body: Any
) -> None:
    upstream.script(Upstream.json(body))

    with pytest.raises(BackendBadResponse) as raised:
        await scripted.forward("{ shop { name } }", {}, None, mutation=False)

    assert raised.value.service == "shopify"


async def test_a_query_is_retried_and_a_mutation_never(
    make_forwarder: ForwarderFactory, upstream: Upstream
) -> None:
    client = await make_forwarder(upstream.url, retries=2)
    upstream.script(Upstream.json({"error": "boom"}, status=502), Upstream.json({"data": {}}))

    assert await client.forward("{ shop { name } }", {}, None, mutation=False) == {"data": {}}
    assert len(upstream.hits) == 2

    upstream.hits.clear()
    with pytest.raises(BackendUnavailable):
        await client.forward("mutation { cartCreate { cart { id } } }", {}, None, mutation=True)
    assert len(upstream.hits) == 1


async def test_the_readiness_check_asks_the_emulator_for_the_shop(forwarder: StorefrontForwarder) -> None:
    assert await forwarder.check() is True


async def test_the_readiness_check_names_a_refused_token(
    emulator: Sandbox, make_forwarder: ForwarderFactory
) -> None:
    stranger = await make_forwarder(emulator.urls["shopify"], token="not-the-shops-token")

    with pytest.raises(BackendAuthError):
        await stranger.check()


async def test_the_readiness_check_names_a_throttle(
    scripted: StorefrontForwarder, upstream: Upstream
) -> None:
    upstream.script(
        Upstream.json({"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}]})
    )

    with pytest.raises(BackendRateLimited):
        await scripted.check()


async def test_the_emulator_answers_a_forwarded_operation(forwarder: StorefrontForwarder) -> None:
    answer = await forwarder.forward(
        "query($n: Int!) { products(first: $n) { nodes { handle } } }", {"n": 2}, None, mutation=False
    )

    assert len(answer["data"]["products"]["nodes"]) == 2
