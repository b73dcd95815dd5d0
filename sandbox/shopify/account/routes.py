"""`add_customer_account`: mount discovery, sign-in and the account API on the Shopify emulator's app."""

from __future__ import annotations

from aiohttp import web

from sandbox.shopify.store import SHOP_ID, Store

from .clients import CLIENT_ID, CLIENT_SECRET
from .discovery import Discovery
from .endpoint import AccountEndpoint
from .grants import Grants
from .id_tokens import IdTokenSigner
from .oauth import OAuthEndpoints
from .paths import AccountPaths


def add_customer_account(
    app: web.Application, store: Store, *, seed: int, token_ttl_s: int
) -> dict[str, str]:
    """Add the routes; returns the credentials a gateway needs to sign customers in."""
    paths = AccountPaths(SHOP_ID)
    grants = Grants(seed, token_ttl_s)
    signer = IdTokenSigner(seed)
    discovery = Discovery(paths, signer.jwk)
    oauth = OAuthEndpoints(store, paths, grants, signer)
    endpoint = AccountEndpoint(store, grants, SHOP_ID)
    for prefix in ("", paths.auth_base):
        app.router.add_get(f"{prefix}/.well-known/openid-configuration", discovery.openid)
    app.router.add_get("/.well-known/customer-account-api", discovery.api)
    app.router.add_get(paths.jwks, discovery.jwks)
    app.router.add_route("GET", paths.authorize, oauth.authorize)
    app.router.add_route("POST", paths.authorize, oauth.authorize)
    app.router.add_post(paths.token, oauth.token)
    app.router.add_route("GET", paths.logout, oauth.logout)
    app.router.add_route("POST", paths.logout, oauth.logout)
    app.router.add_post("/account/customer/api/{version}/graphql", endpoint.handle)
    # Shopify's own host puts the shop id first: https://shopify.com/{shop_id}/account/customer/api/...
    app.router.add_post("/{shop_id:[0-9]+}/account/customer/api/{version}/graphql", endpoint.handle)
    return {
        "customer_account_client_id": CLIENT_ID,
        "customer_account_client_secret": CLIENT_SECRET,
        "customer_account_shop_id": str(SHOP_ID),
    }


__all__ = ["add_customer_account"]
