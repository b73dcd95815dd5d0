"""A backend answering garbage with a success status costs only its own fields, like a backend down.

The gateway runs against the sandbox with a garbage server in front of one emulator: it forwards
every request and spoils one route's answer. The answer then has that backend's fields null, with
an error saying `BACKEND_BAD_RESPONSE` and naming the service (never an anonymous internal error),
everything else intact, and a value cached before the garbage is served stale. Media files, far
larger than JSON answers, are read up to a cap of their own.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest

from sandbox.runner import Sandbox
from sandbox.seed import World
from tests.backends.garbage import (
    GarbageServer,
    Spoil,
    garbage_server,
    not_json,
    oversized,
    replaced,
    truncated,
)
from tests.harness import gateway_config, running_gateway

PAGE = """
query {
  products(first: 3) {
    nodes { title content { name } variants(first: 2) { nodes { sku quantityAvailable stock { available } } } }
  }
}
"""
PRODUCTS = "/api/rest/v1/products-uuid"
QUANTS = "/json/2/stock.quant/search_read"
CAP = 1024 * 1024
"""The PIM's size cap here, far above a page of products."""
INT_MAX = 2**31 - 1

GarbageFactory = Callable[[str], AbstractAsyncContextManager[GarbageServer]]


@pytest.fixture
def garbage_in_front(clean_sandbox: Sandbox) -> GarbageFactory:
    """`async with garbage_in_front("akeneo") as garbage`: a garbage server forwarding to that emulator."""
    return lambda vendor: garbage_server(upstream=clean_sandbox.urls[vendor])


def _errors(body: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (e["extensions"].get("service", "?"), e["extensions"]["code"], e["path"][-1])
        for e in body.get("errors", [])
    ]


def _no_embedded(answer: dict[str, Any]) -> dict[str, Any]:
    return {**answer, "_embedded": None}


def _values_a_string(answer: dict[str, Any]) -> dict[str, Any]:
    answer["_embedded"]["items"][0]["values"] = "garbage"
    return answer


def _uuid_a_list(answer: dict[str, Any]) -> dict[str, Any]:
    answer["_embedded"]["items"][0]["uuid"] = [answer["_embedded"]["items"][0]["uuid"]]
    return answer


PIM_GARBAGE = [
    pytest.param(PRODUCTS, replaced(_no_embedded), id="embedded-null"),
    pytest.param(PRODUCTS, replaced(_values_a_string), id="a-string-where-an-object-was"),
    pytest.param(PRODUCTS, replaced(_uuid_a_list), id="a-list-where-a-string-was"),
    pytest.param(PRODUCTS, truncated(), id="truncated"),
    pytest.param(PRODUCTS, oversized(2 * CAP), id="oversized"),
    pytest.param("/api/rest/v1/attributes", replaced(_no_embedded), id="structure-embedded-null"),
]


@pytest.mark.parametrize(("route", "spoil"), PIM_GARBAGE)
async def test_pim_garbage_nulls_only_content_with_a_bad_response_from_akeneo(
    clean_sandbox: Sandbox, garbage_in_front: GarbageFactory, route: str, spoil: Spoil
) -> None:
    async with garbage_in_front("akeneo") as garbage:
        garbage.spoil(route, spoil)
        config = gateway_config(
            clean_sandbox, backends={"akeneo": {"url": garbage.url, "max_response_bytes": CAP}}
        )
        async with running_gateway(config) as gateway:
            body = await gateway.query(PAGE)

    products = body["data"]["products"]["nodes"]
    assert all(p["title"] for p in products)
    assert all(p["content"] is None for p in products)
    variants = [v for p in products for v in p["variants"]["nodes"]]
    assert all(v["stock"] is not None and v["sku"] for v in variants)
    assert set(_errors(body)) == {("akeneo", "BACKEND_BAD_RESPONSE", "content")}
    assert len(body["errors"]) == len(products)


async def test_content_cached_before_the_garbage_is_served_stale(
    clean_sandbox: Sandbox, garbage_in_front: GarbageFactory
) -> None:
    async with garbage_in_front("akeneo") as garbage:
        config = gateway_config(
            clean_sandbox,
            backends={"akeneo": {"url": garbage.url}},
            cache={"ttl": {"content": 0.2}, "max_stale_s": 60},
        )
        async with running_gateway(config) as gateway:
            fresh = await gateway.data(PAGE)
            garbage.spoil(PRODUCTS, replaced(_no_embedded))
            await asyncio.sleep(0.3)  # the cached content is now past its TTL: it is asked for again

            body = await gateway.query(PAGE)

    assert all(p["content"] is not None for p in fresh["products"]["nodes"])
    assert "errors" not in body
    assert body["data"] == fresh
    stale = body["extensions"]["stale"]
    assert [(s["service"], s["dataClass"]) for s in stale] == [("akeneo", "content")]


def _every_quantity(quantity: float) -> Spoil:
    return replaced(lambda rows: [row | {"quantity": quantity} for row in rows])


@pytest.mark.parametrize("quantity", [3_000_000_000, 3e9, 1e30, float("nan")], ids=str)
async def test_erp_quantities_the_schema_cannot_carry_are_a_bad_response_from_odoo(
    clean_sandbox: Sandbox, garbage_in_front: GarbageFactory, quantity: float
) -> None:
    async with garbage_in_front("odoo") as garbage:
        garbage.spoil(QUANTS, _every_quantity(quantity))
        config = gateway_config(clean_sandbox, backends={"odoo": {"url": garbage.url}})
        async with running_gateway(config) as gateway:
            body = await gateway.query(PAGE)

    variants = [v for p in body["data"]["products"]["nodes"] for v in p["variants"]["nodes"]]
    assert all(v["stock"] is None for v in variants)
    # availability falls back to Shopify's own figure, which fits the schema's Int
    assert all(v["quantityAvailable"] is None or abs(v["quantityAvailable"]) <= INT_MAX for v in variants)
    assert body["extensions"]["fallbacks"] == ["odoo"]
    assert set(_errors(body)) == {("odoo", "BACKEND_BAD_RESPONSE", "stock")}
    assert all(p["content"] is not None for p in body["data"]["products"]["nodes"])


