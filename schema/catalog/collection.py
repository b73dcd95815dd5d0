"""Collection: a group of products a merchant curates, with its own filtered product listing."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from gateway.models import catalog as models
from resolvers.catalog import lists
from resolvers.catalog.enrichment import enrich, wants
from resolvers.context import RequestContext
from schema.common.image import Image
from schema.common.node import Node
from schema.common.page_info import PageInfo
from schema.common.scalars import HTML, UnsignedInt64
from schema.common.seo import SEO

from .enums import ProductCollectionSortKeys
from .filters import ProductFilter, filters_json
from .product import (
    AFTER_ARGUMENT,
    BEFORE_ARGUMENT,
    LAST_ARGUMENT,
    PAGE_ARGUMENT,
    REVERSE_ARGUMENT,
    ProductConnection,
)


@strawberry.type(
    name="Collection",
    description="A group of products that a merchant organizes to make their store easier to browse.",
)
class Collection(Node):
    handle: str = strawberry.field(
        description="A human-friendly unique string for the collection automatically generated from its title."
    )
    title: str = strawberry.field(description="The collection's name.")
    description_html: HTML = strawberry.field(
        description="The description of the collection, complete with HTML formatting."
    )
    image: Image | None = strawberry.field(description="Image associated with the collection.")
    seo: SEO = strawberry.field(description="The collection's SEO information.")
    updated_at: datetime = strawberry.field(
        description="The date and time when the collection was last modified."
    )
    model: strawberry.Private[models.Collection]

    @strawberry.field(
        description="Stripped description of the collection, single line with HTML tags removed."
    )
    def description(
        self,
        truncate_at: Annotated[
            int | None, strawberry.argument(description="Truncates a string after the given length.")
        ] = None,
    ) -> str:
        text = self.model.description
        if truncate_at is not None and truncate_at >= 0 and len(text) > truncate_at:
            return text[: max(truncate_at - 3, 0)].rstrip() + "..."
        return text

    @strawberry.field(description="List of products in the collection.")
    async def products(
        self,
        info: strawberry.Info[RequestContext],
        first: Annotated[int | None, PAGE_ARGUMENT] = None,
        after: Annotated[str | None, AFTER_ARGUMENT] = None,
        last: Annotated[int | None, LAST_ARGUMENT] = None,
        before: Annotated[str | None, BEFORE_ARGUMENT] = None,
        reverse: Annotated[bool | None, REVERSE_ARGUMENT] = False,
        sort_key: Annotated[
            ProductCollectionSortKeys | None,
            strawberry.argument(description="Sort the underlying list by the given key."),
        ] = ProductCollectionSortKeys.COLLECTION_DEFAULT,
        filters: Annotated[
            list[ProductFilter] | None,
            strawberry.argument(description="Returns a subset of products matching all product filters."),
        ] = None,
    ) -> ProductConnection:
        wanted = wants(info)
        args = lists.collection_products_args(
            first=first,
            after=after,
            last=last,
            before=before,
            reverse=reverse,
            sort_key=sort_key.name if sort_key else None,
            filters=filters_json(filters),
            detail=wanted.detail,
        )
        page = await lists.collection_products(info.context, self.model.id, args)
        return ProductConnection.from_page(page, await enrich(info.context, page.items, wanted))

    @classmethod
    def from_model(cls, collection: models.Collection) -> Collection:
        return cls(
            id=strawberry.ID(collection.id),
            handle=collection.handle,
            title=collection.title,
            description_html=HTML(collection.description_html),
            image=Image.from_model(collection.image) if collection.image else None,
            seo=SEO.from_model(collection.seo),
            updated_at=collection.updated_at,
            model=collection,
        )


@strawberry.type(
    name="CollectionEdge",
    description="An auto-generated type which holds one Collection and a cursor during pagination.",
)
class CollectionEdge:
    cursor: str = strawberry.field(description="A cursor for use in pagination.")
    node: Collection = strawberry.field(description="The item at the end of CollectionEdge.")


@strawberry.type(
    name="CollectionConnection",
    description="An auto-generated type for paginating through multiple Collections.",
)
class CollectionConnection:
    edges: list[CollectionEdge] = strawberry.field(description="A list of edges.")
    nodes: list[Collection] = strawberry.field(description="A list of the nodes contained in CollectionEdge.")
    page_info: PageInfo = strawberry.field(description="Information to aid in pagination.")
    total_count: UnsignedInt64 = strawberry.field(description="The total count of Collections.")

    @classmethod
    def from_page(cls, page: models.Page[models.Collection]) -> CollectionConnection:
        nodes = [Collection.from_model(c) for c in page.items]
        return cls(
            edges=[
                CollectionEdge(cursor=cursor, node=node)
                for (cursor, _), node in zip(page.edges, nodes, strict=True)
            ],
            nodes=nodes,
            page_info=PageInfo.from_model(page.page_info),
            total_count=UnsignedInt64(page.total_count if page.total_count is not None else len(nodes)),
        )


__all__ = ["Collection", "CollectionConnection", "CollectionEdge"]
