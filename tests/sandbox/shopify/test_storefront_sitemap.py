"""`sitemap(type:)` of the Storefront emulator, asked the way Hydrogen's sitemap routes ask for it.

The shop has more than one sitemap page of products (250 a page), so the index counts two and the
pages split the published products between them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from sandbox.seed import generate
from sandbox.shopify.store import Store
from sandbox.shopify.storefront.sitemap import SITEMAP_PAGE_SIZE
from sandbox.shopify.timestamps import iso
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox, running

SITEMAP_INDEX = document("storefront", "SitemapIndex")
SITEMAP_PRODUCTS = document("storefront", "SitemapProducts")
SITEMAP_METAOBJECTS = document("storefront", "SitemapMetaobjects")

STOREFRONT_SITEMAP_PAGE = """
query SitemapPage($type: SitemapType!, $page: Int!, $language: LanguageCode) @inContext(language: $language) {
  sitemap(type: $type) {
    pagesCount { count precision }
    resources(page: $page) {
      hasNextPage
      items {
        __typename
        handle
        updatedAt
        ... on SitemapResource { title image { alt filepath updatedAt } }
        ... on SitemapResourceMetaobject { type onlineStoreUrlHandle }
      }
    }
  }
}
"""


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(300)) as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def store(shop: ShopifySandbox) -> Store:
    return Store(shop.world)


def published_products(store: Store) -> list[Any]:
    return sorted((p for p in store.products.values() if p.published), key=lambda p: p.id)


async def test_the_sitemap_index_counts_the_pages_of_each_type(shop: ShopifySandbox, store: Store) -> None:
    # given
    assert len(published_products(store)) > SITEMAP_PAGE_SIZE

    # when
    reply = await shop.storefront(SITEMAP_INDEX)

    # then
    counts = {kind: value["pagesCount"]["count"] for kind, value in reply.data.items()}
    assert counts == {
        "products": 2,
        "collections": 1,
        "articles": 1,
        "pages": 1,
        "blogs": 1,
        "metaObjects": 1,
    }


async def test_the_product_sitemap_splits_the_published_products_into_pages(
    shop: ShopifySandbox, store: Store
) -> None:
    # when
    pages = [(await shop.storefront(SITEMAP_PRODUCTS, {"page": n})).data for n in (1, 2, 3)]

    # then
    items = [page["sitemap"]["resources"]["items"] for page in pages]
    assert len(items[0]) == SITEMAP_PAGE_SIZE
    assert items[2] == []
    expected = published_products(store)
    assert [item["handle"] for item in items[0] + items[1]] == [p.handle for p in expected]
    assert [item["updatedAt"] for item in items[0] + items[1]] == [iso(p.updated_at) for p in expected]


async def test_has_next_page_is_true_until_the_last_page(shop: ShopifySandbox) -> None:
    # when
    flags = [
        (await shop.storefront(STOREFRONT_SITEMAP_PAGE, {"type": "PRODUCT", "page": n})).data["sitemap"][
            "resources"
        ]["hasNextPage"]
        for n in (1, 2, 3)
    ]

    # then
    assert flags == [True, False, False]


async def test_product_entries_carry_a_title_and_an_image(shop: ShopifySandbox, store: Store) -> None:
    # given
    product = published_products(store)[0]

    # when
    reply = await shop.storefront(STOREFRONT_SITEMAP_PAGE, {"type": "PRODUCT", "page": 1, "language": "DE"})

    # then
    first = reply.data["sitemap"]["resources"]["items"][0]
    assert first == {
        "__typename": "SitemapResource",
        "handle": product.handle,
        "updatedAt": iso(product.updated_at),
        "title": product.title.de_DE,
        "image": {
            "alt": product.images[0].alt,
            "filepath": product.images[0].url,
            "updatedAt": iso(product.updated_at),
        },
    }


@pytest.mark.parametrize(
    ("kind", "listed"),
    [
        ("COLLECTION", lambda s: [c.handle for c in sorted(s.collections.values(), key=lambda c: c.id)]),
        ("PAGE", lambda s: [p.handle for p in s.content.pages.values() if p.published]),
        ("BLOG", lambda s: ["news", "guides", "stories"]),
        ("ARTICLE", lambda s: [a.handle for a in s.content.articles.values() if a.published_at]),
    ],
)
async def test_each_type_lists_what_the_online_store_publishes(
    shop: ShopifySandbox, store: Store, kind: str, listed: Any
) -> None:
    # when
    reply = await shop.storefront(STOREFRONT_SITEMAP_PAGE, {"type": kind, "page": 1, "language": "FR"})

    # then
    sitemap = reply.data["sitemap"]
    items = sitemap["resources"]["items"]
    assert [item["handle"] for item in items] == listed(store)
    assert sitemap["pagesCount"] == {"count": 1, "precision": "EXACT"}
    assert sitemap["resources"]["hasNextPage"] is False
    assert {item["__typename"] for item in items} == {"SitemapResource"}
    assert all(item["title"] for item in items)


async def test_page_and_blog_entries_have_no_image_and_translated_titles(shop: ShopifySandbox) -> None:
    # when
    pages = (
        await shop.storefront(STOREFRONT_SITEMAP_PAGE, {"type": "PAGE", "page": 1, "language": "DE"})
    ).data
    blogs = (
        await shop.storefront(STOREFRONT_SITEMAP_PAGE, {"type": "BLOG", "page": 1, "language": "DE"})
    ).data

    # then
    page_items = pages["sitemap"]["resources"]["items"]
    assert page_items[0]["title"] == "Über uns"
    assert all(item["image"] is None for item in page_items)
    assert [item["title"] for item in blogs["sitemap"]["resources"]["items"]] == [
        "Neuigkeiten",
        "Ratgeber",
        "Geschichten",
    ]


async def test_metaobject_entries_name_their_type_and_url_handle(shop: ShopifySandbox, store: Store) -> None:
    # when
    hydrogen = (await shop.storefront(SITEMAP_METAOBJECTS, {"page": 1})).data
    full = (await shop.storefront(STOREFRONT_SITEMAP_PAGE, {"type": "METAOBJECT", "page": 1})).data

    # then
    lookbooks = list(store.content.metaobjects.values())
    assert hydrogen["sitemap"]["resources"]["items"] == [
        {"handle": m.handle, "updatedAt": iso(m.updated_at), "type": "lookbook"} for m in lookbooks
    ]
    items = full["sitemap"]["resources"]["items"]
    assert {item["__typename"] for item in items} == {"SitemapResourceMetaobject"}
    assert {item["onlineStoreUrlHandle"] for item in items} == {"lookbooks"}


async def test_a_page_before_the_first_is_empty(shop: ShopifySandbox) -> None:
    # when
    reply = await shop.storefront(STOREFRONT_SITEMAP_PAGE, {"type": "PAGE", "page": 0})

    # then
    assert reply.data["sitemap"]["resources"] == {"hasNextPage": True, "items": []}
