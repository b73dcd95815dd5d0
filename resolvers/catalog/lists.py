"""Catalog lists (products, collections, a collection's products, search) through cached loaders."""

from __future__ import annotations

from typing import TypeVar

from gateway.models.catalog import Collection, Detail, ListArgs, Page, Product
from resolvers import loaders
from resolvers.context import RequestContext
from resolvers.pagination import check_page_size

T = TypeVar("T")


def collection_products_args(
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    reverse: bool | None,
    sort_key: str | None,
    filters: str | None,
    detail: Detail,
) -> ListArgs:
    """`Collection.products`' arguments as one key, built the same way wherever they are read."""
    return ListArgs(
        first=first,
        after=after,
        last=last,
        before=before,
        reverse=bool(reverse),
        sort_key=sort_key,
        filters=filters,
        detail=detail,
    )


def _checked(context: RequestContext, args: ListArgs) -> ListArgs:
    check_page_size(args.first, args.last, context.services.settings.max_page_size)
    return args


async def _page(page: Page[T] | None, what: str) -> Page[T]:
    if page is None:  # a source answers every list, empty or not
        raise LookupError(f"no {what} page returned")
    return page


async def products(context: RequestContext, args: ListArgs) -> Page[Product]:
    return await _page(await loaders.products_page(context).load(_checked(context, args)), "products")


async def search(context: RequestContext, args: ListArgs) -> Page[Product]:
    return await _page(await loaders.search_page(context).load(_checked(context, args)), "search")


async def collections(context: RequestContext, args: ListArgs) -> Page[Collection]:
    return await _page(await loaders.collections_page(context).load(_checked(context, args)), "collections")


async def collection_products(context: RequestContext, collection_id: str, args: ListArgs) -> Page[Product]:
    loader = loaders.collection_products(context)
    return await _page(await loader.load((collection_id, _checked(context, args))), "collection products")


__all__ = ["collection_products", "collection_products_args", "collections", "products", "search"]
