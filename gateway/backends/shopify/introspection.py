"""Shopify's own schema, read from the configured Storefront endpoint by introspection.

The gateway composes its schema from what Shopify serves for the pinned API version, so every
type, field, argument and description of the Storefront API is Shopify's, as of that version.
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
    response = await client.request(
        "POST",
        f"/api/{api_version}/graphql.json",
        json={"query": INTROSPECTION},
        headers={"X-Shopify-Storefront-Access-Token": token},
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


__all__ = ["INTROSPECTION", "INTROSPECTION_TIMEOUT_S", "storefront_introspection"]