JSON_CAP = 320
"""Above a token grant (about 270 bytes), below the emulator's smallest image."""


@pytest.mark.parametrize(
    ("max_media_bytes", "status"), [(None, 200), (JSON_CAP, 502)], ids=["default", "capped"]
)
async def test_media_files_are_served_up_to_the_pims_media_cap(
    clean_sandbox: Sandbox, world: World, max_media_bytes: int | None, status: int
) -> None:
    code = world.products[0].content.media[0].code
    akeneo: dict[str, Any] = {"max_response_bytes": JSON_CAP}
    if max_media_bytes is not None:
        akeneo["max_media_bytes"] = max_media_bytes
    async with (
        running_gateway(gateway_config(clean_sandbox, backends={"akeneo": akeneo})) as gateway,
        gateway.http.get(f"{gateway.url}/media/akeneo/{code}") as response,
    ):
        answer = await response.read()

    assert response.status == status
    if status == 502:
        assert json.loads(answer)["code"] == "BACKEND_BAD_RESPONSE"
    else:  # larger than the JSON cap: media have a cap of their own
        assert answer.startswith(b"\xff\xd8")
        assert len(answer) > JSON_CAP


STOREFRONT = "/api/2026-04/graphql.json"
LISTING = "{ products(first: 3) { nodes { handle title variants(first: 2) { nodes { sku } } } } }"


def _first_title_a_list(answer: dict[str, Any]) -> dict[str, Any]:
    first = answer["data"]["products"]["nodes"][0]
    first["title"] = [first["title"]]
    return answer


def _variants_a_string(answer: dict[str, Any]) -> dict[str, Any]:
    answer["data"]["products"]["nodes"][1]["variants"] = "garbage"
    return answer


@pytest.mark.parametrize(
    ("spoil", "path"),
    [
        pytest.param(
            replaced(_first_title_a_list), ["products", "nodes", 0, "title"], id="a-list-where-a-string-was"
        ),
        pytest.param(
            replaced(_variants_a_string),
            ["products", "nodes", 1, "variants"],
            id="a-string-where-an-object-was",
        ),
    ],
)
async def test_a_misshapen_value_from_shopify_costs_that_value_named_as_shopifys(
    clean_sandbox: Sandbox, garbage_in_front: GarbageFactory, spoil: Spoil, path: list[str | int]
) -> None:
    async with garbage_in_front("shopify") as garbage:
        config = gateway_config(clean_sandbox, backends={"shopify": {"url": garbage.url}})
        async with running_gateway(config) as gateway:
            garbage.spoil(STOREFRONT, spoil)
            body = await gateway.query(LISTING)

    assert [(e["path"], e["extensions"]) for e in body["errors"]] == [
        (path, {"code": "BACKEND_BAD_RESPONSE", "service": "shopify"})
    ]
    # The misshapen value is non-null in the schema: its null reaches the nearest nullable parent,
    # here the whole answer (`products` and its `nodes` are non-null too), as graphql-core would do it.
    assert body["data"] is None


async def test_a_misshapen_value_in_a_nullable_place_costs_only_that_value(
    clean_sandbox: Sandbox, garbage_in_front: GarbageFactory
) -> None:
    def second_featured_image_a_string(answer: dict[str, Any]) -> dict[str, Any]:
        answer["data"]["products"]["nodes"][1]["featuredImage"] = "garbage"
        return answer

    query = "{ products(first: 3) { nodes { handle featuredImage { url } } } }"
    async with garbage_in_front("shopify") as garbage:
        config = gateway_config(clean_sandbox, backends={"shopify": {"url": garbage.url}})
        async with running_gateway(config) as gateway:
            garbage.spoil(STOREFRONT, replaced(second_featured_image_a_string))
            body = await gateway.query(query)

    assert [e["path"] for e in body["errors"]] == [["products", "nodes", 1, "featuredImage"]]
    nodes = body["data"]["products"]["nodes"]
    assert nodes[1] == {"handle": nodes[1]["handle"], "featuredImage": None}
    assert all(node["handle"] for node in nodes)
    assert nodes[0]["featuredImage"]["url"]


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(replaced(lambda answer: {"data": "garbage"}), id="data-a-string"),
        pytest.param(replaced(lambda answer: [answer]), id="a-list"),
        pytest.param(truncated(), id="truncated"),
        pytest.param(not_json("text/html"), id="a-proxy-page"),
    ],
)
async def test_an_answer_from_shopify_that_is_no_graphql_response_is_a_bad_response(
    clean_sandbox: Sandbox, garbage_in_front: GarbageFactory, spoil: Spoil
) -> None:
    async with garbage_in_front("shopify") as garbage:
        config = gateway_config(clean_sandbox, backends={"shopify": {"url": garbage.url, "retries": 0}})
        async with running_gateway(config) as gateway:
            garbage.spoil(STOREFRONT, spoil)
            body = await gateway.query(LISTING)

    assert body["data"] is None
    assert [e["extensions"] for e in body["errors"]] == [
        {"code": "BACKEND_BAD_RESPONSE", "service": "shopify"}
    ]
