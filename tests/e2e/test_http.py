"""GraphQL over HTTP: methods, media types, status codes and refusals, as the spec says."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from sandbox.runner import Sandbox
from tests.harness import Gateway, gateway_config, running_gateway

SHOP_NAME = "query ShopName { shop { name } }"
GRAPHQL_RESPONSE = "application/graphql-response+json"


async def post_raw(gateway: Gateway, body: bytes, **headers: str) -> tuple[int, str, dict]:  # type: ignore[type-arg]
    async with gateway.http.post(
        f"{gateway.url}/graphql", data=body, headers={"Content-Type": "application/json", **headers}
    ) as response:
        return (
            response.status,
            response.headers.get("Content-Type", ""),
            await response.json(content_type=None),
        )


async def test_post_query_answers_json(gateway: Gateway, sandbox: Sandbox) -> None:
    status, content_type, body = await post_raw(gateway, json.dumps({"query": SHOP_NAME}).encode())

    assert status == 200
    assert content_type.startswith("application/json")
    assert body["data"] == {"shop": {"name": sandbox.world.shop.name}}
    assert body["extensions"]["cost"]["requestedQueryCost"] == 1


async def test_get_query_with_variables(gateway: Gateway) -> None:
    query = "query P($handle: String!) { product(handle: $handle) { handle } }"
    params = {"query": query, "variables": json.dumps({"handle": "no-such-product"})}
    async with gateway.http.get(f"{gateway.url}/graphql", params=params) as response:
        assert response.status == 200
        body = await response.json()
        assert body["data"] == {"product": None}
        assert "errors" not in body


async def test_mutation_over_get_is_405(gateway: Gateway) -> None:
    params = {"query": "mutation { cartCreate { cart { id } } }"}
    async with gateway.http.get(f"{gateway.url}/graphql", params=params) as response:
        assert response.status == 405
        assert response.headers["Allow"] == "POST"
        body = await response.json()
    assert body["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "Batched requests are not supported"),
        (b'"a string"', "must be a JSON object"),
        (b"{}", "has no GraphQL query"),
        (b'{"query": 42}', "has no GraphQL query"),
        (b'{"query": "{ shop { name } }", "variables": [1]}', "`variables` must be a JSON object"),
        (b'{"query": "{ shop { name } }", "operationName": 7}', "`operationName` must be a string"),
    ],
)
async def test_malformed_requests_are_400(gateway: Gateway, body: bytes, message: str) -> None:
    status, _, answer = await post_raw(gateway, body)

    assert status == 400
    assert message in answer["errors"][0]["message"]
    assert "data" not in answer


async def test_wrong_content_type_is_415(gateway: Gateway) -> None:
    async with gateway.http.post(
        f"{gateway.url}/graphql", data=SHOP_NAME, headers={"Content-Type": "text/plain"}
    ) as response:
        assert response.status == 415


@pytest.mark.parametrize(
    ("query", "variables", "message"),
    [
        ("{ shop { nope } }", None, "Cannot query field 'nope' on type 'Shop'."),
        ("{ shop { name }", None, "Syntax Error"),
        (
            "query P($h: String!) { product(handle: $h) { id } }",
            {"h": 3},
            "String cannot represent a non string value",
        ),
        (
            "query P($h: String!) { product(handle: $h) { id } }",
            {},
            "Expected a value of non-null type 'String!' to be provided.",
        ),
    ],
)
async def test_invalid_documents_are_200_as_json_and_400_as_graphql_response(
    gateway: Gateway,
    query: str,
    variables: dict[str, Any] | None,
    message: str,
) -> None:
    payload = json.dumps({"query": query, "variables": variables}).encode()

    legacy = await post_raw(gateway, payload)
    modern = await post_raw(gateway, payload, Accept=GRAPHQL_RESPONSE)

    assert legacy[0] == 200
    assert modern[0] == 400
    assert modern[1].startswith(GRAPHQL_RESPONSE)
    for _, _, body in (legacy, modern):
        assert message in body["errors"][0]["message"]
        assert "data" not in body


async def test_unacceptable_accept_header_is_406(gateway: Gateway) -> None:
    status, _, _ = await post_raw(gateway, json.dumps({"query": SHOP_NAME}).encode(), Accept="text/plain")

    assert status == 406


async def test_oversized_body_is_413(clean_sandbox: Sandbox) -> None:
    config = gateway_config(clean_sandbox, limits={"max_body_bytes": 2048})
    async with running_gateway(config) as small:
        padding = " " * 4096
        async with small.http.post(f"{small.url}/graphql", json={"query": SHOP_NAME + padding}) as response:
            assert response.status == 413


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "{ " + " ".join(f"a{i}: shop {{ name }}" for i in range(40)) + " }",
            "40 aliases found. Allowed: 30",
        ),
        (
            '{ node(id: "gid://shopify/Product/1") { ... on Product { '
            + "variants(first: 1) { nodes { product { " * 6
            + "id"
            + " } } }" * 6
            + " } } }",
            "exceeds maximum operation depth",
        ),
        ("{ shop { " + "name " * 6000 + "} }", "Document contains more than"),
    ],
)
async def test_hostile_documents_are_refused(gateway: Gateway, query: str, message: str) -> None:
    body = await gateway.query(query)

    assert "data" not in body
    assert message in body["errors"][0]["message"]


async def test_graphiql_only_when_enabled(clean_sandbox: Sandbox, gateway: Gateway) -> None:
    async with gateway.http.get(f"{gateway.url}/graphql", headers={"Accept": "text/html"}) as response:
        assert response.status == 406  # off by default: no HTML, and the client accepts nothing else

    async with (
        running_gateway(gateway_config(clean_sandbox, server={"graphiql": True})) as with_ide,
        with_ide.http.get(f"{with_ide.url}/graphql", headers={"Accept": "text/html"}) as response,
    ):
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/html")
        assert "graphiql" in (await response.text()).lower()


async def test_health_and_readiness(gateway: Gateway) -> None:
    async with gateway.http.get(f"{gateway.url}/healthz") as response:
        assert response.status == 200

    for _ in range(100):  # the first round of checks runs in the background at start
        async with gateway.http.get(f"{gateway.url}/readyz") as response:
            report = await response.json()
            if response.status == 200:
                break
        await asyncio.sleep(0.05)
    assert report == {"status": "ready"}  # the plain probe's answer stays small
    async with gateway.http.get(f"{gateway.url}/readyz?verbose") as response:
        verbose = await response.json()
    assert set(verbose["backends"]) == {"shopify", "odoo", "akeneo", "hubspot", "intercom"}
