"""Forwarding: one planned operation sent to the Storefront API, Shopify's whole answer returned.

Unlike the catalog connector, which reads fixed documents into the gateway's models, this sends
the client's own operation (planned: see `gateway.graphql.planning`) and returns Shopify's body as
it came, `data`, `errors` and `extensions.cost` included, for the gateway to graft its fields into.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gateway.backends.http.client import BackendClient

BUYER_IP_HEADER = "Shopify-Storefront-Buyer-IP"
"""How a server-side caller tells Shopify which buyer it calls for (Shopify's bot and rate protection)."""


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
        buyer_ip: str | None = None,
    ) -> dict[str, Any]:
        """Shopify's answer to one operation: its JSON object, or the gateway's error for the failure.

        A query is retried like any read; a mutation never is, since Shopify may have applied it.
        """
        payload: dict[str, Any] = {"query": document, "variables": dict(variables)}
        if operation_name is not None:
            payload["operationName"] = operation_name
        headers = dict(self._headers)
        if buyer_ip:
            headers[BUYER_IP_HEADER] = buyer_ip
        response = await self.client.request(
            "POST", self._path, json=payload, headers=headers, idempotent=not mutation, allow_statuses=(400,)
        )
        return response.json_object()


__all__ = ["BUYER_IP_HEADER", "StorefrontForwarder"]
