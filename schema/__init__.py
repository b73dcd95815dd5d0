"""The gateway's own types (PIM content, ERP stock) and where they attach to Shopify's schema.

Shopify's own types are not declared here: the served schema is the Storefront API's, read by
introspection and extended with these (`gateway.graphql.composition`, `schema.extensions`).
"""

from __future__ import annotations

from strawberry.schema.config import StrawberryConfig

STRAWBERRY_CONFIG = StrawberryConfig()
"""How the gateway's Strawberry types become GraphQL types in composition (camelCase names)."""

__all__ = ["STRAWBERRY_CONFIG"]
