from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from sandbox.seed import World

READ = "/crm/v3/objects/contacts/batch/read"
UPDATE = "/crm/objects/2026-03/contacts/batch/update"


async def post(http: aiohttp.ClientSession, path: str, payload: Any) -> tuple[int, Any]:
    async with http.post(path, json=payload) as response:
        return response.status, await response.json()


async def test_batch_read_by_email_answers_200_with_every_contact(
    http: aiohttp.ClientSession, world: World
) -> None:
    # given
    customers = world.customers[:20]
    # when
    status, body = await post(
        http,
        READ,
        {
            "idProperty": "email",
            "inputs": [{"id": c.email} for c in customers],
            "properties": ["email", "loyalty_tier", "customer_segments"],
        },
    )
    # then
    assert status == 200
    assert body["status"] == "COMPLETE"
    assert "errors" not in body
    assert "numErrors" not in body
    assert {"startedAt", "completedAt"} <= set(body)
    by_email = {r["properties"]["email"]: r for r in body["results"]}
    assert set(by_email) == {c.email for c in customers}
    for customer in customers:
        props = by_email[customer.email]["properties"]
        assert props["loyalty_tier"] == customer.crm.loyalty_tier
        assert by_email[customer.email]["id"] == customer.crm.hubspot_id


async def test_batch_read_with_missing_ids_answers_207_with_results_and_errors(
    http: aiohttp.ClientSession, world: World
) -> None:
    # given two known contacts and two unknown ids
    inputs = [
        {"id": world.customers[0].crm.hubspot_id},
        {"id": "123"},
        {"id": world.customers[1].crm.hubspot_id},
        {"id": "456"},
    ]
    # when
    status, body = await post(http, READ, {"inputs": inputs, "properties": ["email"]})
    # then
    assert status == 207
    assert [r["id"] for r in body["results"]] == [
        world.customers[0].crm.hubspot_id,
        world.customers[1].crm.hubspot_id,
    ]
    assert body["numErrors"] == 1
    (error,) = body["errors"]
    assert error["status"] == "error"
    assert error["category"] == "OBJECT_NOT_FOUND"
    assert error["context"] == {"ids": ["123", "456"]}
    assert error["message"].startswith("Could not get some CONTACT objects")


async def test_batch_read_dedupes_and_returns_history(http: aiohttp.ClientSession, world: World) -> None:
    contact_id = world.customers[2].crm.hubspot_id
    status, body = await post(
        http,
        READ,
        {"inputs": [{"id": contact_id}, {"id": contact_id}], "propertiesWithHistory": ["lifecyclestage"]},
    )
    assert status == 200
    assert len(body["results"]) == 1
    assert (
        body["results"][0]["propertiesWithHistory"]["lifecyclestage"][0]["value"]
        == world.customers[2].crm.lifecycle_stage
    )


@pytest.mark.parametrize(
    ("payload", "status", "fragment"),
    [
        ({"inputs": [{"id": str(i)} for i in range(101)]}, 400, "maximum batch size is 100"),
        (
            {"inputs": [{"id": str(i)} for i in range(51)], "propertiesWithHistory": ["email"]},
            400,
            "maximum batch size is 50",
        ),
        ({"idProperty": "firstname", "inputs": [{"id": "Ada"}]}, 400, "not a unique identifier property"),
        ({"inputs": [{"id": "1"}], "limit": 3}, 400, 'Unrecognized field "limit"'),
        ({"inputs": [{"id": "1", "email": "x"}]}, 400, 'Unrecognized field "email"'),
        ({"inputs": "1,2"}, 400, "Cannot deserialize"),
        ({}, 400, "inputs must not be null"),
    ],
)
async def test_bad_batch_reads_get_hubspot_errors(
    http: aiohttp.ClientSession, payload: dict[str, Any], status: int, fragment: str
) -> None:
    got, body = await post(http, READ, payload)
    assert got == status
    assert body["status"] == "error"
    assert fragment in body["message"]


async def test_batch_update_bumps_lastmodifieddate_and_reports_misses(
    http: aiohttp.ClientSession, world: World
) -> None:
    # given
    first, second = world.customers[10], world.customers[11]
    # when
    status, body = await post(
        http,
        UPDATE,
        {
            "inputs": [
                {"id": first.crm.hubspot_id, "properties": {"loyalty_points": "777"}},
                {"id": second.email, "idProperty": "email", "properties": {"loyalty_tier": "platinum"}},
                {"id": "999999", "properties": {"loyalty_points": "1"}},
            ]
        },
    )
    # then
    assert status == 207
    assert body["errors"][0]["context"] == {"ids": ["999999"]}
    results = {r["id"]: r for r in body["results"]}
    assert results[first.crm.hubspot_id]["properties"]["loyalty_points"] == "777"
    assert results[second.crm.hubspot_id]["properties"]["loyalty_tier"] == "platinum"
    _, read = await post(
        http, READ, {"inputs": [{"id": first.crm.hubspot_id}], "properties": ["loyalty_points"]}
    )
    updated = read["results"][0]
    assert updated["properties"]["loyalty_points"] == "777"
    assert updated["properties"]["lastmodifieddate"] > first.crm.updated_at.isoformat()


async def test_batch_update_refuses_duplicates_and_invalid_values_as_a_whole(
    http: aiohttp.ClientSession, world: World
) -> None:
    contact_id = world.customers[12].crm.hubspot_id
    status, body = await post(
        http,
        UPDATE,
        {
            "inputs": [
                {"id": contact_id, "properties": {"city": "A"}},
                {"id": contact_id, "properties": {"city": "B"}},
            ]
        },
    )
    assert status == 400
    assert "Duplicate IDs" in body["message"]
    status, body = await post(
        http,
        UPDATE,
        {
            "inputs": [
                {"id": contact_id, "properties": {"city": "Kyoto"}},
                {"id": world.customers[13].crm.hubspot_id, "properties": {"loyalty_tier": "diamond"}},
            ]
        },
    )
    assert status == 400
    assert body["errors"][0]["code"] == "INVALID_OPTION"
    _, read = await post(http, READ, {"inputs": [{"id": contact_id}], "properties": ["city"]})
    assert read["results"][0]["properties"]["city"] == world.customers[12].city
