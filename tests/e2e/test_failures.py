"""A failing backend costs only its own fields: null, with an error naming it; the rest is intact."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from sandbox.runner import Sandbox
from tests.harness import Gateway, gateway_config, running_gateway, set_faults

PAGE = """
query { products(first: 3) { nodes { title content { name } variants(first: 2) { nodes { sku availableForSale stock { available } } } } } }
"""


def _errors_by_service(body: dict[str, Any]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for error in body.get("errors", []):
        extensions = error.get("extensions", {})
        found.setdefault(extensions.get("service", "?"), set()).add(extensions.get("code"))
    return found


async def test_pim_down_nulls_only_content(gateway: Gateway, clean_sandbox: Sandbox) -> None:
    await set_faults(clean_sandbox, "akeneo", down=True)

    body = await gateway.query(PAGE)

    products = body["data"]["products"]["nodes"]
    assert all(p["title"] for p in products)
    assert all(p["content"] is None for p in products)
    assert all(v["stock"] is not None for p in products for v in p["variants"]["nodes"])
    assert _errors_by_service(body) == {"akeneo": {"BACKEND_UNAVAILABLE"}}
    assert all(e["path"][-1] == "content" for e in body["errors"])


async def test_erp_down_nulls_stock_and_falls_back_for_availability(
    gateway: Gateway, clean_sandbox: Sandbox
) -> None:
    await set_faults(clean_sandbox, "odoo", down=True)

    body = await gateway.query(PAGE)

    variants = [v for p in body["data"]["products"]["nodes"] for v in p["variants"]["nodes"]]
    assert all(v["stock"] is None for v in variants)
    assert all(isinstance(v["availableForSale"], bool) for v in variants)  # Shopify's figure stands in
    assert body["extensions"]["fallbacks"] == ["odoo"]
    assert _errors_by_service(body) == {"odoo": {"BACKEND_UNAVAILABLE"}}


async def test_shopify_down_fails_the_catalog_not_the_server(
    gateway: Gateway, clean_sandbox: Sandbox
) -> None:
    await set_faults(clean_sandbox, "shopify", down=True)

    body = await gateway.query(PAGE)

    assert body["data"] is None  # `products` is non-null in the Storefront API
    assert _errors_by_service(body) == {"shopify": {"BACKEND_UNAVAILABLE"}}


async def test_a_hanging_backend_costs_its_timeout_then_nothing_once_its_breaker_opens(
    clean_sandbox: Sandbox,
) -> None:
    config = gateway_config(
        clean_sandbox,
        backends={"akeneo": {"timeout_s": 0.5, "retries": 0, "breaker_failures": 2, "breaker_reset_s": 60}},
        cache={"ttl": {"content": 0}, "max_stale_s": 0},
    )
    async with running_gateway(config) as gateway:
        await gateway.data(PAGE)  # token and structure fetched while healthy
        await set_faults(clean_sandbox, "akeneo", hang=True)

        timings = []
        for _ in range(3):
            started = time.perf_counter()
            body = await gateway.query(PAGE)
            timings.append(time.perf_counter() - started)
            assert all(p["title"] for p in body["data"]["products"]["nodes"])
            assert "akeneo" in _errors_by_service(body)

        assert _errors_by_service(body)["akeneo"] == {"BACKEND_UNAVAILABLE"}  # the breaker is open
        assert timings[0] < 0.5 + 0.5  # within the backend's timeout (plus the page's own work)
        assert timings[-1] < 0.5  # fails fast: no wait on the open breaker


async def test_stale_stock_is_served_when_the_erp_fails(clean_sandbox: Sandbox) -> None:
    config = gateway_config(clean_sandbox, cache={"ttl": {"stock": 0.2}, "max_stale_s": 60})
    async with running_gateway(config) as gateway:
        fresh = await gateway.data(PAGE)
        await set_faults(clean_sandbox, "odoo", down=True)
        await asyncio.sleep(0.3)

        body = await gateway.query(PAGE)

    assert "errors" not in body
    assert body["data"] == fresh
    stale = body["extensions"]["stale"]
    assert [(s["service"], s["dataClass"]) for s in stale] == [("odoo", "stock")]
    assert stale[0]["ageSeconds"] >= 0.2


@pytest.fixture
async def garbage_pim() -> AsyncIterator[str]:
    """A server at the PIM's address that answers 200 with garbage, as a broken proxy might."""

    async def garbage(request: web.Request) -> web.Response:
        if request.path == "/api/oauth/v1/token":
            return web.json_response({"access_token": "t", "expires_in": 3600, "refresh_token": "r"})
        return web.Response(text="<html>not json</html>", content_type="text/html")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", garbage)
    async with TestServer(app, host="127.0.0.1") as server:
        yield str(server.make_url("")).rstrip("/")


