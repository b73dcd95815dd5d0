from __future__ import annotations

from collections.abc import Callable
from typing import Any

import aiohttp
import pytest

from sandbox.seed import Customer, World

from .openapi import Contract

DAY = 86_400


async def call(
    http: aiohttp.ClientSession, contract: Contract, method: str, template: str, path: str, json: Any = None
) -> tuple[int, Any]:
    async with http.request(method, path, json=json) as response:
        body = await response.json()
        contract.validate(method, template, response.status, body)
        return response.status, body


async def search(
    http: aiohttp.ClientSession, contract: Contract, query: Any, **pagination: Any
) -> tuple[int, Any]:
    payload: dict[str, Any] = {"query": query}
    if pagination:
        payload["pagination"] = pagination
    return await call(http, contract, "POST", "/contacts/search", "/contacts/search", payload)


async def test_contact_by_id_and_by_external_id(
    http: aiohttp.ClientSession, contract: Contract, world: World
) -> None:
    # given
    customer = world.customers[0]
    # when
    status, by_id = await call(
        http, contract, "GET", "/contacts/{contact_id}", f"/contacts/{customer.intercom_id}"
    )
    _, by_external = await call(
        http,
        contract,
        "GET",
        "/contacts/find_by_external_id/{external_id}",
        f"/contacts/find_by_external_id/{customer.crm.hubspot_id}",
    )
    # then
    assert status == 200
    assert by_id == by_external
    assert by_id["type"] == "contact"
    assert by_id["id"] == customer.intercom_id
    assert by_id["external_id"] == customer.crm.hubspot_id
    assert by_id["role"] == "user"
    assert by_id["email"] == customer.email
    assert by_id["name"] == customer.name
    assert by_id["created_at"] == int(customer.created_at.timestamp())
    assert by_id["location"]["city"] == customer.city
    assert by_id["tags"]["type"] == "list"


@pytest.mark.parametrize(
    "path", ["/contacts/0123456789abcdef01234567", "/contacts/find_by_external_id/nobody"]
)
async def test_unknown_contacts_are_404(http: aiohttp.ClientSession, contract: Contract, path: str) -> None:
    async with http.get(path) as response:
        body = await response.json()
        assert response.status == 404
    contract.validate_error(body)
    assert body["errors"][0] == {"code": "not_found", "message": "User Not Found"}


def ids(customers: list[Customer] | tuple[Customer, ...]) -> set[str]:
    return {c.intercom_id for c in customers}


CASES: list[tuple[str, dict[str, Any], Any]] = [
    ("=", {"field": "email", "operator": "=", "value": "EMAIL0"}, lambda c, w: c is w.customers[0]),
    ("!=", {"field": "role", "operator": "!=", "value": "user"}, lambda c, w: False),
    (
        "IN",
        {"field": "external_id", "operator": "IN", "value": ["EXT0", "EXT1"]},
        lambda c, w: c in w.customers[:2],
    ),
    (
        "NIN",
        {"field": "location.country", "operator": "NIN", "value": ["Germany", "France"]},
        lambda c, w: c.country not in ("DE", "FR"),
    ),
    ("~", {"field": "name", "operator": "~", "value": "mar"}, lambda c, w: "mar" in c.name.lower()),
    ("!~", {"field": "email", "operator": "!~", "value": "1@"}, lambda c, w: "1@" not in c.email),
    ("^", {"field": "email", "operator": "^", "value": "a"}, lambda c, w: c.email.startswith("a")),
    (
        "$",
        {"field": "email", "operator": "$", "value": "7@example.com"},
        lambda c, w: c.email.endswith("7@example.com"),
    ),
    (
        "bool",
        {"field": "unsubscribed_from_emails", "operator": "=", "value": True},
        lambda c, w: not c.accepts_marketing,
    ),
]


