"""The catalog's root fields, with the Storefront API's names, arguments and nullability."""

from __future__ import annotations

from typing import Annotated

import strawberry

from gateway.models import catalog as models
from resolvers.catalog import lists, objects
from resolvers.catalog.enrichment import Enrichment, enrich, fields_named, names_under, wants, wants_of
from resolvers.context import RequestContext
from schema.common.node import Node

from .collection import Collection, CollectionConnection
from .enums import (
    CollectionSortKeys,
    ProductCollectionSortKeys,
    ProductSortKeys,
    SearchPrefixQueryType,
    SearchSortKeys,
    SearchType,
    SearchUnavailableProductsType,
)
from .filters import ProductFilter, filters_json
from .product import (
    AFTER_ARGUMENT,
    BEFORE_ARGUMENT,
    LAST_ARGUMENT,
    PAGE_ARGUMENT,
    REVERSE_ARGUMENT,
    Product,
    ProductConnection,
)
from .search import SearchResultItemConnection
from .shop import Menu, Shop
from .variant import ProductVariant

ID_ARGUMENT = strawberry.argument(description="The ID of the object.")
HANDLE_ARGUMENT = strawberry.argument(description="The handle of the object.")
QUERY_ARGUMENT = strawberry.argument(
    description="Shopify search syntax, for example `tag:sale`, `product_type:Sweater`, `vendor:Northwind`."
)


def _as_node(
    item: models.Product | models.Variant | models.Collection | None, extras: Enrichment
) -> Node | None:
    if isinstance(item, models.Product):
        return Product.from_model(item, extras)
    if isinstance(item, models.Variant):
        return ProductVariant.from_model(item, extras)
    if isinstance(item, models.Collection):
        return Collection.from_model(item)
    return None


def _products_page(info: strawberry.Info[RequestContext]) -> models.ListArgs | None:
    """The page of products a `collection` selection asks for, when it asks for exactly one.

    Read from the selection (variables resolved) the way `Collection.products` will build it, so
    the collection and its page come in one call; filters are left to that field (their input
    defaults are applied only when it converts them).
    """
    # `selected_fields` holds the `collection` field itself; its page is one level down.
    pages = fields_named([child for field in info.selected_fields for child in field.selections], "products")
    if (
        not pages
        or any(page.arguments != pages[0].arguments for page in pages)
        or "filters" in pages[0].arguments
    ):
        return None
    raw = pages[0].arguments
    # Literals come as their source text ("24"); variables as coerced values. Validation made both Ints.
    first, last = (int(n) if isinstance(n, str) else n for n in (raw.get("first"), raw.get("last")))
    sort_key = raw.get("sortKey", ProductCollectionSortKeys.COLLECTION_DEFAULT.name)
    return lists.collection_products_args(
        first=first,
        after=raw.get("after"),
        last=last,
        before=raw.get("before"),
        reverse=raw.get("reverse", False),
        sort_key=getattr(sort_key, "name", sort_key),
        filters=None,
        detail=wants_of(names_under(pages[0].selections), info.context).detail,
    )


