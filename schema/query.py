"""The root query type, composed from each domain's queries (as Saleor composes its API)."""

from __future__ import annotations

import strawberry

from .catalog.queries import CatalogQueries


@strawberry.type(
    name="QueryRoot",
    description="The schema's entry-point for queries. This acts as the public, top-level API from which all queries must start.",
)
class QueryRoot(CatalogQueries):
    pass


__all__ = ["QueryRoot"]
