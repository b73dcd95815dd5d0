from __future__ import annotations

import re
from typing import Any

import aiohttp
import pytest

from sandbox.runner import Sandbox
from sandbox.seed import World

PREFIXES = ("/crm/v3/objects/contacts", "/crm/objects/2026-03/contacts")
ISO_MS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
ALL_PROPERTIES = (
    "email,firstname,lastname,phone,city,zip,country,lifecyclestage,hs_object_id,createdate,"
    "lastmodifieddate,loyalty_tier,loyalty_points,customer_segments,hs_email_optout,sms_consent,"
    "analytics_consent,hs_language"
)


async def get(http: aiohttp.ClientSession, path: str, **params: str) -> tuple[int, Any]:
    async with http.get(path, params=params) as response:
        return response.status, await response.json()


@pytest.mark.parametrize("prefix", PREFIXES)
async def test_contact_by_id_has_default_properties_as_strings(
    http: aiohttp.ClientSession, world: World, prefix: str
) -> None:
    # given
    customer = world.customers[0]
    # when
    status, body = await get(http, f"{prefix}/{customer.crm.hubspot_id}")
    # then
    assert status == 200
    assert body["id"] == customer.crm.hubspot_id
    assert set(body["properties"]) == {
        "createdate",
        "email",
        "firstname",
        "hs_object_id",
        "lastmodifieddate",
        "lastname",
    }
    assert body["properties"]["email"] == customer.email
    assert body["properties"]["hs_object_id"] == customer.crm.hubspot_id
    assert ISO_MS.match(body["createdAt"])
    assert ISO_MS.match(body["updatedAt"])
    assert body["archived"] is False


async def test_every_property_is_a_string_or_null(http: aiohttp.ClientSession, world: World) -> None:
    for customer in world.customers[:10]:
        status, body = await get(
            http, f"{PREFIXES[0]}/{customer.email}", idProperty="email", properties=ALL_PROPERTIES
        )
        assert status == 200
        for name, value in body["properties"].items():
            assert value is None or isinstance(value, str), name


async def test_custom_properties_follow_the_crm_profile(http: aiohttp.ClientSession, world: World) -> None:
    # given a customer with segments
    customer = next(c for c in world.customers if len(c.crm.segments) >= 2)
    # when
    _, body = await get(http, f"{PREFIXES[0]}/{customer.crm.hubspot_id}", properties=ALL_PROPERTIES)
    # then
    props = body["properties"]
    crm = customer.crm
    assert props["loyalty_tier"] == crm.loyalty_tier
    assert props["loyalty_points"] == str(crm.loyalty_points)
    assert props["customer_segments"] == ";".join(crm.segments)
    assert props["hs_email_optout"] == ("false" if crm.email_consent else "true")
    assert props["sms_consent"] == ("true" if crm.sms_consent else "false")
    assert props["analytics_consent"] == ("true" if crm.analytics_consent else "false")
    assert props["hs_language"] == customer.locale[:2]
    assert props["lifecyclestage"] == crm.lifecycle_stage
    assert ISO_MS.match(props["createdate"])
    assert ISO_MS.match(props["lastmodifieddate"])


async def test_by_email_is_case_insensitive_and_unknown_properties_are_left_out(
    http: aiohttp.ClientSession, world: World
) -> None:
    customer = world.customers[3]
    status, body = await get(
        http, f"{PREFIXES[0]}/{customer.email.upper()}", idProperty="email", properties="loyalty_tier,nope"
    )
    assert status == 200
    assert body["id"] == customer.crm.hubspot_id
    assert set(body["properties"]) == {"createdate", "hs_object_id", "lastmodifieddate", "loyalty_tier"}


async def test_history_and_company_associations(http: aiohttp.ClientSession, world: World) -> None:
    # given the first customer, a business buyer (every third customer is)
    customer = world.customers[0]
    # when
    _, body = await get(
        http,
        f"{PREFIXES[0]}/{customer.crm.hubspot_id}",
        propertiesWithHistory="loyalty_points",
        associations="companies,deals",
    )
    # then
    history = body["propertiesWithHistory"]["loyalty_points"]
    assert history[0]["value"] == str(customer.crm.loyalty_points)
    assert set(history[0]) >= {"value", "timestamp", "sourceType"}
    results = body["associations"]["companies"]["results"]
    assert {r["type"] for r in results} == {"contact_to_company", "contact_to_company_unlabeled"}
    assert "deals" not in body["associations"]


