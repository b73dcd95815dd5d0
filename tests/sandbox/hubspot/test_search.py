from __future__ import annotations

from collections.abc import Callable
from typing import Any

import aiohttp
import pytest

from sandbox.seed import Customer, World

SEARCH = "/crm/v3/objects/contacts/search"


async def search(http: aiohttp.ClientSession, payload: Any) -> tuple[int, Any, aiohttp.ClientResponse]:
    async with http.post(SEARCH, json=payload) as response:
        return response.status, await response.json(), response


def one_filter(**spec: Any) -> dict[str, Any]:
    return {"filterGroups": [{"filters": [spec]}], "limit": 200}


def ids(customers: list[Customer] | tuple[Customer, ...]) -> set[str]:
    return {c.crm.hubspot_id for c in customers}


# Each case: a filter, and the customers of the seed world it must return.
CASES: list[tuple[str, dict[str, Any], Callable[[Customer], bool]]] = [
    (
        "EQ",
        {"propertyName": "loyalty_tier", "operator": "EQ", "value": "GOLD"},
        lambda c: c.crm.loyalty_tier == "gold",
    ),
    (
        "NEQ",
        {"propertyName": "loyalty_tier", "operator": "NEQ", "value": "gold"},
        lambda c: c.crm.loyalty_tier != "gold",
    ),
    (
        "LT",
        {"propertyName": "loyalty_points", "operator": "LT", "value": "1500"},
        lambda c: c.crm.loyalty_points < 1500,
    ),
    (
        "LTE",
        {"propertyName": "loyalty_points", "operator": "LTE", "value": 1500},
        lambda c: c.crm.loyalty_points <= 1500,
    ),
    (
        "GT",
        {"propertyName": "loyalty_points", "operator": "GT", "value": "9000"},
        lambda c: c.crm.loyalty_points > 9000,
    ),
    (
        "GTE",
        {"propertyName": "loyalty_points", "operator": "GTE", "value": "9000"},
        lambda c: c.crm.loyalty_points >= 9000,
    ),
    (
        "BETWEEN",
        {"propertyName": "loyalty_points", "operator": "BETWEEN", "value": "2000", "highValue": "4000"},
        lambda c: 2000 <= c.crm.loyalty_points <= 4000,
    ),
    (
        "IN",
        {"propertyName": "lifecyclestage", "operator": "IN", "values": ["lead", "evangelist"]},
        lambda c: c.crm.lifecycle_stage in ("lead", "evangelist"),
    ),
    (
        "NOT_IN",
        {"propertyName": "lifecyclestage", "operator": "NOT_IN", "values": ["customer"]},
        lambda c: c.crm.lifecycle_stage != "customer",
    ),
    (
        "HAS_PROPERTY",
        {"propertyName": "customer_segments", "operator": "HAS_PROPERTY"},
        lambda c: bool(c.crm.segments),
    ),
    (
        "NOT_HAS_PROPERTY",
        {"propertyName": "customer_segments", "operator": "NOT_HAS_PROPERTY"},
        lambda c: not c.crm.segments,
    ),
    (
        "multi-checkbox EQ",
        {"propertyName": "customer_segments", "operator": "EQ", "value": "vip"},
        lambda c: "vip" in c.crm.segments,
    ),
    (
        "CONTAINS_TOKEN wildcard",
        {"propertyName": "email", "operator": "CONTAINS_TOKEN", "value": "*1@example.com"},
        lambda c: c.email.split("@")[0].endswith("1"),
    ),
    (
        "CONTAINS_TOKEN",
        {"propertyName": "city", "operator": "CONTAINS_TOKEN", "value": "york"},
        lambda c: c.city == "New York",
    ),
    (
        "NOT_CONTAINS_TOKEN",
        {"propertyName": "city", "operator": "NOT_CONTAINS_TOKEN", "value": "york"},
        lambda c: c.city != "New York",
    ),
    (
        "datetime GT (epoch ms)",
        {"propertyName": "createdate", "operator": "GT", "value": "1735689600000"},
        lambda c: c.crm.created_at.timestamp() * 1000 > 1735689600000,
    ),
    (
        "bool EQ",
        {"propertyName": "sms_consent", "operator": "EQ", "value": True},
        lambda c: c.crm.sms_consent,
    ),
]


@pytest.mark.parametrize(("name", "spec", "expected"), CASES, ids=[case[0] for case in CASES])
async def test_operators(
    http: aiohttp.ClientSession,
    world: World,
    name: str,
    spec: dict[str, Any],
    expected: Callable[[Customer], bool],
) -> None:
    # given: contacts no other test of this module writes to
    universe = world.customers
    # when
    status, body, _ = await search(http, one_filter(**spec))
    # then
    assert status == 200
    want = ids([c for c in universe if expected(c)])
    assert want, f"the seed world has no match for {name}: pick another value"
    assert {r["id"] for r in body["results"]} == want
    assert body["total"] == len(want)


