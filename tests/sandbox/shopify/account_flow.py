"""Signing a sandbox customer in through the Customer Account API's PKCE flow, over HTTP."""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sandbox.seed import CUSTOMER_PASSWORD, Customer
from sandbox.shopify.account.clients import CLIENT_ID

from .sandbox_client import Reply, ShopifySandbox

SHOP_ID = 71_500_000_000
AUTH = f"/authentication/{SHOP_ID}"
GRAPHQL_PATH = "/account/customer/api/2026-04/graphql"
REDIRECT_URI = "http://127.0.0.1:3000/account/authorize"
SCOPE = "openid email customer-account-api:full"


@dataclass
class Pkce:
    verifier: str
    challenge: str

    @classmethod
    def new(cls) -> Pkce:
        verifier = secrets.token_urlsafe(48)
        digest = hashlib.sha256(verifier.encode()).digest()
        return cls(verifier, base64.urlsafe_b64encode(digest).decode().rstrip("="))


def authorize_params(pkce: Pkce, **overrides: str) -> dict[str, str]:
    return {
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT_URI,
        "response_type": "code",
        "scope": SCOPE,
        "state": "state-123",
        "nonce": "nonce-456",
        "code_challenge": pkce.challenge,
        "code_challenge_method": "S256",
        **overrides,
    }


async def sign_in_code(shop: ShopifySandbox, customer: Customer, pkce: Pkce, **overrides: str) -> str:
    """Post the login form; returns the authorization code the redirect carries."""
    form = {**authorize_params(pkce, **overrides), "email": customer.email, "password": CUSTOMER_PASSWORD}
    async with shop.http.post(shop.url + f"{AUTH}/oauth/authorize", data=form, allow_redirects=False) as r:
        assert r.status == 302, await r.text()
        query = parse_qs(urlsplit(r.headers["Location"]).query)
    assert query["state"] == ["state-123"]
    return query["code"][0]


async def token_request(shop: ShopifySandbox, form: dict[str, str], **kwargs: Any) -> Reply:
    async with shop.http.post(shop.url + f"{AUTH}/oauth/token", data=form, **kwargs) as response:
        return Reply(response.status, await response.json(content_type=None), response.headers)


async def exchange(shop: ShopifySandbox, code: str, verifier: str) -> Reply:
    return await token_request(
        shop,
        {
            "grant_type": "authorization_code",
            "client_id": CLIENT_ID,
            "redirect_uri": REDIRECT_URI,
            "code": code,
            "code_verifier": verifier,
        },
    )


async def signed_in(shop: ShopifySandbox, customer: Customer) -> dict[str, Any]:
    """The token response of a full sign-in of `customer`."""
    pkce = Pkce.new()
    reply = await exchange(shop, await sign_in_code(shop, customer, pkce), pkce.verifier)
    assert reply.status == 200, reply.body
    tokens: dict[str, Any] = reply.body
    return tokens


async def account(
    shop: ShopifySandbox, token: str | None, query: str, variables: dict[str, Any] | None = None
) -> Reply:
    headers = {"Authorization": token} if token is not None else {}
    return await shop.post(GRAPHQL_PATH, json={"query": query, "variables": variables or {}}, headers=headers)


__all__ = [
    "AUTH",
    "GRAPHQL_PATH",
    "REDIRECT_URI",
    "SHOP_ID",
    "Pkce",
    "account",
    "authorize_params",
    "exchange",
    "sign_in_code",
    "signed_in",
    "token_request",
]