@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        ("99999999", {}, "resource not found"),
        ("nobody@example.com", {"idProperty": "email"}, "resource not found"),
        ("nobody@example.com", {}, "Object not found.  objectId are usually numeric."),
    ],
)
async def test_unknown_contacts_are_404(
    http: aiohttp.ClientSession, path: str, params: dict[str, str], message: str
) -> None:
    status, body = await get(http, f"{PREFIXES[0]}/{path}", **params)
    assert status == 404
    assert body["status"] == "error"
    assert body["message"] == message
    assert body["category"] == "OBJECT_NOT_FOUND"
    assert re.fullmatch(r"[0-9a-f-]{36}", body["correlationId"])


async def test_list_walk_has_no_gaps_or_duplicates(http: aiohttp.ClientSession, world: World) -> None:
    # when walking every page
    seen: list[str] = []
    params = {"limit": "7"}
    pages = 0
    while True:
        status, body = await get(http, PREFIXES[1], **params)
        assert status == 200
        pages += 1
        seen.extend(result["id"] for result in body["results"])
        if "paging" not in body:
            break
        nxt = body["paging"]["next"]
        assert "after=" + nxt["after"] in nxt["link"]
        params = {"limit": "7", "after": nxt["after"]}
    # then: id order, each contact once (contacts created by other tests may follow the world's)
    assert seen == sorted(set(seen), key=int)
    assert {c.crm.hubspot_id for c in world.customers} <= set(seen)
    assert pages == -(-len(seen) // 7)


@pytest.mark.parametrize("limit", ["0", "101", "ten"])
async def test_list_limit_out_of_range_is_a_validation_error(http: aiohttp.ClientSession, limit: str) -> None:
    status, body = await get(http, PREFIXES[0], limit=limit)
    assert status == 400
    assert body["category"] == "VALIDATION_ERROR"


async def test_patch_updates_strings_and_bumps_lastmodifieddate(
    http: aiohttp.ClientSession, world: World
) -> None:
    # given
    customer = world.customers[5]
    path = f"{PREFIXES[0]}/{customer.email}"
    _, before = await get(http, path, idProperty="email")
    # when
    async with http.patch(
        path,
        params={"idProperty": "email"},
        json={"properties": {"loyalty_points": 4321, "sms_consent": True}},
    ) as response:
        status, body = response.status, await response.json()
    # then
    assert status == 200
    assert body["properties"]["loyalty_points"] == "4321"
    assert body["properties"]["sms_consent"] == "true"
    assert body["properties"]["lastmodifieddate"] > before["properties"]["lastmodifieddate"]
    assert body["updatedAt"] == body["properties"]["lastmodifieddate"]


async def test_patch_with_an_existing_email_is_a_conflict(http: aiohttp.ClientSession, world: World) -> None:
    first, second = world.customers[6], world.customers[7]
    async with http.patch(
        f"{PREFIXES[0]}/{first.crm.hubspot_id}", json={"properties": {"email": second.email}}
    ) as response:
        body = await response.json()
        assert response.status == 409
    assert body["category"] == "CONFLICT"
    assert body["message"] == f"Contact already exists. Existing ID: {second.crm.hubspot_id}"


@pytest.mark.parametrize(
    ("properties", "code"),
    [
        ({"favourite_colour": "blue"}, "PROPERTY_DOESNT_EXIST"),
        ({"hs_object_id": "1"}, "READ_ONLY_VALUE"),
        ({"loyalty_tier": "diamond"}, "INVALID_OPTION"),
        ({"customer_segments": "vip;astronaut"}, "INVALID_OPTION"),
        ({"loyalty_points": "lots"}, "INVALID_LONG"),
        ({"email": "not-an-email"}, "INVALID_EMAIL"),
    ],
)
async def test_invalid_property_writes_are_refused(
    http: aiohttp.ClientSession, world: World, properties: dict[str, str], code: str
) -> None:
    async with http.patch(
        f"{PREFIXES[0]}/{world.customers[8].crm.hubspot_id}", json={"properties": properties}
    ) as response:
        body = await response.json()
        assert response.status == 400
    assert body["category"] == "VALIDATION_ERROR"
    assert body["message"].startswith("Property values were not valid: ")
    assert [e["code"] for e in body["errors"]] == [code]


async def test_create_then_read_and_duplicate_email_conflicts(
    http: aiohttp.ClientSession, sandbox: Sandbox
) -> None:
    # when
    payload = {"properties": {"email": "new.customer@example.com", "firstname": "New", "loyalty_points": 10}}
    async with http.post(PREFIXES[0], json=payload) as response:
        created = await response.json()
        assert response.status == 201
    # then
    assert created["properties"]["loyalty_points"] == "10"
    status, body = await get(http, f"{PREFIXES[0]}/new.customer@example.com", idProperty="email")
    assert status == 200
    assert body["id"] == created["id"]
    async with http.post(PREFIXES[0], json=payload) as response:
        assert response.status == 409
        assert (await response.json())["message"] == f"Contact already exists. Existing ID: {created['id']}"
