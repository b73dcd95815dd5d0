"""Storefront `sitemap(type:)`: what a headless shop lists in its XML sitemaps, page by page.

Each type lists what the online store publishes (products, collections, pages, blogs, articles,
lookbook metaobjects) in id order, `SITEMAP_PAGE_SIZE` a page; pages are numbered from 1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sandbox.seed import Localized
from sandbox.shopify.content.records import ArticleRecord, BlogRecord, MetaobjectRecord, PageRecord
from sandbox.shopify.records import CollectionRecord, ImageRecord, ProductRecord
from sandbox.shopify.store import Store
from sandbox.shopify.timestamps import iso

from .context import Info

SITEMAP_PAGE_SIZE = 250
"""Resources on one sitemap page (Shopify's upper bound)."""


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """A `SitemapResource`: anything but a metaobject."""

    handle: str
    updated_at: datetime
    title: Localized | None
    image: ImageRecord | None


@dataclass(frozen=True, slots=True)
class SitemapMetaobjectEntry:
    """A `SitemapResourceMetaobject`."""

    handle: str
    updated_at: datetime
    type: str
    url_handle: str


Entry = SitemapEntry | SitemapMetaobjectEntry


def _product(product: ProductRecord) -> Entry:
    return SitemapEntry(product.handle, product.updated_at, product.title, next(iter(product.images), None))


def _collection(collection: CollectionRecord) -> Entry:
    return SitemapEntry(collection.handle, collection.updated_at, collection.title, collection.image)


def _page(page: PageRecord) -> Entry:
    return SitemapEntry(page.handle, page.updated_at, page.title, None)


def _blog(blog: BlogRecord) -> Entry:
    return SitemapEntry(blog.handle, blog.updated_at, blog.title, None)


def _article(article: ArticleRecord) -> Entry:
    return SitemapEntry(article.handle, article.updated_at, article.title, article.image)


def _metaobject(metaobject: MetaobjectRecord) -> Entry:
    return SitemapMetaobjectEntry(
        metaobject.handle, metaobject.updated_at, metaobject.type, metaobject.url_handle
    )


def _listed(store: Store, kind: str) -> tuple[Sequence[Any], Callable[[Any], Entry]]:
    """The records a sitemap type lists, in id order, and how each becomes an entry."""
    content = store.content
    if kind == "PRODUCT":
        products = store.lasting(
            ("sitemap", "PRODUCT"),
            lambda: sorted((p for p in store.products.values() if p.published), key=lambda p: p.id),
        )
        return products, _product
    if kind == "COLLECTION":
        return sorted(store.collections.values(), key=lambda c: c.id), _collection
    if kind == "PAGE":
        return [page for page in content.pages.values() if page.published], _page
    if kind == "BLOG":
        return list(content.blogs.values()), _blog
    if kind == "ARTICLE":
        return [a for a in content.articles.values() if a.published_at is not None], _article
    return list(content.metaobjects.values()), _metaobject


@dataclass(frozen=True, slots=True)
class Sitemap:
    store: Store
    kind: str
    """`SitemapType`."""


def _pages_count(sitemap: Sitemap, info: Info) -> dict[str, Any]:
    records, _ = _listed(sitemap.store, sitemap.kind)
    return {"count": -(-len(records) // SITEMAP_PAGE_SIZE), "precision": "EXACT"}


def _resources(sitemap: Sitemap, info: Info, page: int) -> dict[str, Any]:
    records, entry = _listed(sitemap.store, sitemap.kind)
    if page < 1:  # before the first page: nothing here, and page 1 follows if anything is listed
        return {"hasNextPage": bool(records), "items": []}
    start = (page - 1) * SITEMAP_PAGE_SIZE
    return {
        "hasNextPage": start + SITEMAP_PAGE_SIZE < len(records),
        "items": [entry(record) for record in records[start : start + SITEMAP_PAGE_SIZE]],
    }


def _image(entry: SitemapEntry, info: Info) -> dict[str, Any] | None:
    image = entry.image
    if image is None:
        return None
    return {"alt": image.alt, "filepath": image.url, "updatedAt": iso(entry.updated_at)}


SITEMAP_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {"sitemap": lambda _root, info, type: Sitemap(info.context.store, type)},
    "Sitemap": {"pagesCount": _pages_count, "resources": _resources},
    "SitemapResource": {
        "handle": lambda entry, info: entry.handle,
        "image": _image,
        "title": lambda entry, info: entry.title.get(info.context.locale) if entry.title else None,
        "updatedAt": lambda entry, info: iso(entry.updated_at),
    },
    "SitemapResourceMetaobject": {
        "handle": lambda entry, info: entry.handle,
        "onlineStoreUrlHandle": lambda entry, info: entry.url_handle,
        "type": lambda entry, info: entry.type,
        "updatedAt": lambda entry, info: iso(entry.updated_at),
    },
}

__all__ = ["SITEMAP_PAGE_SIZE", "SITEMAP_RESOLVERS", "SitemapEntry", "SitemapMetaobjectEntry"]
