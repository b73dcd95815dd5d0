"""The segment lists: a list per segment, whose members are the contacts whose property names it."""

from __future__ import annotations

from typing import Any

import aiohttp

from sandbox.hubspot.properties import SEGMENTS
from sandbox.hubspot.routes.lists import LISTS, MAX_RECORDS
from sandbox.seed import World

MEMBERSHIPS = "/crm/v3/lists/records/memberships/batch/read"


async def _memberships(http: aiohttp.ClientSession, inputs: list[dict[str, Any]]) -> tuple[int, Any]:
    async with http.post(MEMBERSHIPS, json={"inputs": inputs}) as response:
        return response.status, await response.json()


def _record(contact_id: str) -> dict[str, str]:
    return {"objectTypeId": "0-1", "recordId": contact_id}


async def test_a_contact_is_in_the_lists_of_its_segments(http: aiohttp.ClientSession, world: World) -> None:
    customers = [c for c in world.customers if c.crm.segments][:5] + [
        c for c in world.customers if not c.crm.segments
    ][:1]

    status, body = await _memberships(http, [_record(c.crm.hubspot_id) for c in customers])

    assert status == 200
    assert body["status"] == "COMPLETE"
    by_record = {r["recordId"]: r["recordListMemberships"] for r in body["results"]}
    for customer in customers:
        names = {LISTS[m["listId"]][0] for m in by_record[customer.crm.hubspot_id]}
        assert names == {label for label, value in SEGMENTS if value in customer.crm.segments}
        assert all(m["firstAddedTimestamp"] for m in by_record[customer.crm.hubspot_id])


async def test_lists_are_read_by_id_in_the_order_asked(http: aiohttp.ClientSession) -> None:
    ids = [*sorted(LISTS, reverse=True)[:3], "999999"]

    async with http.get("/crm/v3/lists/", params=[("listIds", i) for i in ids]) as response:
        body = await response.json()

    assert response.status == 200
    assert [item["listId"] for item in body["lists"]] == ids[:3]
    assert all(
        item["objectTypeId"] == "0-1" and item["processingType"] == "DYNAMIC" for item in body["lists"]
    )


async def test_an_unknown_record_is_in_no_list(http: aiohttp.ClientSession) -> None:
    status, body = await _memberships(http, [_record("1")])

    assert status == 200
    assert body["results"] == [{"objectTypeId": "0-1", "recordId": "1", "recordListMemberships": []}]


async def test_too_many_records_or_another_object_type_are_refused(
    http: aiohttp.ClientSession, world: World
) -> None:
    status, body = await _memberships(http, [_record(str(i)) for i in range(MAX_RECORDS + 1)])
    assert status == 400
    assert body["category"] == "VALIDATION_ERROR"

    status, body = await _memberships(http, [{"objectTypeId": "0-2", "recordId": "1"}])
    assert status == 400
