"""OAuth2 token endpoint and Bearer checks, with Akeneo's messages and statuses."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from sandbox.emulator import EmulatorOptions
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import World

from .conftest import PRODUCTS, TOKEN_PATH, basic, fetch_token

INVALID_REQUEST = 'Parameter "grant_type", "username" or "password" is missing, empty or invalid'
INVALID_CLIENT = 'Parameter "client_id" is missing or does not match any client, or secret is invalid'


async def post_token(
    http: aiohttp.ClientSession, credentials: dict[str, str], body: dict[str, Any], **basic_override: str
) -> tuple[int, dict[str, Any]]:
    client_id = basic_override.get("client_id", credentials["client_id"])
    secret = basic_override.get("secret", credentials["client_secret"])
    async with http.post(
        TOKEN_PATH, json=body, headers={"Authorization": basic(client_id, secret)}
    ) as response:
        return response.status, await response.json()


async def test_password_grant_returns_akeneo_token_pair(
    anonymous: aiohttp.ClientSession, credentials: dict[str, str]
) -> None:
    # when
    token = await fetch_token(anonymous, credentials)

    # then
    assert set(token) == {"access_token", "expires_in", "token_type", "scope", "refresh_token"}
    assert token["expires_in"] == 3600
    assert token["token_type"] == "bearer"
    assert token["scope"] is None
    async with anonymous.get(
        PRODUCTS, headers={"Authorization": f"Bearer {token['access_token']}"}
    ) as response:
        assert response.status == 200


async def test_password_grant_accepts_a_form_body(
    anonymous: aiohttp.ClientSession, credentials: dict[str, str]
) -> None:
    form = {
        "grant_type": "password",
        "username": credentials["username"],
        "password": credentials["password"],
    }
    async with anonymous.post(
        TOKEN_PATH,
        data=form,
        headers={"Authorization": basic(credentials["client_id"], credentials["client_secret"])},
    ) as response:
        assert response.status == 200
        assert "access_token" in await response.json()


async def test_refresh_grant_rotates_the_refresh_token(
    anonymous: aiohttp.ClientSession, credentials: dict[str, str]
) -> None:
    # given
    first = await fetch_token(anonymous, credentials)

    # when
    status, second = await post_token(
        anonymous, credentials, {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
    )

    # then
    assert status == 200
    assert second["access_token"] != first["access_token"]
    assert second["refresh_token"] != first["refresh_token"]
    status, body = await post_token(
        anonymous, credentials, {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
    )
    assert (status, body) == (422, {"code": 422, "message": "Refresh token is invalid or has expired"})


@pytest.mark.parametrize(
    ("body", "override", "message"),
    [
        ({"username": "u", "password": "p"}, {}, INVALID_REQUEST),
        ({"grant_type": "passwordd", "username": "u", "password": "p"}, {}, INVALID_REQUEST),
        ({"grant_type": "token"}, {}, "This grant type is not authorized for this client"),
        ({"grant_type": "password"}, {"client_id": "1_nope"}, INVALID_CLIENT),
        ({"grant_type": "password"}, {"secret": "wrong"}, INVALID_CLIENT),
        ({"grant_type": "password", "password": "p"}, {}, INVALID_REQUEST),
        (
            {"grant_type": "password", "username": "michel", "password": "michelpwd"},
            {},
            ("No user found for the given username and password"),
        ),
        (
            {"grant_type": "refresh_token"},
            {},
            'Parameter "grant_type" or "refresh_token" is missing or empty',
        ),
        (
            {"grant_type": "refresh_token", "refresh_token": "nope"},
            {},
            "Refresh token is invalid or has expired",
        ),
    ],
)
async def test_token_failures_are_422_with_akeneo_messages(
    anonymous: aiohttp.ClientSession,
    credentials: dict[str, str],
    body: dict[str, Any],
    override: dict[str, str],
    message: str,
) -> None:
    status, answer = await post_token(anonymous, credentials, body, **override)
    assert (status, answer) == (422, {"code": 422, "message": message})


async def test_wrong_password_of_the_right_user_is_refused(
    anonymous: aiohttp.ClientSession, credentials: dict[str, str]
) -> None:
    body = {"grant_type": "password", "username": credentials["username"], "password": "guess"}
    status, answer = await post_token(anonymous, credentials, body)
    assert status == 422
    assert answer["message"] == "No user found for the given username and password"


async def test_token_request_content_type_and_size_are_checked(anonymous: aiohttp.ClientSession) -> None:
    async with anonymous.post(
        TOKEN_PATH, data=b"<xml/>", headers={"Content-Type": "application/xml"}
    ) as response:
        assert response.status == 415
        assert await response.json() == {
            "code": 415,
            "message": '"application/xml" in "Content-Type" header is not valid. Only "application/json" or '
            '"application/x-www-form-urlencoded" are allowed.',
        }
    async with anonymous.post(TOKEN_PATH, json={"large_content": "a" * 300}) as response:
        assert response.status == 413
        assert await response.json() == {
            "code": 413,
            "message": "Request content exceeded the maximum allowed size of 300 bytes",
        }
    async with anonymous.post(
        TOKEN_PATH, data=b'{"grant_type": ', headers={"Content-Type": "application/json"}
    ) as response:
        assert response.status == 400
        assert await response.json() == {"code": 400, "message": "Invalid json message received"}


@pytest.mark.parametrize(
    ("authorization", "message"),
    [
        (None, "Authentication is required"),
        ("Basic Zm9vOmJhcg==", "Authentication is required"),
        ("Bearer not-a-token", "The access token provided is invalid."),
    ],
)
async def test_api_calls_need_a_valid_bearer_token(
    anonymous: aiohttp.ClientSession, authorization: str | None, message: str
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    async with anonymous.get(PRODUCTS, headers=headers) as response:
        assert response.status == 401
        assert await response.json() == {"code": 401, "message": message}


async def test_endpoint_list_is_open(anonymous: aiohttp.ClientSession) -> None:
    async with anonymous.get("/api/rest/v1") as response:
        assert response.status == 200
        body = await response.json()
    assert body["authentication"]["fos_oauth_server_token"]["route"] == TOKEN_PATH
    assert body["routes"]["pim_api_product_uuid_list"] == {"route": PRODUCTS, "methods": ["GET", "PATCH"]}


@pytest.fixture(scope="module")
async def short_lived(world: World) -> AsyncIterator[Sandbox]:
    """A second emulator whose access tokens live one second."""
    settings = SandboxSettings(port_base=0, vendors=("akeneo",), options=EmulatorOptions(token_ttl_s=1))
    async with Sandbox(world, settings) as running:
        yield running


async def test_expired_token_is_refused_and_refresh_gives_a_working_one(short_lived: Sandbox) -> None:
    credentials = short_lived.emulators["akeneo"].credentials
    async with aiohttp.ClientSession(short_lived.urls["akeneo"]) as http:
        # given a token that has outlived its one-second lifetime
        token = await fetch_token(http, credentials)
        assert token["expires_in"] == 1
        old = {"Authorization": f"Bearer {token['access_token']}"}
        async with http.get(PRODUCTS, headers=old) as response:
            assert response.status == 200
        await asyncio.sleep(1.1)

        # when
        async with http.get(PRODUCTS, headers=old) as response:
            expired = (response.status, await response.json())
        status, fresh = await post_token(
            http, credentials, {"grant_type": "refresh_token", "refresh_token": token["refresh_token"]}
        )

        # then
        assert expired == (401, {"code": 401, "message": "The access token provided has expired."})
        assert status == 200
        async with http.get(
            PRODUCTS, headers={"Authorization": f"Bearer {fresh['access_token']}"}
        ) as response:
            assert response.status == 200
        async with http.get(PRODUCTS, headers=old) as response:
            assert response.status == 401
