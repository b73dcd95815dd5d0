"""JSON-2 refusals: each bad request gets Odoo's status and error body, never an emulator traceback."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from .odoo_client import OdooClient

ERROR_KEYS = {"name", "message", "arguments", "context", "debug"}


def assert_odoo_error(body: Any, name: str, message: str) -> None:
    assert set(body) == ERROR_KEYS
    assert body["name"] == name
    assert body["message"] == message
    assert body["context"] == {}
    assert body["debug"].startswith("Traceback (most recent call last):")
    assert "/odoo/" in body["debug"]
    assert "gateway/" not in body["debug"]


async def test_missing_and_wrong_api_keys_are_401(odoo: OdooClient) -> None:
    # when
    missing = await odoo.json2("product.product", "search_count", headers={}, domain=[])
    wrong = await odoo.json2(
        "product.product", "search_count", headers={"Authorization": "bearer nope"}, domain=[]
    )

    # then
    assert missing.status == wrong.status == 401
    assert missing.headers["WWW-Authenticate"] == "Bearer"
    assert_odoo_error(
        missing.body,
        "werkzeug.exceptions.Unauthorized",
        "User not authenticated, use an API Key with a Bearer Authorization header.",
    )
    assert_odoo_error(wrong.body, "werkzeug.exceptions.Unauthorized", "Invalid apikey")
    assert wrong.body["arguments"] == ["Invalid apikey", 401]


async def test_bearer_scheme_is_case_insensitive(odoo: OdooClient) -> None:
    reply = await odoo.json2(
        "product.product", "search_count", headers={"Authorization": f"Bearer {odoo.api_key}"}, domain=[]
    )
    assert reply.status == 200
    assert isinstance(reply.body, int)


async def test_unknown_database_header_leaves_no_json_route(
    http: aiohttp.ClientSession, odoo: OdooClient
) -> None:
    # when
    async with http.post(
        "/json/2/product.product/search_count",
        json={"domain": []},
        headers={**odoo.headers, "X-Odoo-Database": "elsewhere"},
    ) as response:
        # then
        assert response.status == 404
        assert response.content_type == "text/html"
        assert "<title>404 Not Found</title>" in await response.text()


async def test_malformed_json_is_400(http: aiohttp.ClientSession, odoo: OdooClient) -> None:
    async with http.post(
        "/json/2/product.product/search_read",
        data=b'{"domain": [',
        headers={**odoo.headers, "Content-Type": "application/json"},
    ) as response:
        assert response.status == 400
        body = await response.json()
    assert body["name"] == "werkzeug.exceptions.BadRequest"
    assert body["message"].startswith("could not parse the body as json: ")


async def test_non_json_content_type_is_415(http: aiohttp.ClientSession, odoo: OdooClient) -> None:
    async with http.post(
        "/json/2/product.product/search_read",
        data=b"domain=[]",
        headers={**odoo.headers, "Content-Type": "text/plain"},
    ) as response:
        assert response.status == 415
        assert response.headers["Accept"] == "application/json"
        assert "type=&#x27;json2&#x27;" in await response.text()


async def test_other_paths_under_json2_point_at_the_right_shape(http: aiohttp.ClientSession) -> None:
    async with http.get("/json/2/product.product/search_read") as response:
        assert response.status == 404
        assert (await response.json())["message"] == "Did you mean POST /json/2/<model>/<method>?"


@pytest.mark.parametrize(
    ("model", "method", "params", "status", "name", "message"),
    [
        (
            "foo.bar",
            "search_read",
            {},
            404,
            "werkzeug.exceptions.NotFound",
            "the model 'foo.bar' does not exist",
        ),
        (
            "product.product",
            "unlink_all",
            {},
            404,
            "werkzeug.exceptions.NotFound",
            "The method 'product.product.unlink_all' does not exist",
        ),
        (
            "product.product",
            "_compute_quantities",
            {},
            403,
            "odoo.exceptions.AccessError",
            "Private methods (such as 'product.product._compute_quantities') cannot be called remotely.",
        ),
        (
            "product.product",
            "search",
            {"domain": [], "fields": ["name"]},
            422,
            "werkzeug.exceptions.UnprocessableEntity",
            "got an unexpected keyword argument 'fields'",
        ),
        (
            "product.product",
            "search_count",
            {},
            422,
            "werkzeug.exceptions.UnprocessableEntity",
            "missing a required argument: 'domain'",
        ),
        (
            "product.product",
            "search_read",
            {"ids": [1], "domain": []},
            422,
            "werkzeug.exceptions.UnprocessableEntity",
            "cannot call product.product.search_read with ids",
        ),
        (
            "product.product",
            "search_read",
            {"fields": ["default_code", "sku"]},
            500,
            "builtins.ValueError",
            "Invalid field 'sku' on model 'product.product'",
        ),
        (
            "stock.quant",
            "search_read",
            {"domain": [["product_id.sku", "in", ["A"]]]},
            500,
            "builtins.ValueError",
            "Invalid field product.product.sku in condition ('sku', 'in', ['A'])",
        ),
        (
            "product.product",
            "search_read",
            {"domain": [["default_code", "between", [1, 2]]]},
            500,
            "builtins.ValueError",
            "Invalid operator in condition ('default_code', 'between', [1, 2])",
        ),
        (
            "product.product",
            "search_read",
            {"domain": [["default_code", "="]]},
            500,
            "builtins.ValueError",
            "Domain() invalid item in domain: ['default_code', '=']",
        ),
        (
            "product.product",
            "search_read",
            {"domain": ["|", ["default_code", "=", "A"]]},
            500,
            "builtins.ValueError",
            "Domain() malformed domain ['|', ['default_code', '=', 'A']]",
        ),
        (
            "product.product",
            "search",
            {"domain": "default_code = A"},
            500,
            "builtins.TypeError",
            "Domain() invalid argument type for domain: 'default_code = A'",
        ),
        (
            "product.product",
            "search_read",
            {"domain": [], "read_only": True},
            500,
            "builtins.TypeError",
            "BaseModel.read() got an unexpected keyword argument 'read_only'",
        ),
        (
            "product.product",
            "search",
            {"domain": [], "order": "colour desc"},
            500,
            "builtins.ValueError",
            "Invalid field 'colour' on model 'product.product'",
        ),
        (
            "product.product",
            "search",
            {"domain": [], "order": "name; drop table"},
            422,
            "odoo.exceptions.UserError",
            'Invalid "order" specified (name; drop table). A valid "order" specification is a comma-separated '
            "list of valid field names (optionally followed by asc/desc for the direction)",
        ),
        (
            "stock.quant",
            "search",
            {"domain": [], "limit": -1},
            500,
            "psycopg2.errors.InvalidRowCountInLimitClause",
            "LIMIT must not be negative",
        ),
        (
            "stock.quant",
            "fields_get",
            {"attributes": 5},
            500,
            "builtins.TypeError",
            "argument of type 'int' is not iterable",
        ),
    ],
)
async def test_bad_calls_get_odoo_errors(
    odoo: OdooClient, model: str, method: str, params: dict[str, Any], status: int, name: str, message: str
) -> None:
    # when
    reply = await odoo.json2(model, method, **params)

    # then
    assert reply.status == status
    assert_odoo_error(reply.body, name, message)


async def test_read_skips_missing_ids(odoo: OdooClient) -> None:
    records = await odoo.ok("stock.warehouse", "read", ids=[1, 999], fields=["code"])
    assert records == [{"id": 1, "code": "BER"}]


async def test_a_body_that_is_not_an_object_is_ignored(http: aiohttp.ClientSession, odoo: OdooClient) -> None:
    # Odoo merges the body into the route parameters only when it is a JSON object.
    async with http.post("/json/2/res.users/context_get", json=[1, 2], headers=odoo.headers) as response:
        assert response.status == 200
        assert (await response.json())["uid"] == 6
