"""The customer sign-in routes, served by passing them on to Shopify (`CustomerAccountSignIn`).

`/.well-known/openid-configuration`, `/.well-known/customer-account-api` and
`/authentication/{shop_id}/...` (authorize, token, logout, the ID token key set) answer as Shopify
answers them: status, body and the headers a client acts on. The authorize redirect goes back to
the client's own `redirect_uri` untouched.

The two discovery documents are the one place the gateway edits: their endpoint URLs on Shopify's
host are moved to the gateway's own origin (the origin the request came to), so a client that
discovers through the gateway signs in, refreshes, logs out and calls the account API through it.
`graphql_api` names the gateway's own account path; `issuer` is kept as Shopify's, since it is
the identity Shopify signs ID tokens with (`iss`), not an address to call; an URL on a host the
gateway does not front (`mcp_api`) is kept too.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

import orjson
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from gateway.backends.http.errors import BackendError
from gateway.backends.http.response import BackendResponse
from gateway.backends.shopify.account_sign_in import CustomerAccountSignIn

DISCOVERY_PATHS = ("/.well-known/openid-configuration", "/.well-known/customer-account-api")
SIGN_IN_PATH = "/authentication/{shop_id:int}/{rest:path}"
"""Shopify's sign-in paths for one shop, by its numeric id."""
PASSED_PREFIX = "/authentication/"
"""Discovery URLs under this path on Shopify's host are the gateway's to serve."""
RESPONSE_HEADERS = (
    "cache-control",
    "content-language",
    "content-security-policy",
    "expires",
    "location",
    "pragma",
    "retry-after",
    "www-authenticate",
    "x-frame-options",
)
"""What the client acts on in Shopify's answer, besides its type and its cookies."""


def rewritten_discovery(
    document: dict[str, Any], *, upstream: str, gateway: str, graphql_path: str
) -> dict[str, Any]:
    """The discovery document with Shopify's sign-in and account API URLs on the gateway's origin."""
    shopify_origin = _origin(upstream)
    moved: dict[str, Any] = {}
    for name, value in document.items():
        if name == "graphql_api" and isinstance(value, str):
            moved[name] = gateway + graphql_path
        elif (
            name != "issuer"
            and isinstance(value, str)
            and _origin(value) == shopify_origin
            and urlsplit(value).path.startswith(PASSED_PREFIX)
        ):
            parts = urlsplit(value)
            moved[name] = gateway + parts.path + (f"?{parts.query}" if parts.query else "")
        else:
            moved[name] = value
    return moved


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def _answer(answer: BackendResponse, body: bytes) -> Response:
    response = Response(body, status_code=answer.status)
    content_type = answer.headers.get("Content-Type")
    if content_type:
        response.headers["Content-Type"] = content_type
    for name in RESPONSE_HEADERS:
        if name in answer.headers:
            response.headers[name] = answer.headers[name]
    for cookie in answer.headers.getall("Set-Cookie", ()):
        response.headers.append("Set-Cookie", cookie)
    return response


def sign_in_endpoint(
    sign_in: Callable[[], CustomerAccountSignIn], *, upstream: str, graphql_path: str
) -> Callable[[Request], Awaitable[Response]]:
    """The Starlette endpoint of every sign-in route; `upstream` is the account API's base URL."""

    async def pass_on(request: Request) -> Response:
        path = request.url.path
        if any(segment in (".", "..") for segment in path.split("/")):
            # Only Shopify's sign-in paths are passed on: no way out of them to another API.
            return JSONResponse({"error": "not found"}, status_code=404)
        try:
            answer = await sign_in().pass_on(
                request.method,
                path,
                query=request.query_params.multi_items(),
                headers=request.headers,
                body=await request.body() if request.method == "POST" else None,
            )
        except BackendError as exc:
            return JSONResponse(
                {"error": "Shopify's sign-in could not be reached.", "code": exc.code},
                status_code=502,
                headers={"Cache-Control": "no-store"},
            )
        body = answer.body
        if path in DISCOVERY_PATHS and answer.status == 200 and answer.declares_json:
            document = answer.json()
            if isinstance(document, dict):
                gateway = str(request.base_url).rstrip("/")
                body = orjson.dumps(
                    rewritten_discovery(
                        document, upstream=upstream, gateway=gateway, graphql_path=graphql_path
                    )
                )
        return _answer(answer, body)

    return pass_on


__all__ = ["DISCOVERY_PATHS", "SIGN_IN_PATH", "rewritten_discovery", "sign_in_endpoint"]