@pytest.mark.parametrize(("name", "query", "expected"), CASES, ids=[case[0] for case in CASES])
async def test_search_operators(
    http: aiohttp.ClientSession,
    contract: Contract,
    world: World,
    name: str,
    query: dict[str, Any],
    expected: Any,
) -> None:
    # given placeholders resolved against the world
    value = query["value"]
    if value == "EMAIL0":
        value = world.customers[0].email.upper()
    elif value == ["EXT0", "EXT1"]:
        value = [c.crm.hubspot_id for c in world.customers[:2]]
    # when
    status, body = await search(http, contract, {**query, "value": value}, per_page=150)
    # then
    assert status == 200
    assert body["type"] == "list"
    want = ids([c for c in world.customers if expected(c, world)])
    assert {d["id"] for d in body["data"]} == want
    assert body["total_count"] == len(want)


async def test_dates_match_by_calendar_day(
    http: aiohttp.ClientSession, contract: Contract, world: World
) -> None:
    # given
    created = int(world.customers[0].created_at.timestamp())
    day = created - created % DAY
    checks: list[tuple[str, Callable[[int], bool]]] = [
        ("=", lambda t: day <= t < day + DAY),
        (">", lambda t: t >= day + DAY),
        ("<", lambda t: t < day),
    ]
    for operator, keep in checks:
        # when
        _, body = await search(
            http, contract, {"field": "created_at", "operator": operator, "value": created}, per_page=150
        )
        # then
        want = ids([c for c in world.customers if keep(int(c.created_at.timestamp()))])
        assert {d["id"] for d in body["data"]} == want, operator
    status, body = await search(http, contract, {"field": "created_at", "operator": "!=", "value": created})
    assert status == 400
    assert body["errors"][0]["code"] == "parameter_invalid"


async def test_nested_and_or(http: aiohttp.ClientSession, contract: Contract, world: World) -> None:
    query = {
        "operator": "AND",
        "value": [
            {"field": "role", "operator": "=", "value": "user"},
            {
                "operator": "OR",
                "value": [
                    {"field": "location.city", "operator": "=", "value": "Berlin"},
                    {"field": "location.city", "operator": "=", "value": "Lyon"},
                ],
            },
        ],
    }
    _, body = await search(http, contract, query, per_page=150)
    assert {d["id"] for d in body["data"]} == ids(
        [c for c in world.customers if c.city in ("Berlin", "Lyon")]
    )


async def test_pagination_walk(http: aiohttp.ClientSession, contract: Contract, world: World) -> None:
    # when
    seen: list[str] = []
    cursor = None
    pages = []
    while True:
        _, body = await search(
            http,
            contract,
            {"field": "role", "operator": "=", "value": "user"},
            per_page=11,
            starting_after=cursor,
        )
        pages.append(body["pages"]["page"])
        seen.extend(d["id"] for d in body["data"])
        if "next" not in body["pages"]:
            break
        cursor = body["pages"]["next"]["starting_after"]
    # then
    assert len(seen) == len(set(seen)) == body["total_count"]
    assert ids(world.customers) <= set(seen)
    assert pages == list(range(1, len(pages) + 1))
    assert body["pages"]["total_pages"] == len(pages)


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"query": {"field": "shoe_size", "operator": "=", "value": "42"}}, "parameter_invalid"),
        ({"query": {"field": "email", "operator": "LIKE", "value": "a"}}, "parameter_invalid"),
        ({"query": {"field": "email", "operator": ">", "value": "a"}}, "parameter_invalid"),
        ({"query": {"field": "created_at", "operator": "=", "value": "yesterday"}}, "parameter_invalid"),
        ({"query": {"field": "email", "operator": "IN", "value": "a@example.com"}}, "parameter_invalid"),
        ({"query": {"operator": "XOR", "value": []}}, "parameter_invalid"),
        (
            {
                "query": {
                    "operator": "AND",
                    "value": [{"field": "role", "operator": "=", "value": "user"}] * 16,
                }
            },
            "parameter_invalid",
        ),
        (
            {
                "query": {
                    "operator": "AND",
                    "value": [
                        {
                            "operator": "OR",
                            "value": [
                                {
                                    "operator": "AND",
                                    "value": [{"field": "role", "operator": "=", "value": "user"}],
                                }
                            ],
                        }
                    ],
                }
            },
            "parameter_invalid",
        ),
        (
            {"query": {"field": "role", "operator": "=", "value": "user"}, "pagination": {"per_page": 151}},
            "parameter_invalid",
        ),
        (
            {
                "query": {"field": "role", "operator": "=", "value": "user"},
                "pagination": {"starting_after": "%%%"},
            },
            "parameter_invalid",
        ),
        ({"pagination": {"per_page": 5}}, "parameter_not_found"),
    ],
)
async def test_invalid_searches(
    http: aiohttp.ClientSession, contract: Contract, payload: dict[str, Any], code: str
) -> None:
    async with http.post("/contacts/search", json=payload) as response:
        body = await response.json()
        assert response.status == 400
    contract.validate_error(body)
    assert body["errors"][0]["code"] == code


