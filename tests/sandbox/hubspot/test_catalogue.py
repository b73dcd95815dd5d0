from __future__ import annotations

import aiohttp

from sandbox.seed import World


async def test_property_catalogue_lists_the_custom_properties(http: aiohttp.ClientSession) -> None:
    async with http.get("/crm/v3/properties/contacts") as response:
        body = await response.json()
        assert response.status == 200
    by_name = {p["name"]: p for p in body["results"]}
    for name in (
        "email",
        "loyalty_tier",
        "loyalty_points",
        "customer_segments",
        "sms_consent",
        "hs_language",
    ):
        assert {"name", "label", "type", "fieldType", "groupName", "options"} <= set(by_name[name])
    assert by_name["customer_segments"]["fieldType"] == "checkbox"
    assert {o["value"] for o in by_name["loyalty_tier"]["options"]} == {
        "bronze",
        "silver",
        "gold",
        "platinum",
    }
    assert by_name["loyalty_points"]["type"] == "number"
    assert by_name["hs_object_id"]["modificationMetadata"]["readOnlyValue"] is True


async def test_v4_associations_contacts_to_companies_and_back(
    http: aiohttp.ClientSession, world: World
) -> None:
    # given a business buyer (every third customer) and a consumer
    buyer, consumer = world.customers[0], world.customers[1]
    # when
    async with http.post(
        "/crm/v4/associations/contacts/companies/batch/read",
        json={"inputs": [{"id": buyer.crm.hubspot_id}, {"id": consumer.crm.hubspot_id}]},
    ) as response:
        body = await response.json()
        assert response.status == 207
    # then
    (result,) = body["results"]
    assert result["from"] == {"id": buyer.crm.hubspot_id}
    (target,) = result["to"]
    assert {t["typeId"] for t in target["associationTypes"]} == {1, 279}
    assert body["errors"][0]["context"] == {"fromObjectId": [consumer.crm.hubspot_id]}
    company = str(target["toObjectId"])
    async with http.post(
        "/crm/v4/associations/companies/contacts/batch/read", json={"inputs": [{"id": company}]}
    ) as response:
        back = await response.json()
        assert response.status == 200
    assert buyer.crm.hubspot_id in {str(t["toObjectId"]) for t in back["results"][0]["to"]}


async def test_v4_associations_cap_inputs_at_1000(http: aiohttp.ClientSession) -> None:
    async with http.post(
        "/crm/v4/associations/contacts/companies/batch/read",
        json={"inputs": [{"id": str(i)} for i in range(1001)]},
    ) as response:
        body = await response.json()
        assert response.status == 400
    assert body["category"] == "VALIDATION_ERROR"
