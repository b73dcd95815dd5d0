"""Shopify's own schemas, read by introspection: the Storefront API's and the Customer Account API's.

The gateway composes its schemas from what Shopify serves for the pinned API versions, so every
type, field, argument and description of either API is Shopify's, as of that version. The
Customer Account API answers introspection without a customer's token, so it is read at start too.
"""

from __future__ import annotations

from typing import Any

from graphql import get_introspection_query

from gateway.backends.http.client import BackendClient

INTROSPECTION = get_introspection_query(descriptions=True, input_value_deprecation=True)
INTROSPECTION_TIMEOUT_S = 30.0
"""Introspection is the largest answer the gateway asks Shopify for, once at start: it may take far
longer than a storefront's request is allowed to (`timeout_s`), and failing it means serving 503s."""


async def storefront_introspection(client: BackendClient, *, token: str, api_version: str) -> dict[str, Any]:
    """The `data` of an introspection query against the Storefront API; raises the gateway's errors."""
    return await _introspection(
        client, f"/api/{api_version}/graphql.json", {"X-Shopify-Storefront-Access-Token": token}
    )


async def customer_account_introspection(client: BackendClient, *, api_version: str) -> dict[str, Any]:
    """The `data` of an introspection query against the Customer Account API, sent without a token."""
    return await _introspection(client, customer_account_path(api_version), {})


def customer_account_path(api_version: str) -> str:
    """The Customer Account API's GraphQL path, relative to its base URL."""
    return f"/account/customer/api/{api_version}/graphql"


async def _introspection(client: BackendClient, path: str, headers: dict[str, str]) -> dict[str, Any]:
    response = await client.request(
        "POST",
        path,
        json={"query": INTROSPECTION},
        headers=headers,
        idempotent=True,
        timeout_s=max(INTROSPECTION_TIMEOUT_S, client.settings.timeout_s),
    )
    body = response.json_object()
    if body.get("errors"):
        raise response.bad_shape(f"introspection refused: {str(body['errors'])[:200]}")
    data = body.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("__schema"), dict):
        raise response.bad_shape("no `__schema` in the introspection answer")
    return data


__all__ = [
    "INTROSPECTION",
    "INTROSPECTION_TIMEOUT_S",
    "customer_account_introspection",
    "customer_account_path",
    "storefront_introspection",
]
