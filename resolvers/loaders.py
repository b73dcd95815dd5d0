"""Per-request DataLoaders over the source cache: one backend call per backend per query level.

Every loader batches the keys its resolvers ask for in one event-loop turn, serves what the source
cache holds, and fetches the rest in one call to its backend (the connector chunks above a vendor's
batch cap). A value served stale because its backend failed is reported on the request context; a
backend failure without a stale value fails only the keys it concerns, with the backend's error.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable, Mapping, Sequence
from typing import Any, TypeVar, cast

from strawberry.dataloader import DataLoader

from gateway.backends.roles import CatalogSource
from gateway.cache import DataClass, Fresh, Stale
from gateway.models.catalog import Collection, Detail, ListArgs, Menu, Page, Product, Variant
from gateway.models.content import ProductContent
from gateway.models.context import InContext
from gateway.models.stock import VariantStock

from .context import RequestContext, StaleNotice

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _loader(
    context: RequestContext,
    name: str,
    data_class: DataClass,
    service: str,
    fetch: Callable[[list[K]], Awaitable[Mapping[K, V]]],
    *,
    scope: str = "",
    by_sku: bool = False,
) -> DataLoader[K, V | None]:
    """`by_sku`: the keys are SKUs, which webhooks name: recorded so that a change drops the response."""
    existing = context.loaders.get(name)
    if existing is not None:
        return cast("DataLoader[K, V | None]", existing)

    async def load(keys: list[K]) -> list[V | BaseException | None]:
        context.data_classes.add(data_class.value)
        if by_sku:
            context.loaded.update((data_class.value, str(key)) for key in keys)
        outcomes = await context.services.cache.load_many(data_class, keys, fetch, scope=scope)
        values: list[V | BaseException | None] = []
        for outcome in outcomes:
            if isinstance(outcome, Fresh):
                values.append(outcome.value)
            elif isinstance(outcome, Stale):
                context.stale.append(StaleNotice(service, data_class.value, round(outcome.age_s, 1)))
                values.append(outcome.value)
            else:
                values.append(outcome.error)
        return values

    loader: DataLoader[K, V | None] = DataLoader(load_fn=load)
    context.loaders[name] = loader
    return loader


def _catalog_loader(
    context: RequestContext,
    name: str,
    fetch: Callable[[CatalogSource, list[K], InContext], Awaitable[Mapping[K, V]]],
) -> DataLoader[K, V | None]:
    """A catalog loader: its values depend on the request's market, so the market scopes the cache."""
    catalog = context.services.catalog
    in_context = context.in_context
    return _loader(
        context,
        name,
        DataClass.CATALOG,
        catalog.service,
        lambda keys: fetch(catalog, keys, in_context),
        scope=f"{name}:{in_context.scope}",
    )


def _each(
    fetch_one: Callable[[CatalogSource, ListArgs, InContext], Awaitable[V]],
) -> Callable[[CatalogSource, list[ListArgs], InContext], Awaitable[dict[ListArgs, V]]]:
    """Lists have no batch call: a request's distinct argument sets (usually one) are fetched in turn."""

    async def fetch(catalog: CatalogSource, keys: list[ListArgs], in_context: InContext) -> dict[ListArgs, V]:
        return {args: await fetch_one(catalog, args, in_context) for args in keys}

    return fetch


def product_by_id(context: RequestContext, detail: Detail = Detail.FULL) -> DataLoader[str, Product | None]:
    return _catalog_loader(
        context,
        f"product:{detail}",
        lambda catalog, ids, market: catalog.products_by_ids(ids, market, detail),
    )


def product_by_handle(
    context: RequestContext, detail: Detail = Detail.FULL
) -> DataLoader[str, Product | None]:
    return _catalog_loader(
        context,
        f"product-handle:{detail}",
        lambda catalog, handles, market: catalog.products_by_handles(handles, market, detail),
    )


def variant_by_id(context: RequestContext) -> DataLoader[str, Variant | None]:
    return _catalog_loader(
        context, "variant", lambda catalog, ids, market: catalog.variants_by_ids(ids, market)
    )


