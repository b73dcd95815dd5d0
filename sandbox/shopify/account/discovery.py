"""The discovery documents a client reads before signing a customer in.

`/.well-known/openid-configuration` is the OpenID Provider metadata (OpenID Connect Discovery 1.0)
and `/.well-known/customer-account-api` names the GraphQL and MCP endpoints; Hydrogen reads both
from the storefront's domain and falls back to fixed URLs when either fails. URLs are built from
the request's own origin, since the emulator's port is chosen when it starts.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from sandbox.shopify.http import json_response

from .paths import AccountPaths

SCOPES = ("openid", "email", "customer-account-api:full", "customer-account-mcp-api:full")
"""Scopes a sign-in may ask for."""


def origin(request: web.Request) -> str:
    return str(request.url.origin())


def openid_configuration(paths: AccountPaths, base: str) -> dict[str, Any]:
    return {
        "issuer": paths.issuer(base),
        "authorization_endpoint": base + paths.authorize,
        "token_endpoint": base + paths.token,
        "end_session_endpoint": base + paths.logout,
        "jwks_uri": base + paths.jwks,
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["ES256"],
        "scopes_supported": list(SCOPES),
        "claims_supported": [
            "aud",
            "auth_time",
            "email",
            "email_verified",
            "exp",
            "iat",
            "iss",
            "nonce",
            "sid",
            "sub",
        ],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "none"],
        "code_challenge_methods_supported": ["S256"],
    }


def customer_account_api(paths: AccountPaths, base: str) -> dict[str, str]:
    return {"graphql_api": base + paths.graphql, "mcp_api": base + paths.mcp}


class Discovery:
    """Serves both documents and the ID token key set."""

    def __init__(self, paths: AccountPaths, jwk: dict[str, str]) -> None:
        self.paths = paths
        self.jwk = jwk

    async def openid(self, request: web.Request) -> web.Response:
        return json_response(openid_configuration(self.paths, origin(request)))

    async def api(self, request: web.Request) -> web.Response:
        return json_response(customer_account_api(self.paths, origin(request)))

    async def jwks(self, request: web.Request) -> web.Response:
        return json_response({"keys": [self.jwk]})


__all__ = ["SCOPES", "Discovery", "customer_account_api", "openid_configuration", "origin"]