async def test_groups_are_ored_and_filters_anded(http: aiohttp.ClientSession, world: World) -> None:
    payload = {
        "filterGroups": [
            {
                "filters": [
                    {"propertyName": "loyalty_tier", "operator": "EQ", "value": "platinum"},
                    {"propertyName": "sms_consent", "operator": "EQ", "value": "true"},
                ]
            },
            {"filters": [{"propertyName": "lifecyclestage", "operator": "EQ", "value": "lead"}]},
        ],
        "limit": 200,
    }
    _, body, _ = await search(http, payload)
    want = ids(
        [
            c
            for c in world.customers
            if (c.crm.loyalty_tier == "platinum" and c.crm.sms_consent) or c.crm.lifecycle_stage == "lead"
        ]
    )
    assert {r["id"] for r in body["results"]} == want


async def test_in_on_email_and_default_properties(http: aiohttp.ClientSession, world: World) -> None:
    emails = [c.email for c in world.customers[:5]] + ["ghost@example.com"]
    status, body, response = await search(
        http, {"filterGroups": [{"filters": [{"propertyName": "email", "operator": "IN", "values": emails}]}]}
    )
    assert status == 200
    assert body["total"] == 5
    assert set(body["results"][0]["properties"]) == {
        "createdate",
        "email",
        "firstname",
        "hs_object_id",
        "lastmodifieddate",
        "lastname",
    }
    assert not [h for h in response.headers if h.lower().startswith("x-hubspot-ratelimit")]


async def test_sort_descending_and_query(http: aiohttp.ClientSession, world: World) -> None:
    _, body, _ = await search(
        http,
        {
            "sorts": [{"propertyName": "loyalty_points", "direction": "DESCENDING"}],
            "properties": ["loyalty_points"],
            "limit": 5,
        },
    )
    points = [int(r["properties"]["loyalty_points"]) for r in body["results"]]
    assert points == sorted((c.crm.loyalty_points for c in world.customers), reverse=True)[:5]
    last_name = world.customers[4].last_name
    _, body, _ = await search(http, {"query": last_name.lower(), "limit": 200})
    assert ids([c for c in world.customers if last_name.lower() in c.last_name.lower()]) <= {
        r["id"] for r in body["results"]
    }


async def test_pagination_walk(http: aiohttp.ClientSession, world: World) -> None:
    # when
    seen: list[str] = []
    after: str | None = None
    total = None
    while True:
        payload: dict[str, Any] = {"limit": 9, "sorts": ["hs_object_id"]}
        if after is not None:
            payload["after"] = after
        _, body, _ = await search(http, payload)
        total = body["total"]
        seen.extend(r["id"] for r in body["results"])
        if "paging" not in body:
            break
        after = body["paging"]["next"]["after"]
    # then
    assert len(seen) == len(set(seen)) == total
    assert seen == sorted(seen, key=int)


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        (one_filter(propertyName="email", operator="LIKE", value="x"), 'from String "LIKE"'),
        (
            one_filter(propertyName="shoe_size", operator="EQ", value="42"),
            'Property "shoe_size" does not exist',
        ),
        (one_filter(propertyName="email", operator="EQ"), "require a value"),
        (one_filter(propertyName="loyalty_points", operator="BETWEEN", value="1"), "highValue"),
        (one_filter(propertyName="loyalty_points", operator="GT", value="many"), "not a valid number"),
        (one_filter(propertyName="email", operator="IN", values=[]), "non-empty values"),
        ({"filterGroups": [{"filters": []}] * 6}, "Too many filter groups: 6"),
        (
            {"filterGroups": [{"filters": [{"propertyName": "email", "operator": "HAS_PROPERTY"}] * 7}]},
            "Too many filters in a filter group",
        ),
        (
            {"filterGroups": [{"filters": [{"propertyName": "email", "operator": "HAS_PROPERTY"}] * 6}] * 4},
            "Too many filters: 24",
        ),
        ({"limit": 201}, "limit must be between 1 and 200"),
        ({"after": "10000"}, "Cannot page past the first 10000 results"),
        ({"sorts": ["email", "firstname"]}, "Only one sort"),
        (
            {
                "filterGroups": [
                    {"filters": [{"propertyName": "email", "operator": "EQ", "values": ["a"], "op": 1}]}
                ]
            },
            'Unrecognized field "op"',
        ),
        ({"filters": []}, 'Unrecognized field "filters"'),
    ],
)
async def test_invalid_searches_are_validation_errors(
    http: aiohttp.ClientSession, payload: dict[str, Any], fragment: str
) -> None:
    status, body, _ = await search(http, payload)
    assert status == 400
    assert fragment in body["message"]
    assert body["status"] == "error"


async def test_malformed_search_json(http: aiohttp.ClientSession) -> None:
    async with http.post(
        SEARCH, data=b'{"filterGroups": [}', headers={"Content-Type": "application/json"}
    ) as response:
        body = await response.json()
        assert response.status == 400
    assert body["message"].startswith("Invalid input JSON on line 1, column 19: ")
