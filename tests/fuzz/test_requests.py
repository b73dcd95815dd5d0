"""Never a 5xx from input: generated and hostile requests against the real gateway over HTTP.

Every answer is checked the same way: a status below 500, a JSON body where JSON is promised, no
traceback, and no internal address (the emulators' URLs) anywhere in it. `make fuzz` runs many more
examples than `make test` (COMMERCE_GATEWAY_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import io
import json
import time
from typing import Any

import pytest
from graphql import GraphQLSchema, build_client_schema, get_introspection_query
from hypothesis import HealthCheck, given, settings, strategies as st
from hypothesis_graphql import strategies as graphql_strategies

from sandbox.runner import Sandbox
from tests.harness import Gateway

from .conftest import EXAMPLES, TALLY
from .strategies import (
    RAW_BODIES,
    body_of,
    bogus_arguments,
    deep_nesting,
    floods,
    fragment_graphs,
    wrong_variables,
)

API = "/api/2026-04/graphql.json"
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


async def send(gateway: Gateway, sandbox: Sandbox, body: bytes, path: str = "/graphql") -> tuple[int, str]:
    started = time.perf_counter()
    # A stream, not bytes: aiohttp warns (an error here) on a raw body over 1 MB, which floods reach.
    async with gateway.http.post(
        f"{gateway.url}{path}", data=io.BytesIO(body), headers={"Content-Type": "application/json"}
    ) as response:
        text = await response.text(errors="replace")
        status = response.status
    TALLY.requests += 1
    TALLY.slowest_s = max(TALLY.slowest_s, time.perf_counter() - started)
    TALLY.statuses[status] = TALLY.statuses.get(status, 0) + 1
    leaked = "Traceback" in text or any(url.split("//")[1] in text for url in sandbox.urls.values())
    TALLY.server_errors += status >= 500
    TALLY.leaks += leaked
    assert status < 500, text[:500]
    assert not leaked, text[:500]
    if response.content_type.endswith("json"):
        json.loads(text)
    return status, text


@FUZZ
@given(query=fragment_graphs() | floods() | deep_nesting())
async def test_hostile_documents(gateway: Gateway, clean_sandbox: Sandbox, query: str) -> None:
    for path in ("/graphql", API):
        await send(gateway, clean_sandbox, body_of(query), path)


@FUZZ
@given(request=bogus_arguments() | wrong_variables())
async def test_bogus_values(gateway: Gateway, clean_sandbox: Sandbox, request: tuple[str, Any]) -> None:
    query, variables = request
    for path in ("/graphql", API):
        await send(gateway, clean_sandbox, body_of(query, variables), path)


@FUZZ
@given(body=RAW_BODIES)
async def test_bodies_that_are_not_graphql_requests(
    gateway: Gateway, clean_sandbox: Sandbox, body: bytes
) -> None:
    for path in ("/graphql", API):
        await send(gateway, clean_sandbox, body, path)


@pytest.fixture
async def composed_schema(gateway: Gateway, clean_sandbox: Sandbox) -> GraphQLSchema:
    """The schema the forwarding path serves, as its introspection shows it."""
    _, text = await send(gateway, clean_sandbox, body_of(get_introspection_query()), API)
    return build_client_schema(json.loads(text)["data"])


@FUZZ
@given(data=st.data())
async def test_generated_queries_of_the_composed_schema(
    gateway: Gateway, clean_sandbox: Sandbox, composed_schema: GraphQLSchema, data: st.DataObject
) -> None:
    roots = ["shop", "product", "products", "collection", "search", "nodes", "page", "blogs", "menu"]
    query = data.draw(
        graphql_strategies.queries(composed_schema, fields=roots, allow_x00=False), label="query"
    )
    await send(gateway, clean_sandbox, body_of(str(query)), API)
