"""The legacy `/jsonrpc` transport: login, `execute_kw`, and errors inside the JSON-RPC envelope."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from sandbox.seed import World

from .odoo_client import OdooClient


def error_of(envelope: dict[str, Any]) -> dict[str, Any]:
    assert "result" not in envelope
    error: dict[str, Any] = envelope["error"]
    assert error["code"] == 0
    assert error["message"] == "Odoo Server Error"
    assert set(error["data"]) == {"name", "message", "arguments", "context", "debug"}
    return error["data"]  # type: ignore[no-any-return]


async def test_version_and_authenticate(odoo: OdooClient) -> None:
    # when
    version = await odoo.rpc("common", "version")
    uid = await odoo.rpc("common", "authenticate", odoo.database, odoo.login, odoo.api_key, {})
    login = await odoo.rpc("common", "login", odoo.database, odoo.login, odoo.api_key)
    refused = await odoo.rpc("common", "authenticate", odoo.database, odoo.login, "wrong", {})

    # then
    assert version["result"]["server_version_info"] == [19, 0, 0, "final", 0, ""]
    assert uid == {"jsonrpc": "2.0", "id": uid["id"], "result": 6}
    assert login["result"] == 6
    assert refused["result"] is False


async def test_unknown_database_fails_like_postgres(odoo: OdooClient) -> None:
    data = error_of(await odoo.rpc("common", "authenticate", "nowhere", odoo.login, odoo.api_key, {}))
    assert data["name"] == "psycopg2.OperationalError"
    assert 'database "nowhere" does not exist' in data["message"]


@pytest.mark.parametrize(("uid", "key"), [(6, "wrong-key"), (2, None), (99, None)])
async def test_execute_kw_with_bad_uid_or_key_is_access_denied(
    odoo: OdooClient, uid: int, key: str | None
) -> None:
    # when
    envelope = await odoo.rpc(
        "object", "execute_kw", odoo.database, uid, key or odoo.api_key, "res.partner", "search_count", [[]]
    )

    # then
    data = error_of(envelope)
    assert data["name"] == "odoo.exceptions.AccessDenied"
    assert data["message"] == "Access Denied"
    assert data["debug"] == "odoo.exceptions.AccessDenied: Access Denied\n"


async def test_execute_kw_search_read_positional_and_keyword(odoo: OdooClient, world: World) -> None:
    # given
    customer = world.customers[0]

    # when: positional domain, keyword fields (the usual client call), case-insensitive email match
    envelope = await odoo.execute_kw(
        "res.partner",
        "search_read",
        [[["email", "=ilike", customer.email.upper()]]],
        {"fields": ["name", "email", "country_code", "country_id"], "context": {"lang": "de_DE"}},
    )

    # then
    country_names = {
        "DE": "Deutschland",
        "FR": "Frankreich",
        "US": "Vereinigte Staaten",
        "GB": "Vereinigtes Königreich",
    }
    assert envelope["result"] == [
        {
            "id": customer.odoo_partner_id,
            "name": customer.name,
            "email": customer.email,
            "country_code": customer.country,
            "country_id": [envelope["result"][0]["country_id"][0], country_names[customer.country]],
        }
    ]


async def test_execute_kw_read_and_search_count(odoo: OdooClient) -> None:
    count = await odoo.execute_kw("stock.warehouse", "search_count", [[]])
    records = await odoo.execute_kw("stock.warehouse", "read", [[1, 2], ["code"]])
    ids = await odoo.execute_kw(
        "stock.warehouse", "search", [[["code", "in", ["LYS", "NWK"]]]], {"order": "id desc"}
    )
    assert count["result"] == 3
    assert records["result"] == [{"id": 1, "code": "BER"}, {"id": 2, "code": "LYS"}]
    assert ids["result"] == [3, 2]


@pytest.mark.parametrize(
    ("model", "method", "args", "kwargs", "name", "message"),
    [
        ("foo.bar", "search", [[]], {}, "odoo.exceptions.UserError", "Object foo.bar doesn't exist"),
        (
            "res.partner",
            "frobnicate",
            [[]],
            {},
            "builtins.AttributeError",
            "The method 'res.partner.frobnicate' does not exist",
        ),
        (
            "res.partner",
            "search",
            [[]],
            {"fields": ["name"]},
            "builtins.TypeError",
            "BaseModel.search() got an unexpected keyword argument 'fields'",
        ),
        (
            "res.partner",
            "search_count",
            [],
            {},
            "builtins.TypeError",
            "BaseModel.search_count() missing 1 required positional argument: 'domain'",
        ),
        (
            "res.partner",
            "search_count",
            [[], 1, 2],
            {},
            "builtins.TypeError",
            "BaseModel.search_count() takes from 2 to 3 positional arguments but 4 were given",
        ),
        (
            "res.partner",
            "search_read",
            [[["nickname", "=", "x"]]],
            {},
            "builtins.ValueError",
            "Invalid field res.partner.nickname in condition ('nickname', '=', 'x')",
        ),
        (
            "res.partner",
            "search_read",
            [[]],
            {"fields": ["nickname"]},
            "builtins.ValueError",
            "Invalid field 'nickname' on model 'res.partner'",
        ),
        (
            "res.partner",
            "search_read",
            [["&", ["name", "=", "x"]]],
            {},
            "builtins.ValueError",
            "Domain() malformed domain ['&', ['name', '=', 'x']]",
        ),
        (
            "res.partner",
            "search_read",
            [[["name", "~", "x"]]],
            {},
            "builtins.ValueError",
            "Invalid operator in condition ('name', '~', 'x')",
        ),
    ],
)
async def test_bad_execute_kw_calls_are_envelope_errors(
    odoo: OdooClient,
    model: str,
    method: str,
    args: list[Any],
    kwargs: dict[str, Any],
    name: str,
    message: str,
) -> None:
    data = error_of(await odoo.execute_kw(model, method, args, kwargs))
    assert (data["name"], data["message"]) == (name, message)
    assert "gateway/" not in data["debug"]


async def test_create_with_one_dict_answers_the_id(odoo: OdooClient) -> None:
    # when
    single = await odoo.execute_kw(
        "res.partner", "create", [{"name": "Ada Lovelace", "email": "ada@example.com"}]
    )
    several = await odoo.execute_kw(
        "res.partner", "create", [[{"name": "Grace Hopper"}, {"name": "Alan Turing"}]]
    )

    # then
    assert isinstance(single["result"], int)
    assert isinstance(several["result"], list)
    assert len(several["result"]) == 2
    names = await odoo.execute_kw("res.partner", "read", [[single["result"], *several["result"]], ["name"]])
    assert [r["name"] for r in names["result"]] == ["Ada Lovelace", "Grace Hopper", "Alan Turing"]


async def test_malformed_bodies_are_plain_400s(http: aiohttp.ClientSession) -> None:
    async with http.post("/jsonrpc", data=b"{nope", headers={"Content-Type": "application/json"}) as response:
        assert (response.status, await response.text()) == (400, "Invalid JSON data")
    async with http.post("/jsonrpc", json=[1, 2]) as response:
        assert (response.status, await response.text()) == (400, "Invalid JSON-RPC data")


async def test_unknown_service_and_method(odoo: OdooClient) -> None:
    service = error_of(await odoo.rpc("report", "render"))
    method = error_of(await odoo.rpc("common", "shutdown"))
    assert (service["name"], service["message"]) == ("builtins.KeyError", "'report'")
    assert (method["name"], method["message"]) == ("builtins.Exception", "Method not found: shutdown")
