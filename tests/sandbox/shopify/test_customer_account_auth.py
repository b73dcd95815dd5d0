"""Customer Account API sign-in over HTTP: discovery, PKCE, codes, refresh rotation, expiry, logout."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest

from sandbox.command import describe
from sandbox.emulator import EmulatorOptions
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate
from sandbox.shopify.account.clients import CLIENT_ID, CLIENT_SECRET
from sandbox.shopify.account.endpoint import UNAUTHORIZED_BODY

from .account_flow import (
    AUTH,
    REDIRECT_URI,
    Pkce,
    account,
    authorize_params,
    exchange,
    sign_in_code,
    signed_in,
    token_request,
)
from .sandbox_client import ShopifySandbox, running


def basic(client_id: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


WHO = "{ customer { id emailAddress { emailAddress } } }"


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(40)) as sandbox:
        yield sandbox


async def get_json(shop: ShopifySandbox, path: str) -> dict[str, Any]:
    async with shop.http.get(shop.url + path) as response:
        assert response.status == 200
        body: dict[str, Any] = await response.json()
        return body


async def test_discovery_names_every_endpoint_on_the_emulators_port(shop: ShopifySandbox) -> None:
    # when
    openid = await get_json(shop, "/.well-known/openid-configuration")
    api = await get_json(shop, "/.well-known/customer-account-api")

    # then
    assert openid["issuer"] == shop.url + AUTH
    assert openid["authorization_endpoint"] == f"{shop.url}{AUTH}/oauth/authorize"
    assert openid["token_endpoint"] == f"{shop.url}{AUTH}/oauth/token"
    assert openid["end_session_endpoint"] == f"{shop.url}{AUTH}/logout"
    assert openid["code_challenge_methods_supported"] == ["S256"]
    assert "customer-account-api:full" in openid["scopes_supported"]
    assert api == {
        "graphql_api": f"{shop.url}/account/customer/api/2026-04/graphql",
        "mcp_api": f"{shop.url}/customer/api/mcp",
    }
    keys = await get_json(shop, f"{AUTH}/.well-known/jwks.json")
    assert [key["alg"] for key in keys["keys"]] == ["ES256"]


async def test_the_authorize_page_is_a_login_form_carrying_the_request(shop: ShopifySandbox) -> None:
    # when
    params = authorize_params(Pkce.new())
    async with shop.http.get(shop.url + f"{AUTH}/oauth/authorize", params=params) as response:
        page = await response.text()

    # then
    assert response.status == 200
    assert 'name="password"' in page
    assert f'value="{params["code_challenge"]}"' in page


async def test_a_full_pkce_sign_in_gives_tokens_for_that_customer(shop: ShopifySandbox) -> None:
    # given
    customer = shop.world.customers[3]

    # when
    tokens = await signed_in(shop, customer)
    reply = await account(shop, tokens["access_token"], WHO)

    # then
    assert tokens["token_type"] == "Bearer"
    assert tokens["expires_in"] == 3600
    assert tokens["access_token"].startswith("shcat_")
    assert reply.data["customer"] == {
        "id": f"gid://shopify/Customer/{customer.id}",
        "emailAddress": {"emailAddress": customer.email},
    }


async def test_a_wrong_password_shows_the_form_again_without_a_code(shop: ShopifySandbox) -> None:
    # when
    form = {**authorize_params(Pkce.new()), "email": shop.world.customers[0].email, "password": "nope"}
    async with shop.http.post(shop.url + f"{AUTH}/oauth/authorize", data=form, allow_redirects=False) as r:
        page = await r.text()

    # then
    assert r.status == 401
    assert "not right" in page


@pytest.mark.parametrize(
    ("override", "error"),
    [
        ({"code_challenge_method": "plain"}, "invalid_request"),
        ({"response_type": "token"}, "unsupported_response_type"),
        ({"scope": "email"}, "invalid_scope"),
    ],
)
async def test_a_bad_authorization_request_goes_back_with_an_error(
    shop: ShopifySandbox, override: dict[str, str], error: str
) -> None:
    # when
    params = authorize_params(Pkce.new(), **override)
    async with shop.http.get(
        shop.url + f"{AUTH}/oauth/authorize", params=params, allow_redirects=False
    ) as response:
        location = response.headers["Location"]

    # then
    assert response.status == 302
    assert location.startswith(REDIRECT_URI)
    query = parse_qs(urlsplit(location).query)
    assert query["error"] == [error]
    assert query["state"] == ["state-123"]


async def test_an_unknown_client_is_never_redirected_to(shop: ShopifySandbox) -> None:
    # when
    params = authorize_params(Pkce.new(), client_id="shp_someone-else")
    async with shop.http.get(
        shop.url + f"{AUTH}/oauth/authorize", params=params, allow_redirects=False
    ) as response:
        pass

    # then
    assert response.status == 400
    assert "Location" not in response.headers


async def test_a_wrong_verifier_is_refused_and_spends_the_code(shop: ShopifySandbox) -> None:
    # given
    pkce = Pkce.new()
    code = await sign_in_code(shop, shop.world.customers[1], pkce)

    # when
    wrong = await exchange(shop, code, Pkce.new().verifier)
    right_after = await exchange(shop, code, pkce.verifier)

    # then
    assert wrong.status == 400
    assert wrong.body["error"] == "invalid_grant"
    assert wrong.headers["Cache-Control"] == "no-store"
    assert right_after.status == 400
    assert right_after.body["error"] == "invalid_grant"


async def test_a_code_works_once(shop: ShopifySandbox) -> None:
    # given
    pkce = Pkce.new()
    code = await sign_in_code(shop, shop.world.customers[1], pkce)

    # when
    first = await exchange(shop, code, pkce.verifier)
    second = await exchange(shop, code, pkce.verifier)

    # then
    assert first.status == 200
    assert second.status == 400
    assert second.body["error"] == "invalid_grant"


async def test_the_redirect_uri_must_repeat_the_authorization_requests(shop: ShopifySandbox) -> None:
    # given
    pkce = Pkce.new()
    code = await sign_in_code(shop, shop.world.customers[1], pkce)

    # when
    reply = await token_request(
        shop,
        {
            "grant_type": "authorization_code",
            "client_id": CLIENT_ID,
            "redirect_uri": REDIRECT_URI + "/elsewhere",
            "code": code,
            "code_verifier": pkce.verifier,
        },
    )

    # then
    assert (reply.status, reply.body["error"]) == (400, "invalid_grant")


async def test_a_missing_verifier_is_an_invalid_request(shop: ShopifySandbox) -> None:
    # given
    pkce = Pkce.new()
    code = await sign_in_code(shop, shop.world.customers[1], pkce)

    # when
    reply = await token_request(
        shop,
        {
            "grant_type": "authorization_code",
            "client_id": CLIENT_ID,
            "redirect_uri": REDIRECT_URI,
            "code": code,
        },
    )

    # then
    assert (reply.status, reply.body["error"]) == (400, "invalid_request")


@pytest.mark.parametrize(
    ("form", "auth"),
    [
        ({"grant_type": "refresh_token", "refresh_token": "x", "client_id": "shp_unknown"}, None),
        ({"grant_type": "refresh_token", "refresh_token": "x"}, basic(CLIENT_ID, "wrong")),
    ],
)
async def test_an_unknown_client_or_wrong_secret_is_an_invalid_client(
    shop: ShopifySandbox, form: dict[str, str], auth: str | None
) -> None:
    # when
    reply = await token_request(shop, form, headers={"Authorization": auth} if auth else {})

    # then
    assert reply.status == 401
    assert reply.body["error"] == "invalid_client"


async def test_a_confidential_client_signs_in_with_its_secret(shop: ShopifySandbox) -> None:
    # given
    pkce = Pkce.new()
    code = await sign_in_code(shop, shop.world.customers[2], pkce)

    # when
    reply = await token_request(
        shop,
        {
            "grant_type": "authorization_code",
            "redirect_uri": REDIRECT_URI,
            "code": code,
            "code_verifier": pkce.verifier,
        },
        headers={"Authorization": basic(CLIENT_ID, CLIENT_SECRET)},
    )

    # then
    assert reply.status == 200
    assert reply.body["refresh_token"].startswith("shcrt_")


async def test_refreshing_rotates_the_refresh_token(shop: ShopifySandbox) -> None:
    # given
    tokens = await signed_in(shop, shop.world.customers[4])
    refresh = {
        "grant_type": "refresh_token",
        "client_id": CLIENT_ID,
        "refresh_token": tokens["refresh_token"],
    }

    # when
    renewed = await token_request(shop, refresh)
    served = await account(shop, renewed.body["access_token"], WHO)
    replayed = await token_request(shop, refresh)

    # then
    assert renewed.status == 200
    assert renewed.body["refresh_token"] != tokens["refresh_token"]
    assert served.status == 200
    assert (replayed.status, replayed.body["error"]) == (400, "invalid_grant")


async def test_replaying_a_spent_refresh_token_ends_the_session(shop: ShopifySandbox) -> None:
    # given: the rightful client refreshed, then an old refresh token turns up again
    tokens = await signed_in(shop, shop.world.customers[4])
    old = {"grant_type": "refresh_token", "client_id": CLIENT_ID, "refresh_token": tokens["refresh_token"]}
    renewed = await token_request(shop, old)

    # when
    await token_request(shop, old)

    # then
    assert (await account(shop, renewed.body["access_token"], WHO)).status == 401
    again = {**old, "refresh_token": renewed.body["refresh_token"]}
    assert (await token_request(shop, again)).status == 400


async def test_logout_revokes_the_sessions_tokens(shop: ShopifySandbox) -> None:
    # given
    tokens = await signed_in(shop, shop.world.customers[5])
    params = {"id_token_hint": tokens["id_token"], "post_logout_redirect_uri": "http://127.0.0.1:3000/"}

    # when
    async with shop.http.get(shop.url + f"{AUTH}/logout", params=params, allow_redirects=False) as response:
        location = response.headers["Location"]

    # then
    assert (response.status, location) == (302, "http://127.0.0.1:3000/")
    assert (await account(shop, tokens["access_token"], WHO)).status == 401
    refresh = {
        "grant_type": "refresh_token",
        "client_id": CLIENT_ID,
        "refresh_token": tokens["refresh_token"],
    }
    assert (await token_request(shop, refresh)).body["error"] == "invalid_grant"


@pytest.mark.parametrize("token", [None, "", "shcat_forged.signature"])
async def test_no_valid_token_is_shopifys_401(shop: ShopifySandbox, token: str | None) -> None:
    # when
    reply = await account(shop, token, WHO)

    # then
    assert reply.status == 401
    assert reply.body == UNAUTHORIZED_BODY


async def test_an_expired_access_token_is_a_401() -> None:
    # given: tokens that live one second
    settings = SandboxSettings(port_base=0, vendors=("shopify",), options=EmulatorOptions(token_ttl_s=1))
    async with Sandbox(generate(20), settings) as sandbox, aiohttp.ClientSession() as http:
        shop = ShopifySandbox(http, sandbox.urls["shopify"], sandbox, sandbox.world)
        tokens = await signed_in(shop, shop.world.customers[0])
        assert (await account(shop, tokens["access_token"], WHO)).status == 200

        # when
        await asyncio.sleep(1.2)
        reply = await account(shop, tokens["access_token"], WHO)

    # then
    assert tokens["expires_in"] == 1
    assert reply.status == 401


async def test_the_client_id_is_printed_but_not_in_the_gateway_config(shop: ShopifySandbox) -> None:
    # when
    text = describe(shop.sandbox)

    # then
    assert f"customer_account_client_id={CLIENT_ID}" in text
    assert "customer_account_client_id" not in shop.sandbox.backends_config()["shopify"]
