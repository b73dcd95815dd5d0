"""The GraphQL contract: Storefront-compatible types by commerce domain, composed into one schema."""

from __future__ import annotations

import strawberry
from strawberry.schema.config import StrawberryConfig

from .common.in_context import in_context
from .common.scalars import SCALARS
from .query import QueryRoot

STRAWBERRY_CONFIG = StrawberryConfig(scalar_map=SCALARS, relay_max_results=250)
"""How the gateway's Strawberry types become GraphQL types, in its schema and in composition."""


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(query=QueryRoot, directives=[in_context], config=STRAWBERRY_CONFIG)


schema = build_schema()
"""The gateway's schema; `commerce-gateway schema` prints it and `schema.graphql` holds the printed copy."""

__all__ = ["STRAWBERRY_CONFIG", "build_schema", "schema"]