async def test_create_contact_then_conflict(
    http: aiohttp.ClientSession, contract: Contract, world: World
) -> None:
    # when
    payload = {
        "role": "user",
        "external_id": "crm-9001",
        "email": "Ada@Example.com",
        "name": "Ada",
        "custom_attributes": {"plan": "pro"},
    }
    status, created = await call(http, contract, "POST", "/contacts", "/contacts", payload)
    # then
    assert status == 200
    assert created["external_id"] == "crm-9001"
    assert created["custom_attributes"] == {"plan": "pro"}
    _, found = await search(http, contract, {"field": "email", "operator": "=", "value": "ada@example.com"})
    assert [d["id"] for d in found["data"]] == [created["id"]]
    for duplicate in (
        {"email": "ada@example.com"},
        {"external_id": "crm-9001"},
        {"email": world.customers[1].email},
    ):
        async with http.post("/contacts", json={"role": "user", **duplicate}) as response:
            body = await response.json()
            assert response.status == 409
        contract.validate_error(body)
        assert body["errors"][0]["code"] == "conflict"
        assert body["errors"][0]["message"].startswith(
            "A contact matching those details already exists with id="
        )


async def test_leads_may_share_an_email(
    http: aiohttp.ClientSession, contract: Contract, world: World
) -> None:
    status, lead = await call(
        http, contract, "POST", "/contacts", "/contacts", {"role": "lead", "email": world.customers[2].email}
    )
    assert status == 200
    assert lead["role"] == "lead"
    async with http.get(f"/contacts/find_by_external_id/{world.customers[2].crm.hubspot_id}") as response:
        assert (await response.json())["id"] == world.customers[2].intercom_id


@pytest.mark.parametrize(
    "payload", [{"role": "admin"}, {"email": 42.5}, {"custom_attributes": "x", "email": "x@y.z"}, {}]
)
async def test_invalid_contacts_are_refused(
    http: aiohttp.ClientSession, contract: Contract, payload: dict[str, Any]
) -> None:
    async with http.post("/contacts", json=payload) as response:
        body = await response.json()
        assert response.status == 400
    contract.validate_error(body)
    assert body["errors"][0]["code"] == "parameter_invalid"


async def test_list_contacts_walk(http: aiohttp.ClientSession, contract: Contract, world: World) -> None:
    # when
    seen: list[str] = []
    path = "/contacts?per_page=25"
    while True:
        status, body = await call(http, contract, "GET", "/contacts", path)
        assert status == 200
        seen.extend(d["id"] for d in body["data"])
        if "next" not in body["pages"]:
            break
        path = f"/contacts?per_page=25&starting_after={body['pages']['next']['starting_after']}"
    # then
    assert len(seen) == len(set(seen)) == body["total_count"]
    assert ids(world.customers) <= set(seen)


async def test_null_values_match_unset_fields(
    http: aiohttp.ClientSession, contract: Contract, world: World
) -> None:
    # given a lead without external_id
    _, lead = await call(
        http, contract, "POST", "/contacts", "/contacts", {"role": "lead", "name": "Anonymous"}
    )
    # when
    _, body = await search(
        http, contract, {"field": "external_id", "operator": "=", "value": None}, per_page=150
    )
    # then
    assert lead["id"] in {d["id"] for d in body["data"]}
    assert all(d["external_id"] is None for d in body["data"])