@strawberry.type
class CatalogQueries:
    @strawberry.field(description="The shop associated with the storefront access token.")
    async def shop(self, info: strawberry.Info[RequestContext]) -> Shop:
        return Shop.from_model(await objects.shop(info.context))

    @strawberry.field(description="Fetch a specific `Product` by one of its unique attributes.")
    async def product(
        self,
        info: strawberry.Info[RequestContext],
        id: Annotated[strawberry.ID | None, ID_ARGUMENT] = None,
        handle: Annotated[str | None, HANDLE_ARGUMENT] = None,
    ) -> Product | None:
        wanted = wants(info)
        model = await objects.product(info.context, id, handle, wanted.detail)
        if model is None:
            return None
        return Product.from_model(model, await enrich(info.context, [model], wanted))

    @strawberry.field(
        description="Returns a list of the shop's products. For full-text storefront search, use `search`."
    )
    async def products(
        self,
        info: strawberry.Info[RequestContext],
        first: Annotated[int | None, PAGE_ARGUMENT] = None,
        after: Annotated[str | None, AFTER_ARGUMENT] = None,
        last: Annotated[int | None, LAST_ARGUMENT] = None,
        before: Annotated[str | None, BEFORE_ARGUMENT] = None,
        query: Annotated[str | None, QUERY_ARGUMENT] = None,
        reverse: Annotated[bool | None, REVERSE_ARGUMENT] = False,
        sort_key: Annotated[
            ProductSortKeys | None,
            strawberry.argument(description="Sort the underlying list by the given key."),
        ] = ProductSortKeys.ID,
    ) -> ProductConnection:
        wanted = wants(info)
        args = models.ListArgs(
            first=first,
            after=after,
            last=last,
            before=before,
            reverse=bool(reverse),
            sort_key=sort_key.name if sort_key else None,
            query=query,
            detail=wanted.detail,
        )
        page = await lists.products(info.context, args)
        return ProductConnection.from_page(page, await enrich(info.context, page.items, wanted))

    @strawberry.field(description="Fetch a specific `Collection` by one of its unique attributes.")
    async def collection(
        self,
        info: strawberry.Info[RequestContext],
        id: Annotated[strawberry.ID | None, ID_ARGUMENT] = None,
        handle: Annotated[str | None, HANDLE_ARGUMENT] = None,
    ) -> Collection | None:
        model = await objects.collection(info.context, id, handle, _products_page(info))
        return Collection.from_model(model) if model else None

    @strawberry.field(description="List of the shop's collections.")
    async def collections(
        self,
        info: strawberry.Info[RequestContext],
        first: Annotated[int | None, PAGE_ARGUMENT] = None,
        after: Annotated[str | None, AFTER_ARGUMENT] = None,
        last: Annotated[int | None, LAST_ARGUMENT] = None,
        before: Annotated[str | None, BEFORE_ARGUMENT] = None,
        query: Annotated[str | None, QUERY_ARGUMENT] = None,
        reverse: Annotated[bool | None, REVERSE_ARGUMENT] = False,
        sort_key: Annotated[
            CollectionSortKeys | None,
            strawberry.argument(description="Sort the underlying list by the given key."),
        ] = CollectionSortKeys.ID,
    ) -> CollectionConnection:
        args = models.ListArgs(
            first=first,
            after=after,
            last=last,
            before=before,
            reverse=bool(reverse),
            sort_key=sort_key.name if sort_key else None,
            query=query,
        )
        return CollectionConnection.from_page(await lists.collections(info.context, args))

    @strawberry.field(description="List of the search results.")
    async def search(
        self,
        info: strawberry.Info[RequestContext],
        query: Annotated[str, strawberry.argument(description="The search query.")],
        first: Annotated[int | None, PAGE_ARGUMENT] = None,
        after: Annotated[str | None, AFTER_ARGUMENT] = None,
        last: Annotated[int | None, LAST_ARGUMENT] = None,
        before: Annotated[str | None, BEFORE_ARGUMENT] = None,
        prefix: Annotated[
            SearchPrefixQueryType | None,
            strawberry.argument(
                description="Specifies whether to perform a partial word match on the last search term."
            ),
        ] = None,
        product_filters: Annotated[
            list[ProductFilter] | None,
            strawberry.argument(description="Returns a subset of products matching all product filters."),
        ] = None,
        reverse: Annotated[bool | None, REVERSE_ARGUMENT] = False,
        sort_key: Annotated[
            SearchSortKeys | None,
            strawberry.argument(description="Sort the underlying list by the given key."),
        ] = SearchSortKeys.RELEVANCE,
        types: Annotated[
            list[SearchType] | None, strawberry.argument(description="The types of resources to search for.")
        ] = None,
        unavailable_products: Annotated[
            SearchUnavailableProductsType | None,
            strawberry.argument(
                description="Specifies how unavailable products or variants are displayed in the search results."
            ),
        ] = None,
    ) -> SearchResultItemConnection:
        wanted = wants(info)
        args = models.ListArgs(
            first=first,
            after=after,
            last=last,
            before=before,
            reverse=bool(reverse),
            sort_key=sort_key.name if sort_key else None,
            query=query,
            filters=filters_json(product_filters),
            types=tuple(t.name for t in types) if types is not None else None,
            unavailable_products=unavailable_products.name if unavailable_products else None,
            prefix=prefix.name if prefix else None,
            detail=wanted.detail,
        )
        page = await lists.search(info.context, args)
        return SearchResultItemConnection.from_page(page, await enrich(info.context, page.items, wanted))

    @strawberry.field(description="Returns a specific node by ID.")
    async def node(
        self,
        info: strawberry.Info[RequestContext],
        id: Annotated[strawberry.ID, strawberry.argument(description="The ID of the Node to return.")],
    ) -> Node | None:
        wanted = wants(info)
        item = await objects.node(info.context, id, wanted.detail)
        products = [item] if isinstance(item, models.Product) else []
        variants = [item] if isinstance(item, models.Variant) else []
        return _as_node(item, await enrich(info.context, products, wanted, variants))

    @strawberry.field(description="Returns the list of nodes with the given IDs (at most 250).")
    async def nodes(
        self,
        info: strawberry.Info[RequestContext],
        ids: Annotated[
            list[strawberry.ID], strawberry.argument(description="The IDs of the Nodes to return.")
        ],
    ) -> list[Node | None]:
        wanted = wants(info)
        items = await objects.nodes(info.context, ids, wanted.detail)
        products = [item for item in items if isinstance(item, models.Product)]
        variants = [item for item in items if isinstance(item, models.Variant)]
        extras = await enrich(info.context, products, wanted, variants)
        # Failed entries stay exceptions: graphql-core reports each on its own list item.
        return [item if isinstance(item, BaseException) else _as_node(item, extras) for item in items]  # type: ignore[misc]

    @strawberry.field(description="Retrieve a navigation menu by its handle.")
    async def menu(
        self,
        info: strawberry.Info[RequestContext],
        handle: Annotated[str, strawberry.argument(description="The navigation menu's handle.")],
    ) -> Menu | None:
        model = await objects.menu(info.context, handle)
        return Menu.from_model(model) if model else None


__all__ = ["CatalogQueries"]
