"""Clients over HTTP: keys, scopes, origins and rate limits, as a storefront, a widget and a staff tool meet them.

Each test runs a gateway configured with one client of each kind (keys known to the test, only
their hashes in the config) and sends what that client would, or what an attacker holding its
key would.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from gateway.clients.keys import key_hash, new_key
from sandbox.runner import Sandbox
from sandbox.seed import World
from tests.harness import Gateway, gateway_config, running_gateway, sandbox_stats

STOREFRONT_KEY = new_key(private=False)
WIDGET_KEY = new_key(private=False)
STAFF_KEY = new_key(private=True)
WIDGET_ORIGIN = "https://widget.example"
SHOP_ORIGIN = "https://shop.example"

PRODUCTS = "{ products(first: 2) { nodes { handle } } }"
ME = "query($token: String!) { customer(customerAccessToken: $token) { email } }"
PROFILE_IN_A_FRAGMENT = """query($token: String!) {
  me: customer(customerAccessToken: $token) { ...Who }
}
fragment Who on Customer { email ... on Customer { profile { lifecycleStage } } }"""

STOREFRONT_SCOPES = ["catalog:read", "cart:write", "customer:read:self", "orders:read:self", "chat:read:self"]


def _clients(**overrides: Any) -> dict[str, Any]:
    return {
        "anonymous_scopes": ["catalog:read", "cart:write"],
        "clients": [
            {
                "name": "storefront",
                "kind": "storefront",
                "key_sha256": key_hash(STOREFRONT_KEY),
                "scopes": STOREFRONT_SCOPES,
            },
            {
                "name": "chat-widget",
                "kind": "widget",
                "key_sha256": key_hash(WIDGET_KEY),
                "scopes": ["catalog:read", "chat:write"],
                "origins": [WIDGET_ORIGIN],
                "rate_limit": {"requests": 3, "window_s": 60},
            },
            {
                "name": "support-desk",
                "kind": "staff",
                "key_sha256": key_hash(STAFF_KEY),
                "scopes": ["support:read"],
            },
        ],
        **overrides,
    }


@pytest.fixture
async def gateway(clean_sandbox: Sandbox) -> AsyncIterator[Gateway]:
    async with running_gateway(gateway_config(clean_sandbox, clients=_clients())) as running:
        yield running


def _public(key: str, **headers: str) -> dict[str, str]:
    return {"X-Shopify-Storefront-Access-Token": key, **headers}


async def _post(
    gateway: Gateway, query: str, headers: dict[str, str], **variables: Any
) -> tuple[int, Any, Any]:
    async with gateway.http.post(
        f"{gateway.url}/graphql", json={"query": query, "variables": variables}, headers=headers
    ) as response:
        return response.status, response.headers, await response.json(content_type=None)


def _code(body: dict[str, Any]) -> str:
    code: str = body["errors"][0]["extensions"]["code"]
    return code


async def _shopify_calls(sandbox: Sandbox) -> int:
    return sum((await sandbox_stats(sandbox))["shopify"]["requests"].values())


async def test_a_storefront_key_reads_the_catalog_and_signs_its_customer_in(
    gateway: Gateway, world: World
) -> None:
    headers = _public(STOREFRONT_KEY)
    status, _, body = await _post(gateway, PRODUCTS, headers)
    assert status == 200
    assert len(body["data"]["products"]["nodes"]) == 2

    customer = world.customers[0]
    token = await gateway.sign_in(customer.email, headers=headers)
    status, _, body = await _post(gateway, PROFILE_IN_A_FRAGMENT, headers, token=token)
    assert "errors" not in body, body
    assert body["data"]["me"]["profile"]["lifecycleStage"] == customer.crm.lifecycle_stage


async def test_a_field_outside_the_client_s_scopes_is_refused_before_anything_runs(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    token = await gateway.sign_in(world.customers[0].email, headers=_public(STOREFRONT_KEY))
    before = await _shopify_calls(clean_sandbox)
    widget = _public(WIDGET_KEY, Origin=WIDGET_ORIGIN)

    status, _, body = await _post(gateway, PROFILE_IN_A_FRAGMENT, widget, token=token)

    assert status == 200
    assert "data" not in body
    (error,) = body["errors"]
    assert error["extensions"] == {
        "code": "ACCESS_DENIED",
        "scope": "customer:read:self",
        "field": "QueryRoot.customer",
        "client": "chat-widget",
    }
    assert "customer:read:self" in error["message"]
    assert await _shopify_calls(clean_sandbox) == before

    accept = {"Accept": "application/graphql-response+json"}
    status, _, body = await _post(gateway, PROFILE_IN_A_FRAGMENT, {**widget, **accept}, token=token)
    assert (status, _code(body)) == (403, "ACCESS_DENIED")


async def test_a_gateway_field_needs_its_own_scope(clean_sandbox: Sandbox, world: World) -> None:
    limited = _clients()
    limited["clients"][0]["scopes"] = ["catalog:read", "customer:read:self"]
    headers = _public(STOREFRONT_KEY)
    query = """query($token: String!) {
      customer(customerAccessToken: $token) { email conversations { totalCount } }
    }"""
    async with running_gateway(gateway_config(clean_sandbox, clients=limited)) as gateway:
        token = await gateway.sign_in(world.customers[0].email, headers=headers)
        _, _, refused = await _post(gateway, query, headers, token=token)
        _, _, allowed = await _post(gateway, ME, headers, token=token)

    assert refused["errors"][0]["extensions"]["field"] == "Customer.conversations"
    assert refused["errors"][0]["extensions"]["scope"] == "chat:read:self"
    assert allowed["data"]["customer"]["email"] == world.customers[0].email


async def test_without_a_key_a_caller_has_shopify_s_tokenless_access(gateway: Gateway) -> None:
    status, _, body = await _post(gateway, PRODUCTS, {})
    assert status == 200
    assert body["data"]["products"]["nodes"]

    cart = "mutation { cartCreate(input: {}) { cart { id } userErrors { message } } }"
    _, _, body = await _post(gateway, cart, {})
    assert body["data"]["cartCreate"]["cart"]["id"]

    sign_in = """mutation { customerAccessTokenCreate(input: {email: "a@b.c", password: "x"}) {
      customerAccessToken { accessToken } } }"""
    _, _, body = await _post(gateway, sign_in, {})
    assert body["errors"][0]["extensions"]["scope"] == "customer:read:self"


async def test_a_gateway_that_admits_no_anonymous_caller_asks_for_a_key(clean_sandbox: Sandbox) -> None:
    config = gateway_config(clean_sandbox, clients=_clients(anonymous_scopes=[]))
    async with running_gateway(config) as gateway:
        status, _, body = await _post(gateway, PRODUCTS, {})
        assert (status, _code(body)) == (401, "UNAUTHORIZED")
        assert "X-Shopify-Storefront-Access-Token" in body["errors"][0]["message"]

        status, _, body = await _post(gateway, PRODUCTS, _public(STOREFRONT_KEY))
        assert status == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Shopify-Storefront-Access-Token": "gwpub_not-a-key"},
        {"Shopify-Storefront-Private-Token": "gwprv_not-a-key"},
        {"Authorization": "Bearer gwprv_not-a-key"},
    ],
)
async def test_an_unknown_key_is_refused(
    gateway: Gateway, clean_sandbox: Sandbox, headers: dict[str, str]
) -> None:
    before = await _shopify_calls(clean_sandbox)

    status, _, body = await _post(gateway, PRODUCTS, headers)

    assert (status, _code(body)) == (401, "UNAUTHORIZED")
    assert await _shopify_calls(clean_sandbox) == before


async def test_a_widget_key_works_only_from_its_own_origin(gateway: Gateway) -> None:
    status, headers, body = await _post(gateway, PRODUCTS, _public(WIDGET_KEY, Origin=WIDGET_ORIGIN))
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] in ("*", WIDGET_ORIGIN)

    status, _, body = await _post(gateway, PRODUCTS, _public(WIDGET_KEY, Origin="https://copycat.example"))
    assert (status, _code(body)) == (403, "FORBIDDEN")
    assert "https://copycat.example" in body["errors"][0]["message"]


async def test_a_browser_s_preflight_is_answered_with_the_headers_shopify_s_clients_send(
    gateway: Gateway,
) -> None:
    async with gateway.http.options(
        f"{gateway.url}/graphql",
        headers={
            "Origin": SHOP_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, x-shopify-storefront-access-token, x-sdk-variant",
        },
    ) as response:
        assert response.status == 200
        allowed = response.headers["Access-Control-Allow-Headers"].lower()
    assert "x-shopify-storefront-access-token" in allowed
    assert "x-sdk-variant" in allowed


async def test_a_private_key_is_for_servers_not_browsers(gateway: Gateway) -> None:
    query = "{ shop { name } }"
    status, _, body = await _post(gateway, query, {"Authorization": f"Bearer {STAFF_KEY}"})
    # Its key is good, but a staff tool with `support:read` alone may not read the catalog.
    assert (status, _code(body)) == (200, "ACCESS_DENIED")

    status, _, body = await _post(
        gateway, query, {"Authorization": f"Bearer {STAFF_KEY}", "Origin": SHOP_ORIGIN}
    )
    assert (status, _code(body)) == (403, "FORBIDDEN")


async def test_past_its_rate_limit_a_client_is_throttled_and_told_when_to_come_back(gateway: Gateway) -> None:
    widget = _public(WIDGET_KEY, Origin=WIDGET_ORIGIN)
    for _ in range(3):
        status, _, _ = await _post(gateway, PRODUCTS, widget)
        assert status == 200

    status, headers, body = await _post(gateway, PRODUCTS, widget)

    assert (status, _code(body)) == (429, "THROTTLED")
    assert 1 <= int(headers["Retry-After"]) <= 60
    # Another client's budget is its own.
    status, _, _ = await _post(gateway, PRODUCTS, _public(STOREFRONT_KEY))
    assert status == 200


async def test_replicas_on_one_redis_share_a_client_s_rate_limit(clean_sandbox: Sandbox) -> None:
    cache = {
        "backend": "redis",
        "redis_url": "redis://127.0.0.1:6379/0",
        "namespace": f"test-{uuid.uuid4().hex}",
    }
    config = gateway_config(clean_sandbox, cache=cache, clients=_clients())
    widget = _public(WIDGET_KEY, Origin=WIDGET_ORIGIN)
    async with running_gateway(config) as first, running_gateway(config) as second:
        statuses = [(await _post(replica, PRODUCTS, widget))[0] for replica in (first, second, first, second)]

    assert statuses == [200, 200, 200, 429]


async def test_clients_of_other_scopes_never_share_a_cached_response(clean_sandbox: Sandbox) -> None:
    config = gateway_config(clean_sandbox, clients=_clients(), cache={"responses": True})
    async with running_gateway(config) as gateway:
        status, _, body = await _post(gateway, PRODUCTS, _public(STOREFRONT_KEY))
        assert status == 200
        assert "data" in body

        _, _, body = await _post(gateway, PRODUCTS, {"Authorization": f"Bearer {STAFF_KEY}"})

    assert _code(body) == "ACCESS_DENIED"


async def test_the_config_holds_no_key(gateway: Gateway) -> None:
    dumped = gateway.config.model_dump_json()
    for key in (STOREFRONT_KEY, WIDGET_KEY, STAFF_KEY):
        assert key not in dumped
        assert key_hash(key) in dumped


async def test_an_open_gateway_admits_every_caller_from_anywhere(sandbox: Sandbox) -> None:
    async with running_gateway(gateway_config(sandbox)) as gateway:
        status, _, body = await _post(gateway, PRODUCTS, {"Origin": "https://anywhere.example"})

    assert status == 200
    assert body["data"]["products"]["nodes"]