def collection_by_id(context: RequestContext) -> DataLoader[str, Collection | None]:
    return _catalog_loader(
        context, "collection", lambda catalog, ids, market: catalog.collections_by_ids(ids, market)
    )


def collection_by_handle(context: RequestContext) -> DataLoader[str, Collection | None]:
    return _catalog_loader(
        context,
        "collection-handle",
        lambda catalog, handles, market: catalog.collections_by_handles(handles, market),
    )


def menu_by_handle(context: RequestContext) -> DataLoader[str, Menu | None]:
    return _catalog_loader(context, "menu", lambda catalog, handles, market: catalog.menus(handles, market))


def products_page(context: RequestContext) -> DataLoader[ListArgs, Page[Product] | None]:
    return _catalog_loader(
        context, "products", _each(lambda catalog, args, market: catalog.products_page(args, market))
    )


def search_page(context: RequestContext) -> DataLoader[ListArgs, Page[Product] | None]:
    return _catalog_loader(
        context, "search", _each(lambda catalog, args, market: catalog.search(args, market))
    )


def collections_page(context: RequestContext) -> DataLoader[ListArgs, Page[Collection] | None]:
    return _catalog_loader(
        context, "collections", _each(lambda catalog, args, market: catalog.collections_page(args, market))
    )


def collection_with_products(
    context: RequestContext, by: str
) -> DataLoader[tuple[str, ListArgs], tuple[Collection, Page[Product]] | None]:
    """A collection page: the collection and a page of its products, fetched together."""

    async def fetch(
        catalog: CatalogSource, keys: list[tuple[str, ListArgs]], in_context: InContext
    ) -> dict[tuple[str, ListArgs], tuple[Collection, Page[Product]]]:
        found = {}
        for key, args in keys:
            both = await catalog.collection_with_products(by, key, args, in_context)
            if both is not None:
                found[(key, args)] = both
        return found

    return _catalog_loader(context, f"collection-page:{by}", fetch)


def collection_products(context: RequestContext) -> DataLoader[tuple[str, ListArgs], Page[Product] | None]:
    """Products of several collections: one backend call per distinct set of arguments."""

    async def fetch(
        catalog: CatalogSource, keys: list[tuple[str, ListArgs]], in_context: InContext
    ) -> dict[tuple[str, ListArgs], Page[Product]]:
        by_args: dict[ListArgs, list[str]] = {}
        for collection_id, args in keys:
            by_args.setdefault(args, []).append(collection_id)
        pages: dict[tuple[str, ListArgs], Page[Product]] = {}
        for args, ids in by_args.items():
            for collection_id, page in (await catalog.collection_products(ids, args, in_context)).items():
                pages[(collection_id, args)] = page
        return pages

    return _catalog_loader(context, "collection-products", fetch)


def content_by_sku(context: RequestContext) -> DataLoader[str, ProductContent | None] | None:
    """None when no PIM is configured: content fields are then null, without an error."""
    content = context.services.content
    if content is None:
        return None
    return _loader(
        context, "content_by_sku", DataClass.CONTENT, content.service, content.content_by_skus, by_sku=True
    )


def stock_by_sku(context: RequestContext) -> DataLoader[str, VariantStock | None] | None:
    """None when no ERP is configured."""
    stock = context.services.stock
    if stock is None:
        return None
    return _loader(context, "stock_by_sku", DataClass.STOCK, stock.service, stock.stock_by_skus, by_sku=True)


async def load_all(loader: DataLoader[K, V], keys: Sequence[K]) -> list[V | BaseException]:
    """Like `load_many`, but one failed key does not fail the others."""
    futures = [loader.load(key) for key in keys]
    results: list[Any] = []
    for future in futures:
        try:
            results.append(await future)
        except Exception as exc:  # each key keeps its own outcome
            results.append(exc)
    return results


__all__ = [
    "collection_by_handle",
    "collection_by_id",
    "collection_products",
    "collection_with_products",
    "collections_page",
    "content_by_sku",
    "load_all",
    "menu_by_handle",
    "product_by_handle",
    "product_by_id",
    "products_page",
    "search_page",
    "stock_by_sku",
    "variant_by_id",
]
