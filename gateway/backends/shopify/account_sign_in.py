"""Shopify's customer sign-in, passed through: discovery, authorize, token, logout, key set.

The gateway is not a party to the OAuth exchange: the client (a storefront's server, an app) is
Shopify's OAuth client, with Shopify's client id, and the gateway forwards each request to the
Customer Account API's host as it came and returns Shopify's answer as it came: status, body and
the headers a browser or an OAuth client acts on (a redirect's `Location`, `Cache-Control`, a
token error's `WWW-Authenticate`, the login page's cookies). It adds no credential of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from gateway.backends.http.client import BackendClient
from gateway.backends.http.response import BackendResponse

PASSED_ON_STATUSES = range(300, 600)
"""Every answer that is not a success is Shopify's to give the client too (a redirect, an OAuth
error, a 401 login page): returned, not raised."""
REQUEST_HEADERS = ("accept", "accept-language", "authorization", "content-type", "cookie", "origin")
"""What the client sends that Shopify's sign-in reads: a confidential client's HTTP Basic proof,
the form's type, the login session's cookie, and the Origin Shopify checks for public clients."""


class CustomerAccountSignIn:
    """Passes sign-in requests on to the Customer Account API's host.

    ```python
    sign_in = CustomerAccountSignIn(client)
    answer = await sign_in.pass_on("GET", "/.well-known/openid-configuration", query=[], headers={}, body=None)
    ```
    """

    service = "shopify"

    def __init__(self, client: BackendClient) -> None:
        self.client = client

    async def pass_on(
        self,
        method: str,
        path: str,
        *,
        query: Sequence[tuple[str, str]],
        headers: Mapping[str, str],
        body: bytes | None,
    ) -> BackendResponse:
        """Shopify's answer to the request, whatever its status; raises only when Shopify cannot be asked."""
        sent = {name.title(): headers[name] for name in REQUEST_HEADERS if name in headers}
        if body and "Content-Type" not in sent:
            sent["Content-Type"] = "application/octet-stream"
        return await self.client.request(
            method,
            path,
            content=body or None,
            params=list(query),
            headers=sent,
            # An authorization code or a refresh token is spent by its first use: never sent twice.
            idempotent=method == "GET",
            allow_statuses=PASSED_ON_STATUSES,
        )


__all__ = ["PASSED_ON_STATUSES", "REQUEST_HEADERS", "CustomerAccountSignIn"]
