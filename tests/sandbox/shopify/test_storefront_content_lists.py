"""Content connections of the Storefront emulator: `pages`, `blogs`, `articles`, `Blog.articles`,
`Article.comments` and `urlRedirects`, walked both ways, sorted, reversed and filtered by `query`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from sandbox.seed import generate
from sandbox.shopify.store import Store
from sandbox.shopify.timestamps import iso
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox, running

REDIRECTS = document("storefront", "Redirects")

STOREFRONT_PAGES = """
query Pages(
  $first: Int, $after: String, $last: Int, $before: String, $query: String,
  $reverse: Boolean = false, $sortKey: PageSortKeys = ID, $language: LanguageCode
) @inContext(language: $language) {
  pages(first: $first, after: $after, last: $last, before: $before, query: $query, reverse: $reverse, sortKey: $sortKey) {
    edges { cursor node { handle title } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""
STOREFRONT_ARTICLES = """
query Articles(
  $first: Int, $after: String, $last: Int, $before: String, $query: String,
  $reverse: Boolean = false, $sortKey: ArticleSortKeys = ID
) {
  articles(first: $first, after: $after, last: $last, before: $before, query: $query, reverse: $reverse, sortKey: $sortKey) {
    nodes { id handle publishedAt tags blog { handle } authorV2 { name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""
STOREFRONT_BLOG_ARTICLES = """
query BlogArticles($handle: String!, $first: Int, $query: String, $sortKey: ArticleSortKeys, $reverse: Boolean) {
  blog(handle: $handle) {
    articles(first: $first, query: $query, sortKey: $sortKey, reverse: $reverse) { nodes { handle title } }
  }
}
"""
STOREFRONT_BLOGS = """
query Blogs($first: Int, $query: String, $sortKey: BlogSortKeys, $reverse: Boolean, $language: LanguageCode)
@inContext(language: $language) {
  blogs(first: $first, query: $query, sortKey: $sortKey, reverse: $reverse) { nodes { handle title } }
}
"""
STOREFRONT_COMMENTS = """
query Comments($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $reverse: Boolean) {
  article(id: $id) {
    comments(first: $first, after: $after, last: $last, before: $before, reverse: $reverse) {
      edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage }
    }
  }
}
"""
STOREFRONT_REDIRECTS = """
query Redirects($first: Int, $after: String, $last: Int, $before: String, $query: String, $reverse: Boolean) {
  urlRedirects(first: $first, after: $after, last: $last, before: $before, query: $query, reverse: $reverse) {
    nodes { id path target }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""
STOREFRONT_PAGES_WITHOUT_WINDOW = """
query NoWindow { pages(query: "title:faq") { nodes { handle } } }
"""


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(30, seed=11)) as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def store(shop: ShopifySandbox) -> Store:
    return Store(shop.world)


async def walk(
    shop: ShopifySandbox, document: str, field: str, size: int, *, backward: bool = False, **variables: Any
) -> list[dict[str, Any]]:
    """Every item of a connection, a page of `size` at a time, forward (`first`/`after`) or back."""
    found: list[dict[str, Any]] = []
    cursor = None
    while True:
        window = {"last": size, "before": cursor} if backward else {"first": size, "after": cursor}
        connection = (await shop.storefront(document, {**variables, **window})).data[field]
        items = (
            [edge["node"] for edge in connection["edges"]] if "edges" in connection else connection["nodes"]
        )
        found = items + found if backward else found + items
        info = connection["pageInfo"]
        assert info["hasNextPage" if backward else "hasPreviousPage"] is (cursor is not None)
        if not info["hasPreviousPage" if backward else "hasNextPage"]:
            return found
        cursor = info["startCursor" if backward else "endCursor"]


# --- pages -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 5, 12])
async def test_pages_walk_forward_and_back_over_every_published_page(
    shop: ShopifySandbox, store: Store, size: int
) -> None:
    # given
    published = [page.handle for page in store.content.pages.values() if page.published]

    # when
    forward = await walk(shop, STOREFRONT_PAGES, "pages", size)
    backward = await walk(shop, STOREFRONT_PAGES, "pages", size, backward=True)

    # then
    assert [p["handle"] for p in forward] == published
    assert [p["handle"] for p in backward] == published
    assert len(published) == 12
    assert "summer-sale-preview" not in published


async def test_pages_sort_by_title_and_reverse(shop: ShopifySandbox, store: Store) -> None:
    # given
    published = [page for page in store.content.pages.values() if page.published]
    by_title = [page.handle for page in sorted(published, key=lambda page: page.title.en_US.casefold())]

    # when
    sorted_pages = await walk(shop, STOREFRONT_PAGES, "pages", 5, sortKey="TITLE")
    reversed_pages = await walk(shop, STOREFRONT_PAGES, "pages", 5, sortKey="TITLE", reverse=True)

    # then
    assert [p["handle"] for p in sorted_pages] == by_title
    assert [p["handle"] for p in reversed_pages] == by_title[::-1]


async def test_pages_sort_by_update_time(shop: ShopifySandbox, store: Store) -> None:
    # given
    published = [page for page in store.content.pages.values() if page.published]
    expected = [page.handle for page in sorted(published, key=lambda page: (iso(page.updated_at), page.id))]

    # when
    got = await walk(shop, STOREFRONT_PAGES, "pages", 4, sortKey="UPDATED_AT")

    # then
    assert [p["handle"] for p in got] == expected


@pytest.mark.parametrize(
    ("query", "language", "handles"),
    [
        ("handle:faq", None, ["faq"]),
        ("handle:FAQ OR handle:contact", None, ["contact", "faq"]),
        ("title:guide", None, ["size-guide"]),
        ("title:tailles", "FR", ["size-guide"]),
        ("-handle:faq AND title:care", None, ["care-instructions"]),
        ("repair", None, ["sustainability", "our-stores"]),
        ("Reparaturecke", "DE", ["our-stores"]),
        ("title:no-such-words", None, []),
    ],
)
async def test_pages_filter_by_query(
    shop: ShopifySandbox, query: str, language: str | None, handles: list[str]
) -> None:
    # when
    reply = await shop.storefront(STOREFRONT_PAGES, {"first": 20, "query": query, "language": language})

    # then
    assert sorted(edge["node"]["handle"] for edge in reply.data["pages"]["edges"]) == sorted(handles)


async def test_pages_filter_by_dates(shop: ShopifySandbox, store: Store) -> None:
    # given: a moment between the pages' update times
    published = sorted(
        (page for page in store.content.pages.values() if page.published), key=lambda page: page.updated_at
    )
    middle = published[len(published) // 2].updated_at
    expected = {page.handle for page in published if page.updated_at >= middle}

    # when
    reply = await shop.storefront(STOREFRONT_PAGES, {"first": 20, "query": f"updated_at:>='{iso(middle)}'"})

    # then
    assert {edge["node"]["handle"] for edge in reply.data["pages"]["edges"]} == expected
    assert 0 < len(expected) < len(published)


async def test_a_connection_without_first_or_last_is_refused_like_shopify(shop: ShopifySandbox) -> None:
    # when
    reply = await shop.storefront(STOREFRONT_PAGES_WITHOUT_WINDOW)

    # then
    assert reply.status == 200
    assert reply.body["errors"][0]["message"] == "you must provide one of first or last"
    assert reply.body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


# --- blogs -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variables", "handles"),
    [
        ({"sortKey": "HANDLE"}, ["guides", "news", "stories"]),
        ({"sortKey": "HANDLE", "reverse": True}, ["stories", "news", "guides"]),
        ({"sortKey": "TITLE"}, ["guides", "news", "stories"]),
        ({"query": "handle:news"}, ["news"]),
        ({"query": "title:Ratgeber", "language": "DE"}, ["guides"]),
        ({"query": "title:histoires", "language": "FR"}, ["stories"]),
    ],
)
async def test_blogs_sort_and_filter(
    shop: ShopifySandbox, variables: dict[str, Any], handles: list[str]
) -> None:
    # when
    reply = await shop.storefront(STOREFRONT_BLOGS, {"first": 10, **variables})

    # then
    assert [blog["handle"] for blog in reply.data["blogs"]["nodes"]] == handles


# --- articles --------------------------------------------------------------------------------------


async def test_articles_walk_over_every_published_article_of_every_blog(
    shop: ShopifySandbox, store: Store
) -> None:
    # given
    published = [a.gid for a in store.content.articles.values() if a.published_at is not None]

    # when
    forward = await walk(shop, STOREFRONT_ARTICLES, "articles", 4)
    backward = await walk(shop, STOREFRONT_ARTICLES, "articles", 3, backward=True)

    # then
    assert [a["id"] for a in forward] == published == [a["id"] for a in backward]
    assert {a["blog"]["handle"] for a in forward} == {"news", "guides", "stories"}


async def test_articles_sort_newest_first(shop: ShopifySandbox) -> None:
    # when
    got = await walk(shop, STOREFRONT_ARTICLES, "articles", 5, sortKey="PUBLISHED_AT", reverse=True)

    # then
    dates = [a["publishedAt"] for a in got]
    assert dates == sorted(dates, reverse=True)


async def test_articles_sort_by_author_and_blog_title(shop: ShopifySandbox) -> None:
    # when
    by_author = await walk(shop, STOREFRONT_ARTICLES, "articles", 20, sortKey="AUTHOR")
    by_blog = await walk(shop, STOREFRONT_ARTICLES, "articles", 20, sortKey="BLOG_TITLE")

    # then
    names = [a["authorV2"]["name"] for a in by_author]
    assert names == sorted(names, key=str.casefold)
    assert [a["blog"]["handle"] for a in by_blog] == sorted(
        (a["blog"]["handle"] for a in by_blog), key=["guides", "news", "stories"].index
    )


async def test_articles_filter_by_tag_author_and_blog(shop: ShopifySandbox, store: Store) -> None:
    # given
    published = [a for a in store.content.articles.values() if a.published_at is not None]
    author = published[0].author.name

    # when
    tagged = (await shop.storefront(STOREFRONT_ARTICLES, {"first": 50, "query": "tag:travel"})).data
    untagged = (await shop.storefront(STOREFRONT_ARTICLES, {"first": 50, "query": "tag_not:travel"})).data
    written = (await shop.storefront(STOREFRONT_ARTICLES, {"first": 50, "query": f'author:"{author}"'})).data
    in_blog = (await shop.storefront(STOREFRONT_ARTICLES, {"first": 50, "query": "blog_title:guides"})).data

    # then
    assert {a["id"] for a in tagged["articles"]["nodes"]} == {a.gid for a in published if "travel" in a.tags}
    assert {a["id"] for a in untagged["articles"]["nodes"]} == {
        a.gid for a in published if "travel" not in a.tags
    }
    assert tagged["articles"]["nodes"]
    assert {a["id"] for a in written["articles"]["nodes"]} == {
        a.gid for a in published if a.author.name == author
    }
    assert {a["blog"]["handle"] for a in in_blog["articles"]["nodes"]} == {"guides"}


async def test_a_blogs_articles_filter_and_sort_within_the_blog(shop: ShopifySandbox, store: Store) -> None:
    # given
    blog = store.content.blogs_by_handle["stories"]
    expected = sorted(blog.published_articles, key=lambda a: a.title.en_US.casefold())

    # when
    by_title = await shop.storefront(
        STOREFRONT_BLOG_ARTICLES, {"handle": "stories", "first": 10, "sortKey": "TITLE"}
    )
    travel = await shop.storefront(
        STOREFRONT_BLOG_ARTICLES, {"handle": "stories", "first": 10, "query": "tag:travel"}
    )

    # then
    assert [a["handle"] for a in by_title.data["blog"]["articles"]["nodes"]] == [a.handle for a in expected]
    assert {a["handle"] for a in travel.data["blog"]["articles"]["nodes"]} == {
        a.handle for a in blog.published_articles if "travel" in a.tags
    }


# --- comments --------------------------------------------------------------------------------------


async def test_comments_page_both_ways_and_reverse(shop: ShopifySandbox, store: Store) -> None:
    # given: the article with the most comments
    article = max(
        (a for a in store.content.articles.values() if a.published_at is not None),
        key=lambda a: len(a.comments),
    )
    ids = [comment.gid for comment in article.comments]
    assert len(ids) >= 2

    # when
    first = (await shop.storefront(STOREFRONT_COMMENTS, {"id": article.gid, "first": 1})).data["article"]
    after = first["comments"]["edges"][0]["cursor"]
    rest = (await shop.storefront(STOREFRONT_COMMENTS, {"id": article.gid, "first": 10, "after": after})).data
    last = (await shop.storefront(STOREFRONT_COMMENTS, {"id": article.gid, "last": 1})).data["article"]
    reverse = (
        await shop.storefront(STOREFRONT_COMMENTS, {"id": article.gid, "first": 10, "reverse": True})
    ).data

    # then
    got = [first["comments"]["edges"][0]["node"]["id"]] + [
        edge["node"]["id"] for edge in rest["article"]["comments"]["edges"]
    ]
    assert got == ids
    assert first["comments"]["pageInfo"] == {"hasNextPage": True, "hasPreviousPage": False}
    assert [edge["node"]["id"] for edge in last["comments"]["edges"]] == ids[-1:]
    assert last["comments"]["pageInfo"]["hasPreviousPage"] is True
    assert [edge["node"]["id"] for edge in reverse["article"]["comments"]["edges"]] == ids[::-1]


# --- redirects -------------------------------------------------------------------------------------


async def test_redirects_walk_both_ways_and_reverse(shop: ShopifySandbox, store: Store) -> None:
    # given
    ids = [redirect.gid for redirect in store.content.redirects.values()]

    # when
    forward = await walk(shop, STOREFRONT_REDIRECTS, "urlRedirects", 3)
    backward = await walk(shop, STOREFRONT_REDIRECTS, "urlRedirects", 2, backward=True)
    reverse = await walk(shop, STOREFRONT_REDIRECTS, "urlRedirects", 3, reverse=True)

    # then
    assert [r["id"] for r in forward] == ids == [r["id"] for r in backward]
    assert [r["id"] for r in reverse] == ids[::-1]
    assert len(ids) >= 6


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/pages/about", "/pages/about-us"),
        ("/Pages/About", "/pages/about-us"),
        ("/collections/outlet", "/collections/sale"),
        ("/pages/about-us", None),
        ("/pages/about?utm_source=mail", None),
    ],
)
async def test_hydrogens_redirect_lookup_finds_the_target_of_a_path(
    shop: ShopifySandbox, path: str, target: str | None
) -> None:
    # when: as storefrontRedirect asks after a 404
    reply = await shop.storefront(REDIRECTS, {"query": f"path:{path}"})

    # then
    edges = reply.data["urlRedirects"]["edges"]
    assert [edge["node"]["target"] for edge in edges] == ([target] if target else [])


async def test_redirects_of_retired_product_handles_lead_to_the_product(
    shop: ShopifySandbox, store: Store
) -> None:
    # when
    reply = await shop.storefront(STOREFRONT_REDIRECTS, {"first": 20, "query": "target:/products/*"})

    # then
    moved = reply.data["urlRedirects"]["nodes"]
    assert len(moved) == 2
    for redirect in moved:
        handle = redirect["target"].removeprefix("/products/")
        assert store.products_by_handle[handle].published
        assert redirect["path"] == f"/products/{handle}-2025"
