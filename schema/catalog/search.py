"""Storefront search: products matching a query, with facets and a total count."""

from __future__ import annotations

from typing import Annotated

import strawberry

from gateway.models import catalog as models
from resolvers.catalog.enrichment import Enrichment
from schema.common.page_info import PageInfo

from .filters import Filter
from .product import Product

SearchResultItem = Annotated[
    Product,
    strawberry.union(
        "SearchResultItem",
        description="A search result that matches the search query (products are what this storefront indexes).",
    ),
]


@strawberry.type(
    name="SearchResultItemEdge",
    description="An auto-generated type which holds one SearchResultItem and a cursor during pagination.",
)
class SearchResultItemEdge:
    cursor: str = strawberry.field(description="A cursor for use in pagination.")
    node: SearchResultItem = strawberry.field(description="The item at the end of SearchResultItemEdge.")


@strawberry.type(
    name="SearchResultItemConnection",
    description="An auto-generated type for paginating through multiple SearchResultItems.",
)
class SearchResultItemConnection:
    edges: list[SearchResultItemEdge] = strawberry.field(description="A list of edges.")
    nodes: list[SearchResultItem] = strawberry.field(
        description="A list of the nodes contained in SearchResultItemEdge."
    )
    page_info: PageInfo = strawberry.field(description="Information to aid in pagination.")
    product_filters: list[Filter] = strawberry.field(description="A list of available filters.")
    total_count: int = strawberry.field(description="The total number of results.")

    @classmethod
    def from_page(cls, page: models.Page[models.Product], extras: Enrichment) -> SearchResultItemConnection:
        nodes = [Product.from_model(product, extras) for product in page.items]
        return cls(
            edges=[
                SearchResultItemEdge(cursor=cursor, node=node)
                for (cursor, _), node in zip(page.edges, nodes, strict=True)
            ],
            nodes=nodes,
            page_info=PageInfo.from_model(page.page_info),
            product_filters=[Filter.from_model(f) for f in page.filters],
            total_count=page.total_count if page.total_count is not None else len(nodes),
        )


__all__ = ["SearchResultItem", "SearchResultItemConnection", "SearchResultItemEdge"]
