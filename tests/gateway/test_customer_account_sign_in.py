"""The discovery documents the gateway passes on: Shopify's endpoints moved to the gateway's origin."""

from __future__ import annotations

from gateway.customer_account_sign_in import rewritten_discovery

SHOPIFY = "https://shopify.example"
GATEWAY = "https://shop.example"
GRAPHQL = "/account/customer/api/2026-04/graphql"


def test_sign_in_endpoints_move_to_the_gateway_and_the_issuer_stays_shopify_s() -> None:
    document = {
        "issuer": f"{SHOPIFY}/authentication/1",
        "authorization_endpoint": f"{SHOPIFY}/authentication/1/oauth/authorize",
        "end_session_endpoint": f"{SHOPIFY}/authentication/1/logout?ui=1",
        "scopes_supported": ["openid"],
    }

    moved = rewritten_discovery(document, upstream=SHOPIFY, gateway=GATEWAY, graphql_path=GRAPHQL)

    assert moved == {
        "issuer": f"{SHOPIFY}/authentication/1",
        "authorization_endpoint": f"{GATEWAY}/authentication/1/oauth/authorize",
        "end_session_endpoint": f"{GATEWAY}/authentication/1/logout?ui=1",
        "scopes_supported": ["openid"],
    }


def test_the_account_api_is_the_gateway_s_path_and_other_hosts_are_kept() -> None:
    document = {
        "graphql_api": f"{SHOPIFY}/1/account/customer/api/2026-04/graphql",
        "mcp_api": f"{SHOPIFY}/customer/api/mcp",
        "elsewhere": "https://other.example/authentication/1/oauth/token",
    }

    moved = rewritten_discovery(document, upstream=SHOPIFY, gateway=GATEWAY, graphql_path=GRAPHQL)

    assert moved == {
        "graphql_api": f"{GATEWAY}{GRAPHQL}",
        "mcp_api": f"{SHOPIFY}/customer/api/mcp",
        "elsewhere": "https://other.example/authentication/1/oauth/token",
    }
