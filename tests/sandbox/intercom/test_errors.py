from __future__ import annotations

import aiohttp
import pytest

from sandbox.runner import Sandbox
from sandbox.seed import World

from .openapi import Contract


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer not-the-token"}, {"Authorization": "Token abc"}],
    ids=["missing", "wrong token", "wrong scheme"],
)
async def test_bad_auth_is_401(sandbox: Sandbox, contract: Contract, headers: dict[str, str]) -> None:
    async with (
        aiohttp.ClientSession(sandbox.urls["intercom"]) as anonymous,
        anonymous.get("/admins", headers=headers) as response,
    ):
        body = await response.json()
        assert response.status == 401
    contract.validate("GET", "/admins", 401, body)
    assert body["errors"] == [{"code": "unauthorized", "message": "Access Token Invalid"}]


async def test_version_header_defaults_and_unknown_versions_are_refused(
    sandbox: Sandbox, contract: Contract
) -> None:
    token = sandbox.emulators["intercom"].credentials["token"]
    async with aiohttp.ClientSession(
        sandbox.urls["intercom"], headers={"Authorization": f"Bearer {token}"}
    ) as http:
        async with http.get("/admins") as response:
            assert response.status == 200
        async with http.get("/admins", headers={"Intercom-Version": "2.11"}) as response:
            assert response.status == 200
        async with http.get("/admins", headers={"Intercom-Version": "9.9"}) as response:
            body = await response.json()
            assert response.status == 400
    contract.validate_error(body)
    assert body["errors"][0] == {
        "code": "intercom_version_invalid",
        "message": "The requested version could not be found",
    }


@pytest.mark.parametrize("data", [b"{not json", b'{"query": ', b"[1, 2]", b'"text"'])
async def test_malformed_json_is_bad_request(
    http: aiohttp.ClientSession, contract: Contract, data: bytes
) -> None:
    async with http.post(
        "/contacts/search", data=data, headers={"Content-Type": "application/json"}
    ) as response:
        body = await response.json()
        assert response.status == 400
    contract.validate_error(body)
    assert body["errors"][0]["code"] == "bad_request"


async def test_unknown_routes_are_404_error_lists(http: aiohttp.ClientSession, contract: Contract) -> None:
    for method, path in (("GET", "/widgets"), ("DELETE", "/admins")):
        async with http.request(method, path) as response:
            body = await response.json()
            assert response.status == 404
        contract.validate_error(body)


async def test_faults_answer_with_error_lists(
    http: aiohttp.ClientSession, contract: Contract, world: World
) -> None:
    await http.post("/__sandbox/faults", json={"down": True})
    async with http.get("/admins") as response:
        body = await response.json()
        assert response.status == 503
    contract.validate_error(body)
    await http.post("/__sandbox/faults", json={"down": False, "error_rate": 1})
    async with http.get("/admins") as response:
        body = await response.json()
        assert response.status == 500
    contract.validate_error(body)
    await http.post("/__sandbox/reset")
    async with http.get("/admins") as response:
        assert response.status == 200


async def test_unknown_parameters_and_body_fields_are_ignored_as_intercom_does(
    http: aiohttp.ClientSession, contract: Contract
) -> None:
    async with http.get("/admins", params={"colour": "red"}) as response:
        assert response.status == 200
    async with http.post(
        "/contacts", json={"email": "extra@example.com", "favourite_colour": "red"}
    ) as response:
        body = await response.json()
        assert response.status == 200
    contract.validate("POST", "/contacts", 200, body)
    assert "favourite_colour" not in body
    assert body["custom_attributes"] == {}
