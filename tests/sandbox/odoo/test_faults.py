"""Injected faults answer with Odoo-shaped bodies: outage 503, failure 500, Odoo.sh-style throttling 429."""

from __future__ import annotations

import aiohttp
import pytest

from .odoo_client import OdooClient


async def test_down_gives_the_odoo_503_body(odoo: OdooClient, http: aiohttp.ClientSession) -> None:
    # given
    async with http.post("/__sandbox/faults", json={"down": True}):
        pass

    # when
    reply = await odoo.json2("product.product", "search_count", domain=[])

    # then
    assert reply.status == 503
    assert reply.body["name"] == "werkzeug.exceptions.ServiceUnavailable"
    assert reply.body["arguments"][1] == 503
    assert set(reply.body) == {"name", "message", "arguments", "context", "debug"}


async def test_error_rate_gives_the_odoo_500_body(odoo: OdooClient, http: aiohttp.ClientSession) -> None:
    async with http.post("/__sandbox/faults", json={"error_rate": 1}):
        pass

    reply = await odoo.json2("product.product", "search_count", domain=[])

    assert reply.status == 500
    assert reply.body["name"] == "werkzeug.exceptions.InternalServerError"


async def test_rate_limit_answers_429_with_retry_after(odoo: OdooClient, http: aiohttp.ClientSession) -> None:
    # given: two requests per second
    async with http.post("/__sandbox/faults", json={"rate_limit": 2}):
        pass

    # when
    replies = [await odoo.json2("product.product", "search_count", domain=[]) for _ in range(3)]

    # then
    assert [reply.status for reply in replies] == [200, 200, 429]
    assert replies[2].body["name"] == "werkzeug.exceptions.TooManyRequests"
    assert int(replies[2].headers["Retry-After"]) >= 1

    # when: the reset clears the window
    async with http.post("/__sandbox/reset"):
        pass
    assert (await odoo.json2("product.product", "search_count", domain=[])).status == 200


async def test_hung_requests_time_out(odoo: OdooClient, http: aiohttp.ClientSession) -> None:
    async with http.post("/__sandbox/faults", json={"hang": True}):
        pass
    with pytest.raises(TimeoutError):
        async with http.post(
            "/json/2/product.product/search_count",
            json={"domain": []},
            headers=odoo.headers,
            timeout=aiohttp.ClientTimeout(total=0.2),
        ):
            pass
    async with http.post("/__sandbox/reset"):
        pass
    assert (await odoo.json2("product.product", "search_count", domain=[])).status == 200