async def test_garbage_from_a_backend_is_a_bad_response(clean_sandbox: Sandbox, garbage_pim: str) -> None:
    config = gateway_config(clean_sandbox, backends={"akeneo": {"url": garbage_pim}})
    async with running_gateway(config) as gateway:
        body = await gateway.query(PAGE)

    assert all(p["content"] is None for p in body["data"]["products"]["nodes"])
    assert _errors_by_service(body) == {"akeneo": {"BACKEND_BAD_RESPONSE"}}
    assert all("<html>" not in e["message"] for e in body["errors"])


async def test_unexpected_errors_are_masked(
    gateway: Gateway, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = gateway.app.state.gateway.services

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret token sk-123 at http://internal:9999")

    monkeypatch.setattr(services.content, "content_by_skus", broken)

    handle = sandbox.world.products[0].handle
    query = f'{{ product(handle: "{handle}") {{ content {{ name }} }} }}'
    body = await gateway.query(query)

    assert body["data"] == {"product": {"content": None}}
    assert body["errors"] == [
        {
            "message": "Internal server error.",
            "locations": [{"line": 1, "column": query.index("content") + 1}],
            "path": ["product", "content"],
            "extensions": {"code": "INTERNAL_SERVER_ERROR"},
        }
    ]
    assert "sk-123" not in str(body)


@pytest.mark.parametrize(("vendor", "field"), [("akeneo", "content"), ("odoo", "stock")])
async def test_a_slow_backend_times_out_on_its_own_fields(
    clean_sandbox: Sandbox, vendor: str, field: str
) -> None:
    no_cache = {"ttl": {"content": 0, "catalog": 0, "prices": 0, "stock": 0}, "max_stale_s": 0}
    config = gateway_config(
        clean_sandbox, backends={vendor: {"timeout_s": 0.3, "retries": 0}}, cache=no_cache
    )
    async with running_gateway(config) as gateway:
        await gateway.data(PAGE)  # tokens, structure and warehouses while healthy
        await set_faults(clean_sandbox, vendor, latency_ms=1000)

        started = time.perf_counter()
        body = await gateway.query(PAGE)
        elapsed = time.perf_counter() - started

    assert elapsed < 0.3 + 0.5
    assert _errors_by_service(body) == {vendor: {"BACKEND_TIMEOUT"}}
    assert all(e["path"][-1] == field for e in body["errors"])
    assert all(p["title"] for p in body["data"]["products"]["nodes"])


async def test_a_query_past_its_budget_is_given_up_and_a_mutation_runs_to_its_end(
    clean_sandbox: Sandbox,
) -> None:
    config = gateway_config(
        clean_sandbox,
        limits={"request_budget_s": 0.3},
        backends={"shopify": {"timeout_s": 5, "retries": 0}},
    )
    async with running_gateway(config) as gateway:
        await set_faults(clean_sandbox, "shopify", latency_ms=800)

        query = await gateway.query("{ shop { name } }")
        mutation = await gateway.query("mutation { cartCreate(input: {}) { cart { id } } }")

    assert query == {
        "errors": [
            {
                "message": "The operation took longer than the gateway's budget of 0.3 s for one.",
                "extensions": {"code": "REQUEST_TIMEOUT"},
            }
        ],
        "data": None,
    }
    assert mutation["data"]["cartCreate"]["cart"]["id"].startswith("gid://shopify/Cart/")
