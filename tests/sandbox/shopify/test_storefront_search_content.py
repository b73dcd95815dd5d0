"""`search` finds pages and articles as well as products, the way a storefront's search page asks.

Expectations come from the seeded content read here with a word split of this file's own: a page
matches on its title and body, an article on its title, body, author and tags, every word of the
query needed; drafts (unpublished pages, articles without a publication date) are never found.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest

from sandbox.seed import generate
from sandbox.shopify.content.records import ArticleRecord, PageRecord
from sandbox.shopify.store import Store

from .sandbox_client import ShopifySandbox, running

STOREFRONT_SEARCH = """
query SiteSearch($term: String!, $types: [SearchType!], $prefix: SearchPrefixQueryType, $first: Int = 50,
  $after: String, $language: LanguageCode) @inContext(language: $language) {
  search(query: $term, types: $types, prefix: $prefix, first: $first, after: $after) {
    totalCount
    nodes {
      __typename
      ... on Product { handle }
      ... on Page { handle trackingParameters }
      ... on Article { handle blog { handle } }
    }
    pageInfo { hasNextPage endCursor }
  }
}
"""


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(60)) as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def store(shop: ShopifySandbox) -> Store:
    return Store(shop.world)


def words(*texts: str) -> set[str]:
    return {word.casefold() for text in texts for word in re.findall(r"\w+", re.sub(r"<[^>]+>", " ", text))}


def page_words(page: PageRecord, language: str) -> set[str]:
    return words(page.title.en_US, page.title.get(language), page.body.get(language))


def article_words(article: ArticleRecord, language: str) -> set[str]:
    return words(
        article.title.en_US, article.title.get(language), article.content.get(language), article.author.name
    ) | {tag.casefold() for tag in article.tags}


def expected_pages(store: Store, term: str, language: str = "en_US") -> set[str]:
    return {
        page.handle
        for page in store.content.pages.values()
        if page.published and term in page_words(page, language)
    }


def expected_articles(store: Store, term: str, language: str = "en_US") -> set[str]:
    return {
        article.handle
        for article in store.content.articles.values()
        if article.published_at is not None and term in article_words(article, language)
    }


async def search(shop: ShopifySandbox, term: str, **variables: Any) -> dict[str, Any]:
    found: dict[str, Any] = (await shop.storefront(STOREFRONT_SEARCH, {"term": term, **variables})).data[
        "search"
    ]
    return found


def handles(result: dict[str, Any], typename: str) -> list[str]:
    return [node["handle"] for node in result["nodes"] if node["__typename"] == typename]


async def test_pages_are_found_by_the_words_of_their_title_and_body(
    shop: ShopifySandbox, store: Store
) -> None:
    # given
    expected = expected_pages(store, "cotton")

    # when
    result = await search(shop, "cotton", types=["PAGE"])

    # then
    assert expected
    assert {node["__typename"] for node in result["nodes"]} == {"Page"}
    assert set(handles(result, "Page")) == expected
    assert result["totalCount"] == len(expected)
    assert result["nodes"][0]["trackingParameters"].startswith("_pos=1&")


async def test_articles_are_found_by_their_tags_and_text_but_never_as_drafts(
    shop: ShopifySandbox, store: Store
) -> None:
    drafts = {a.handle for a in store.content.articles.values() if a.published_at is None}

    for term in ("travel", "cotton", "wool"):
        result = await search(shop, term, types=["ARTICLE"])

        assert set(handles(result, "Article")) == expected_articles(store, term), term
        assert not drafts & set(handles(result, "Article"))
    assert any(
        "cotton" in article_words(a, "en_US") for a in store.content.articles.values() if a.handle in drafts
    )


async def test_every_word_must_be_found(shop: ShopifySandbox, store: Store) -> None:
    both = expected_articles(store, "travel") & expected_articles(store, "winter")

    result = await search(shop, "winter travel", types=["ARTICLE"])

    assert both
    assert set(handles(result, "Article")) == both
    assert len(both) < len(expected_articles(store, "travel"))


async def test_without_types_products_come_first_then_pages_then_articles(
    shop: ShopifySandbox, store: Store
) -> None:
    # when
    everything = await search(shop, "cotton")
    products = await search(shop, "cotton", types=["PRODUCT"])

    # then
    kinds = [node["__typename"] for node in everything["nodes"]]
    assert kinds == sorted(kinds, key=["Product", "Page", "Article"].index)
    assert handles(everything, "Product") == handles(products, "Product")
    assert set(handles(everything, "Page")) == expected_pages(store, "cotton")
    assert set(handles(everything, "Article")) == expected_articles(store, "cotton")
    assert everything["totalCount"] == len(kinds)


async def test_the_last_word_is_a_prefix_only_when_asked(shop: ShopifySandbox, store: Store) -> None:
    whole = await search(shop, "cott", types=["PAGE", "ARTICLE"])
    prefixed = await search(shop, "cott", types=["PAGE", "ARTICLE"], prefix="LAST")

    assert whole["nodes"] == []
    assert set(handles(prefixed, "Page")) == expected_pages(store, "cotton")
    assert set(handles(prefixed, "Article")) == expected_articles(store, "cotton")


async def test_pages_are_searched_in_the_request_s_language(shop: ShopifySandbox, store: Store) -> None:
    term = "boutiques"
    expected = expected_pages(store, term, "fr_FR")

    french = await search(shop, term, types=["PAGE"], language="FR")
    english = await search(shop, term, types=["PAGE"], language="EN")

    assert expected
    assert set(handles(french, "Page")) == expected
    assert set(handles(english, "Page")) == expected_pages(store, term)
    assert expected != expected_pages(store, term)


async def test_cursors_page_through_every_kind(shop: ShopifySandbox) -> None:
    everything = await search(shop, "cotton")
    seen: list[dict[str, Any]] = []
    after = None
    while True:
        page = await search(shop, "cotton", first=4, after=after)
        seen += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    def kinds_and_handles(nodes: list[dict[str, Any]]) -> list[tuple[str, str]]:
        return [(node["__typename"], node["handle"]) for node in nodes]

    assert len(everything["nodes"]) > 4
    assert kinds_and_handles(seen) == kinds_and_handles(everything["nodes"])
