"""The gateway's own types (PIM content, ERP stock, orders) and where they attach to Shopify's schema.

Shopify's own types are not declared here: the served schema is the Storefront API's, read by
introspection and extended with these (`gateway.graphql.composition`, `schema.extensions`).
"""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry.schema.config import StrawberryConfig

DATE = strawberry.scalar(
    name="Date",
    description="A calendar day, written `YYYY-MM-DD` (ISO 8601), with no time of day or time zone.",
    serialize=date.isoformat,
    parse_value=date.fromisoformat,
)
"""The Storefront API has no date scalar (only `DateTime`): an invoice's due date is a day, not an instant."""

STRAWBERRY_CONFIG = StrawberryConfig(scalar_map={date: DATE})
"""How the gateway's Strawberry types become GraphQL types in composition (camelCase names)."""

__all__ = ["STRAWBERRY_CONFIG"]
