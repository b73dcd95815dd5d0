"""Single catalog objects by id or handle, and `node`/`nodes` routed by the id's type."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from strawberry.dataloader import DataLoader

from gateway.cache import DataClass
from gateway.models.catalog import Collection, Detail, ListArgs, Menu, Product, Shop, Variant
from resolvers import loaders
from resolvers.context import RequestContext
from resolvers.errors import UserInputError
from resolvers.pagination import check_page_size

from .global_ids import gid_type

MAX_NODE_IDS = 250
"""As in the Storefront API: `nodes(ids:)` takes at most 250 ids."""


async def product(
    context: RequestContext, id: str | None, handle: str | None, detail: Detail = Detail.FULL
) -> Product | None:
    if id is not None:
        if gid_type(id) != "Product":
            return None
        return await loaders.product_by_id(context, detail).load(id)
    if handle is not None:
        return await loaders.product_by_handle(context, detail).load(handle)
    raise UserInputError("You must provide one of id or handle.", "id")


async def collection(
    context: RequestContext, id: str | None, handle: str | None, products: ListArgs | None = None
) -> Collection | None:
    """A collection; with `products`, also that page of its products, fetched in the same call.

    The page is handed to the request's `Collection.products` loader, so the field that asks for it
    finds it there: a collection page costs one catalog call, as it would a storefront.
    """
    if id is not None and gid_type(id) != "Collection":
        return None
    if id is None and handle is None:
        raise UserInputError("You must provide one of id or handle.", "id")
    if products is not None:
        try:
            check_page_size(products.first, products.last, context.services.settings.max_page_size)
        except UserInputError:
            products = None  # the products field reports it; the collection itself is fine
    if products is None:
        if id is not None:
            return await loaders.collection_by_id(context).load(id)
        return await loaders.collection_by_handle(context).load(handle)  # type: ignore[arg-type]
    by, key = ("id", id) if id is not None else ("handle", handle)
    both = await loaders.collection_with_products(context, by).load((key, products))  # type: ignore[arg-type]
    if both is None:
        return None
    found, page = both
    loaders.collection_products(context).prime((found.id, products), page)
    return found


async def node(
    context: RequestContext, id: str, detail: Detail = Detail.FULL
) -> Product | Variant | Collection | None:
    kind = gid_type(id)
    if kind == "Product":
        return await loaders.product_by_id(context, detail).load(id)
    if kind == "ProductVariant":
        return await loaders.variant_by_id(context).load(id)
    if kind == "Collection":
        return await loaders.collection_by_id(context).load(id)
    return None


async def nodes(
    context: RequestContext, ids: Sequence[str], detail: Detail = Detail.FULL
) -> list[Product | Variant | Collection | BaseException | None]:
    """One entry per id, in order: the object, None when unknown, or the error of its backend.

    graphql-core turns an exception in a list into an error on that item alone, so one failed id
    nulls its own entry instead of the whole list.
    """
    if len(ids) > MAX_NODE_IDS:
        raise UserInputError(
            f"The input array size of {len(ids)} is greater than the maximum allowed of 250.", "ids"
        )
    kinds = [gid_type(gid) for gid in ids]  # every id is checked before any is loaded
    by_kind: dict[str, DataLoader[str, Any]] = {
        "Product": loaders.product_by_id(context, detail),
        "ProductVariant": loaders.variant_by_id(context),
        "Collection": loaders.collection_by_id(context),
    }
    # All loads are issued before the first await, so each loader sends one batch for all its ids.
    futures = [
        by_kind[kind].load(gid) if kind in by_kind else None for gid, kind in zip(ids, kinds, strict=True)
    ]
    results: list[Product | Variant | Collection | BaseException | None] = []
    for future in futures:
        if future is None:
            results.append(None)
            continue
        try:
            results.append(await future)
        except Exception as exc:
            results.append(exc)
    return results


async def shop(context: RequestContext) -> Shop:
    context.data_classes.add(DataClass.CATALOG.value)
    return await context.services.catalog.shop(context.in_context)


async def menu(context: RequestContext, handle: str) -> Menu | None:
    return await loaders.menu_by_handle(context).load(handle)


__all__ = ["MAX_NODE_IDS", "collection", "menu", "node", "nodes", "product", "shop"]
