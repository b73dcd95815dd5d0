"""Akeneo's password grant: the request, when the token is renewed and how, and refused grants.

Timing runs on an injected clock: the loopback upstream replays recorded token answers and shows
which grant each renewal used; the emulator shows that the grants it issues work on its API.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import json
from typing import Any

import pytest

from gateway.backends.akeneo.token import TOKEN_PATH
from gateway.backends.http.errors import BackendBadResponse, BackendRequestError, BackendUnavailable
from sandbox.runner import Sandbox
from tests.backends.http.conftest import Answer, FakeClock, Upstream
from tests.harness import sandbox_stats

from .conftest import LOOPBACK_CREDENTIALS, Credentials, TokenFactory, recorded
from .recordings import API, load


def access(name: str) -> str:
    token: str = load(name).body["access_token"]
    return f"Bearer {token}"


def grants(upstream: Upstream) -> list[dict[str, Any]]:
    """The bodies of the token requests the upstream received, in order."""
    return [json.loads(hit.body) for hit in upstream.hits if hit.path == TOKEN_PATH]


def with_lifetime(seconds: int) -> Answer:
    body = load("token").body
    body["expires_in"] = seconds
    return Upstream.json(body)


async def test_the_password_grant_is_one_post_with_basic_client_credentials(
    upstream: Upstream, make_token: TokenFactory
) -> None:
    upstream.script(recorded("token"))
    token = await make_token(upstream.url)

    bearer = await token.bearer()

    assert bearer == access("token")
    [hit] = upstream.hits
    assert (hit.method, hit.path, hit.query) == ("POST", TOKEN_PATH, "")
    basic = base64.b64encode(b"1_gateway:connection-secret").decode()
    assert hit.headers["Authorization"] == f"Basic {basic}"
    assert hit.headers["Content-Type"] == "application/json"
    assert json.loads(hit.body) == {
        "grant_type": "password",
        "username": LOOPBACK_CREDENTIALS.username,
        "password": LOOPBACK_CREDENTIALS.password,
    }


async def test_the_token_is_kept_until_a_minute_before_it_expires_then_refreshed(
    upstream: Upstream, make_token: TokenFactory
) -> None:
    upstream.script(recorded("token"), recorded("token_refreshed"))
    clock = FakeClock()
    token = await make_token(upstream.url, clock=clock)
    first = await token.bearer()

    clock.advance(3600 - 60 - 1)
    kept = await token.bearer()
    clock.advance(1)
    renewed = await token.bearer()

    assert first == kept == access("token")
    assert renewed == access("token_refreshed")
    assert grants(upstream)[1] == {
        "grant_type": "refresh_token",
        "refresh_token": load("token").body["refresh_token"],
    }


async def test_a_short_lived_token_is_renewed_at_four_fifths_of_its_lifetime(
    upstream: Upstream, make_token: TokenFactory
) -> None:
    upstream.script(with_lifetime(10))
    clock = FakeClock()
    token = await make_token(upstream.url, clock=clock)
    await token.bearer()

    clock.advance(7)
    await token.bearer()
    assert len(upstream.hits) == 1
    clock.advance(1)
    await token.bearer()

    assert len(upstream.hits) == 2


async def test_a_refused_refresh_falls_back_to_the_password_grant(
    upstream: Upstream, make_token: TokenFactory
) -> None:
    upstream.script(recorded("token"), recorded("token_refresh_refused"), recorded("token_refreshed"))
    clock = FakeClock()
    token = await make_token(upstream.url, clock=clock)
    await token.bearer()
    clock.advance(3600)

    bearer = await token.bearer()

    assert bearer == access("token_refreshed")
    assert [grant["grant_type"] for grant in grants(upstream)] == ["password", "refresh_token", "password"]


async def test_a_token_without_a_refresh_token_is_renewed_by_password(
    upstream: Upstream, make_token: TokenFactory
) -> None:
    body = load("token").body
    del body["refresh_token"]
    upstream.script(Upstream.json(body))
    clock = FakeClock()
    token = await make_token(upstream.url, clock=clock)
    await token.bearer()
    clock.advance(3600)

    await token.bearer()

    assert [grant["grant_type"] for grant in grants(upstream)] == ["password", "password"]


async def test_concurrent_callers_share_one_grant(upstream: Upstream, make_token: TokenFactory) -> None:
    upstream.script(recorded("token"))
    token = await make_token(upstream.url)

    bearers = await asyncio.gather(*(token.bearer() for _ in range(8)))

    assert set(bearers) == {access("token")}
    assert len(upstream.hits) == 1


async def test_invalidate_forgets_only_the_token_that_was_refused(
    upstream: Upstream, make_token: TokenFactory
) -> None:
    upstream.script(recorded("token"), recorded("token_refreshed"))
    token = await make_token(upstream.url)
    first = await token.bearer()

    await token.invalidate("Bearer some-older-token")  # a late refusal of a token already replaced
    assert await token.bearer() == first
    await token.invalidate(first)

    assert await token.bearer() == access("token_refreshed")
    assert [grant["grant_type"] for grant in grants(upstream)] == ["password", "refresh_token"]


async def test_a_grant_is_never_retried(upstream: Upstream, make_token: TokenFactory) -> None:
    upstream.script(Upstream.json({"code": 503, "message": "Service Unavailable"}, status=503))
    token = await make_token(upstream.url, retries=2)

    with pytest.raises(BackendUnavailable):
        await token.bearer()

    assert len(upstream.hits) == 1


@pytest.mark.parametrize(
    ("key", "value"),
    [("access_token", None), ("access_token", 12), ("expires_in", None), ("expires_in", "3600")],
)
async def test_a_grant_without_a_token_or_a_lifetime_is_a_bad_response(
    upstream: Upstream, make_token: TokenFactory, key: str, value: object
) -> None:
    body = load("token").body
    body[key] = value
    upstream.script(Upstream.json(body))
    token = await make_token(upstream.url)

    with pytest.raises(BackendBadResponse, match=f"unexpected token response: {key}: "):
        await token.bearer()


# --- against the emulator --------------------------------------------------------------------------------


async def test_the_emulator_grants_a_token_its_api_accepts(
    emulator: Sandbox, make_token: TokenFactory
) -> None:
    token = await make_token(emulator.urls["akeneo"], Credentials.of(emulator))

    bearer = await token.bearer()
    response = await token.client.request("GET", f"{API}/channels", headers={"Authorization": bearer})

    assert response.status == 200
    assert (await sandbox_stats(emulator))["akeneo"]["requests"][f"POST {TOKEN_PATH}"] == 1


async def test_a_refreshed_token_is_accepted_too(emulator: Sandbox, make_token: TokenFactory) -> None:
    clock = FakeClock()
    token = await make_token(emulator.urls["akeneo"], Credentials.of(emulator), clock=clock)
    first = await token.bearer()
    clock.advance(3600)

    second = await token.bearer()
    response = await token.client.request("GET", f"{API}/channels", headers={"Authorization": second})

    assert second != first
    assert response.status == 200
    assert (await sandbox_stats(emulator))["akeneo"]["requests"][f"POST {TOKEN_PATH}"] == 2


@pytest.mark.parametrize(
    ("wrong", "message"),
    [
        ({"password": "not-the-password"}, "No user found for the given username and password"),
        (
            {"client_secret": "not-the-secret"},
            'Parameter "client_id" is missing or does not match any client',
        ),
    ],
    ids=["password", "client secret"],
)
async def test_refused_credentials_are_a_refused_request_with_akeneos_message(
    emulator: Sandbox, make_token: TokenFactory, wrong: dict[str, str], message: str
) -> None:
    right = Credentials.of(emulator)
    token = await make_token(emulator.urls["akeneo"], dataclasses.replace(right, **wrong))

    with pytest.raises(BackendRequestError) as raised:
        await token.bearer()

    assert raised.value.status == 422
    assert raised.value.vendor_message is not None
    assert raised.value.vendor_message.startswith(message)
