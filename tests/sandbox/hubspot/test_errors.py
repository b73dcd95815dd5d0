from __future__ import annotations

import aiohttp
import pytest

from sandbox.hubspot.errors import AUTH_MESSAGE
from sandbox.runner import Sandbox
from sandbox.seed import World


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer pat-na1-wrong"}, {"Authorization": "Basic dXNlcjpwYXNz"}],
    ids=["missing", "wrong token", "wrong scheme"],
)
async def test_bad_auth_is_401_with_hubspots_body(
    sandbox: Sandbox, world: World, headers: dict[str, str]
) -> None:
    async with (
        aiohttp.ClientSession(sandbox.urls["hubspot"]) as anonymous,
        anonymous.get(
            f"/crm/v3/objects/contacts/{world.customers[0].crm.hubspot_id}", headers=headers
        ) as response,
    ):
        body = await response.json()
        assert response.status == 401
        assert "X-HubSpot-RateLimit-Max" not in response.headers
    assert body["status"] == "error"
    assert body["message"] == AUTH_MESSAGE
    assert body["category"] == "INVALID_AUTHENTICATION"
    assert set(body) == {"status", "message", "correlationId", "category"}


@pytest.mark.parametrize(
    ("method", "path", "status", "message"),
    [
        ("GET", "/crm/v3/objects/widgets/1", 400, "Unable to infer object type from: widgets"),
        ("GET", "/crm/v3/properties/widgets", 400, "Unable to infer object type from: widgets"),
        (
            "POST",
            "/crm/v4/associations/contacts/widgets/batch/read",
            400,
            "Unable to infer object type from: widgets",
        ),
        (
            "GET",
            "/crm/v3/properties/contacts/shoe_size",
            404,
            "Unable to find property shoe_size for object type CONTACT",
        ),
        ("GET", "/crm/v3/nothing-here", 404, "resource not found"),
    ],
)
async def test_unknown_objects_and_paths(
    http: aiohttp.ClientSession, method: str, path: str, status: int, message: str
) -> None:
    async with http.request(method, path, json={"inputs": []}) as response:
        body = await response.json()
        assert response.status == status
    assert body["message"] == message
    assert body["status"] == "error"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Invalid input JSON on line 1, column 1: No content to map due to end-of-input"),
        (b'{"inputs": [{"id": "1"},]}', "Invalid input JSON on line 1, column 25: "),
        (b"[1, 2]", "Invalid input JSON on line 1, column 1: Cannot deserialize value of type"),
    ],
)
async def test_malformed_json_is_400(http: aiohttp.ClientSession, data: bytes, message: str) -> None:
    async with http.post(
        "/crm/v3/objects/contacts/batch/read", data=data, headers={"Content-Type": "application/json"}
    ) as response:
        body = await response.json()
        assert response.status == 400
    assert body["message"].startswith(message)
    assert body["status"] == "error"


async def test_down_and_error_rate_faults_use_hubspots_error_shape(
    http: aiohttp.ClientSession, sandbox: Sandbox, world: World
) -> None:
    path = f"/crm/v3/objects/contacts/{world.customers[0].crm.hubspot_id}"
    async with http.post("/__sandbox/faults", json={"down": True}) as response:
        assert response.status == 200
    async with http.get(path) as response:
        body = await response.json()
        assert response.status == 503
    assert body["status"] == "error"
    assert "correlationId" in body
    async with http.post("/__sandbox/faults", json={"down": False, "error_rate": 1}):
        pass
    async with http.get(path) as response:
        body = await response.json()
        assert response.status == 500
    assert body["message"] == "internal error"
    await http.post("/__sandbox/reset")
    async with http.get(path) as response:
        assert response.status == 200


async def test_unknown_query_parameters_are_ignored_as_hubspot_does(
    http: aiohttp.ClientSession, world: World
) -> None:
    async with http.get(
        f"/crm/v3/objects/contacts/{world.customers[0].crm.hubspot_id}",
        params={"hapikey": "x", "colour": "red"},
    ) as response:
        assert response.status == 200
