"""The Customer Account API through the real gateway: sign-in passed through, the account page composed.

A customer signs in with PKCE at the gateway (which passes every step on to Shopify), then asks for
an account page in the account API's own terms with the gateway's CRM, chat and ERP fields on it.
Shopify is asked once per operation with the customer's own token, each other system once per
level, all counted by the sandbox itself; nothing of the answer is ever cached.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

import pytest

from sandbox.runner import Sandbox
from sandbox.seed import Customer, World
from sandbox.shopify.account.clients import CLIENT_ID
from tests.harness import (
    Gateway,
    account_call,
    account_sign_in,
    gateway_config,
    oauth_token,
    reset_sandbox,
    running_gateway,
    sandbox_stats,
    set_faults,
)
from tests.sandbox.shopify.account_flow import AUTH, GRAPHQL_PATH, Pkce, authorize_params

ACCOUNT_PAGE = """query AccountPage {
  customer {
    firstName
    emailAddress { emailAddress }
    profile { loyalty { tier } }
    conversations(first: 5) { nodes { id } }
    orders(first: 10) { nodes { name fulfilment { state } invoices { number } } }
  }
}"""
FIRST_ORDER = "{ customer { orders(first: 1) { nodes { id } } } }"
ORDER = "query($id: ID!) { order(id: $id) { name fulfilment { state } } }"
FIRST_NAME = "{ customer { firstName } }"
SEARCHES = ("POST /contacts/search", "POST /conversations/search")


def _busy_customer(world: World) -> Customer:
    """A customer with several orders and conversations."""
    orders = Counter(order.customer_id for order in world.orders)
    talks = Counter(conversation.customer_id for conversation in world.conversations)
    chosen = max(world.customers, key=lambda c: (min(orders[c.id], 3), talks[c.id], orders[c.id]))
    assert orders[chosen.id] >= 2, "the seed gives some customer several orders"
    assert talks[chosen.id] >= 1, "and conversations"
    return chosen


def _expected_page(world: World, customer: Customer) -> dict[str, Any]:
    conversations = sorted(c.id for c in world.conversations if c.customer_id == customer.id)
    assert len(conversations) <= 5, "the page's first five are all of them"
    orders = [order for order in world.orders if order.customer_id == customer.id]
    return {
        "firstName": customer.first_name,
        "emailAddress": {"emailAddress": customer.email},
        "profile": {"loyalty": {"tier": customer.crm.loyalty_tier}},
        "conversations": {"nodes": [{"id": id_} for id_ in conversations]},
        "orders": sorted(
            (
                {
                    "name": order.name,
                    "fulfilment": {"state": order.erp.state},
                    "invoices": [{"number": order.erp.invoice_name}] if order.erp.invoice_name else [],
                }
                for order in orders
            ),
            key=lambda o: o["name"],
        ),
    }


def _sorted(page: dict[str, Any]) -> dict[str, Any]:
    """The page with orders by name and conversations by id (the seed says nothing of their order)."""
    conversations = page["conversations"]
    if conversations is not None:
        conversations = {"nodes": sorted(conversations["nodes"], key=lambda c: c["id"])}
    return {
        **page,
        "conversations": conversations,
        "orders": sorted(page["orders"]["nodes"], key=lambda o: o["name"]),
    }


async def test_an_account_page_is_the_seed_with_one_call_per_system_and_level(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    # given
    customer = _busy_customer(world)
    tokens = await account_sign_in(gateway, customer.email)
    await reset_sandbox(clean_sandbox)

    # when
    answer = await account_call(gateway, ACCOUNT_PAGE, token=tokens["access_token"])

    # then
    assert answer.status == 200
    assert "errors" not in answer.body, answer.body["errors"]
    assert _sorted(answer.body["data"]["customer"]) == _expected_page(world, customer)
    stats = await sandbox_stats(clean_sandbox)
    assert stats["shopify"]["requests"] == {f"POST {GRAPHQL_PATH}": 1}
    # The page shows no segments: the contact alone, not the lists it is in.
    assert stats["hubspot"]["requests"] == {"POST /crm/v3/objects/contacts/batch/read": 1}
    assert {route: stats["intercom"]["requests"].get(route) for route in SEARCHES} == dict.fromkeys(
        SEARCHES, 1
    )
    # Fulfilment: sale orders, deliveries, their moves; invoices: sale orders, invoices.
    assert stats["odoo"]["requests"] == {
        "POST /json/2/sale.order/search_read": 1,
        "POST /json/2/stock.picking/search_read": 1,
        "POST /json/2/stock.move/search_read": 1,
        "POST /json/2/account.move/search_read": 1,
    }


async def test_the_same_page_again_asks_shopify_again(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    customer = _busy_customer(world)
    token = (await account_sign_in(gateway, customer.email))["access_token"]
    first = await account_call(gateway, FIRST_NAME, token=token)
    await reset_sandbox(clean_sandbox)

    again = await account_call(gateway, FIRST_NAME, token=token)

    assert again.body["data"] == first.body["data"] == {"customer": {"firstName": customer.first_name}}
    assert (await sandbox_stats(clean_sandbox))["shopify"]["requests"] == {f"POST {GRAPHQL_PATH}": 1}


async def test_another_customer_s_order_is_null(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    # given
    mine = _busy_customer(world)
    other = next(
        c for c in world.customers if c.id != mine.id and any(o.customer_id == c.id for o in world.orders)
    )
    their_token = (await account_sign_in(gateway, other.email))["access_token"]
    their_order = (await account_call(gateway, FIRST_ORDER, token=their_token)).body["data"]
    order_id = their_order["customer"]["orders"]["nodes"][0]["id"]
    my_token = (await account_sign_in(gateway, mine.email))["access_token"]
    await reset_sandbox(clean_sandbox)

    # when
    answer = await account_call(gateway, ORDER, {"id": order_id}, token=my_token)

    # then: Shopify names no order, so the ERP is never asked of one
    assert answer.body["data"] == {"order": None}
    assert "errors" not in answer.body
    assert (await sandbox_stats(clean_sandbox))["odoo"]["requests"] == {}


async def test_a_forged_or_missing_token_is_shopify_s_401(gateway: Gateway, clean_sandbox: Sandbox) -> None:
    forged = await account_call(gateway, FIRST_NAME, token="shcat_forged")
    missing = await account_call(gateway, FIRST_NAME, token=None)

    assert (forged.status, missing.status) == (401, 401)
    assert forged.body["errors"][0]["extensions"]["code"] == "UNAUTHORIZED"
    assert missing.body == forged.body


async def test_introspection_needs_no_token_and_shows_the_gateway_s_fields(gateway: Gateway) -> None:
    answer = await account_call(gateway, '{ __type(name: "Customer") { fields { name } } }', token=None)

    names = {field["name"] for field in answer.body["data"]["__type"]["fields"]}
    assert {"emailAddress", "profile", "conversations"} <= names


async def test_a_crm_outage_costs_only_the_profile(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    # given
    customer = _busy_customer(world)
    token = (await account_sign_in(gateway, customer.email))["access_token"]
    await set_faults(clean_sandbox, "hubspot", down=True)

    # when
    answer = await account_call(gateway, ACCOUNT_PAGE, token=token)

    # then
    expected = _expected_page(world, customer)
    assert _sorted(answer.body["data"]["customer"]) == {**expected, "profile": None}
    (error,) = answer.body["errors"]
    assert error["path"] == ["customer", "profile"]
    assert (error["extensions"]["service"], error["extensions"]["code"]) == ("hubspot", "BACKEND_UNAVAILABLE")


async def test_a_refreshed_token_works_and_logout_revokes_it(gateway: Gateway, world: World) -> None:
    # given
    customer = _busy_customer(world)
    tokens = await account_sign_in(gateway, customer.email)

    # when: refreshed through the gateway
    refreshed = await oauth_token(
        gateway,
        {"grant_type": "refresh_token", "client_id": CLIENT_ID, "refresh_token": tokens["refresh_token"]},
    )

    # then
    assert refreshed.status == 200, refreshed.body
    assert refreshed.headers["Cache-Control"] == "no-store"
    token = refreshed.body["access_token"]
    assert (await account_call(gateway, FIRST_NAME, token=token)).status == 200

    # when: logged out through the gateway
    target = "http://127.0.0.1:3000/signed-out"
    params = {"id_token_hint": refreshed.body["id_token"], "post_logout_redirect_uri": target, "state": "s1"}
    async with gateway.http.get(
        f"{gateway.url}{AUTH}/logout", params=params, allow_redirects=False
    ) as response:
        status, location = response.status, response.headers.get("Location")

    # then: Shopify's redirect, untouched, and the token is no good any more
    assert (status, location) == (302, f"{target}?state=s1")
    assert (await account_call(gateway, FIRST_NAME, token=token)).status == 401


async def test_a_bad_token_request_is_shopify_s_error_as_it_came(gateway: Gateway) -> None:
    answer = await oauth_token(
        gateway, {"grant_type": "refresh_token", "client_id": CLIENT_ID, "refresh_token": "nope"}
    )

    assert answer.status == 400
    assert answer.body["error"] == "invalid_grant"


async def test_discovery_through_the_gateway_points_at_the_gateway(
    gateway: Gateway, sandbox: Sandbox
) -> None:
    async with gateway.http.get(f"{gateway.url}/.well-known/openid-configuration") as response:
        openid = await response.json()
    async with gateway.http.get(f"{gateway.url}/.well-known/customer-account-api") as response:
        api = await response.json()

    assert openid["authorization_endpoint"] == f"{gateway.url}{AUTH}/oauth/authorize"
    assert openid["token_endpoint"] == f"{gateway.url}{AUTH}/oauth/token"
    assert openid["end_session_endpoint"] == f"{gateway.url}{AUTH}/logout"
    assert openid["jwks_uri"] == f"{gateway.url}{AUTH}/.well-known/jwks.json"
    # The identity ID tokens are signed with stays Shopify's.
    assert openid["issuer"] == f"{sandbox.urls['shopify']}{AUTH}"
    assert api["graphql_api"] == f"{gateway.url}{GRAPHQL_PATH}"
    async with gateway.http.get(openid["jwks_uri"]) as response:
        assert response.status == 200
        assert (await response.json())["keys"]


async def test_the_login_page_is_shopify_s_and_posts_back_to_the_gateway(gateway: Gateway) -> None:
    async with gateway.http.get(
        f"{gateway.url}{AUTH}/oauth/authorize", params=authorize_params(Pkce.new())
    ) as response:
        status, content_type, page = response.status, response.headers["Content-Type"], await response.text()

    assert (status, content_type.split(";")[0]) == (200, "text/html")
    assert f'action="{AUTH}/oauth/authorize"' in page


async def test_a_path_out_of_the_sign_in_is_not_passed_on(gateway: Gateway) -> None:
    async with gateway.http.get(
        f"{gateway.url}{AUTH}/../../admin/api/2026-07/graphql.json", allow_redirects=False
    ) as response:
        assert response.status == 404


async def test_started_while_shopify_is_down_the_account_path_answers_503_until_it_can_compose(
    clean_sandbox: Sandbox, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("gateway.graphql.storefront_api.RETRY_EVERY_S", 0.0)
    await set_faults(clean_sandbox, "shopify", down=True)
    # The breaker that Shopify's outage opened lets a call through soon after it is back.
    config = gateway_config(clean_sandbox, backends={"shopify": {"breaker_reset_s": 0.05}})
    async with running_gateway(config) as started:
        down = await account_call(started, FIRST_NAME, token="shcat_any")
        await set_faults(clean_sandbox, "shopify", down=False)
        await asyncio.sleep(0.1)
        customer = _busy_customer(world)
        token = (await account_sign_in(started, customer.email))["access_token"]
        up = await account_call(started, FIRST_NAME, token=token)

    assert (down.status, down.headers["Retry-After"]) == (503, "5")
    assert down.body["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert "Customer Account API" in down.body["errors"][0]["message"]
    assert (up.status, up.body["data"]) == (200, {"customer": {"firstName": customer.first_name}})
