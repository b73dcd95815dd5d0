"""The Storefront API connector: one planned operation sent, Shopify's whole answer returned.

It sends the client's own operation (planned: see `gateway.graphql.planning`) and returns Shopify's
body as it came, `data`, `errors` and `extensions.cost` included, for the gateway to graft its
fields into; an answer that is not a GraphQL response at all is Shopify's fault (`BACKEND_BAD_RESPONSE`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import (
    BackendAuthError,
    BackendError,
    BackendRateLimited,
    BackendRequestError,
)
from gateway.models.caller import ANONYMOUS, Caller

from .graphql_answer import checked_answer, request_body

BUYER_IP_HEADER = "Shopify-Storefront-Buyer-IP"
"""How a server-side caller tells Shopify which buyer it calls for (Shopify's bot and rate protection)."""
CHECK_DOCUMENT = "query GatewayReadiness { shop { name } }"
"""The readiness check's query: the cheapest one that needs a valid Storefront token."""


class StorefrontForwarder:
    """Sends planned operations to the Storefront API of one shop and API version."""

    service = "shopify"

    def __init__(self, client: BackendClient, *, token: str, api_version: str) -> None:
        self.client = client
        self.api_version = api_version
        self._path = f"/api/{api_version}/graphql.json"
        self._headers = {"X-Shopify-Storefront-Access-Token": token}

    async def forward(
        self,
        document: str,
        variables: Mapping[str, Any],
        operation_name: str | None,
        *,
        mutation: bool,
        caller: Caller = ANONYMOUS,
    ) -> dict[str, Any]:
        """Shopify's answer to one operation: its JSON object, or the gateway's error for the failure.

        A query is retried like any read; a mutation never is, since Shopify may have applied it.
        """
        payload = request_body(document, variables, operation_name)
        headers = dict(self._headers)
        if caller.buyer_ip:
            headers[BUYER_IP_HEADER] = caller.buyer_ip
        response = await self.client.request(
            "POST", self._path, json=payload, headers=headers, idempotent=not mutation, allow_statuses=(400,)
        )
        return checked_answer(response)

    async def check(self) -> bool:
        """Readiness: the shop answers with this token, on the client's probe path (outside its breaker)."""
        response = await self.client.request(
            "POST", self._path, json={"query": CHECK_DOCUMENT}, headers=self._headers, probe=True
        )
        body = response.json_object()
        if body.get("errors"):
            raise self._refusal(body["errors"])
        if not isinstance((body.get("data") or {}).get("shop"), dict):
            raise response.bad_shape("no `data.shop` object in the GraphQL response")
        return True

    def _refusal(self, errors: Any) -> BackendError:
        first = errors[0] if isinstance(errors, list) and errors and isinstance(errors[0], dict) else {}
        message = str(first.get("message", errors))[:200]
        code = (first.get("extensions") or {}).get("code")
        if code == "THROTTLED":
            return BackendRateLimited(self.service, f"storefront query throttled: {message}")
        if code in ("ACCESS_DENIED", "UNAUTHORIZED"):
            return BackendAuthError(self.service, f"storefront query refused: {message}", status=403)
        return BackendRequestError(
            self.service, f"storefront query failed: {message}", status=200, vendor_message=message
        )


__all__ = ["BUYER_IP_HEADER", "StorefrontForwarder"]
