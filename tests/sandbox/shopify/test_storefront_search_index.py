"""The Storefront emulator's search index: whole words, prefixes, ranking, and agreement with a scan."""

from __future__ import annotations

import pytest

from sandbox.seed import generate
from sandbox.shopify.records import ProductRecord
from sandbox.shopify.store import Store
from sandbox.shopify.storefront.search_index import ProductWords, SearchIndex, split_words


@pytest.fixture(scope="module")
def store() -> Store:
    return Store(generate(150, seed=7))


@pytest.fixture(scope="module")
def index(store: Store) -> SearchIndex:
    return SearchIndex((p for p in store.products.values() if p.published), "fr_FR")


def scanned(store: Store, terms: list[str], prefix_last: bool) -> dict[int, int]:
    """What a full scan of the catalog finds, written independently of the index."""
    found: dict[int, int] = {}
    for product in store.products.values():
        if not product.published:
            continue
        words = ProductWords.of(product, "fr_FR")
        points = 0
        for i, term in enumerate(terms):
            prefix = prefix_last and i == len(terms) - 1

            def hit(group: frozenset[str], term: str = term, prefix: bool = prefix) -> bool:
                return any(w == term or (prefix and w.startswith(term)) for w in group)

            if hit(words.title):
                points += 3
            elif hit(words.kind):
                points += 2
            elif hit(words.other):
                points += 1
            else:
                points = 0
                break
        if points:
            found[product.id] = points
    return found


def first_published(store: Store) -> ProductRecord:
    return next(p for p in store.products.values() if p.published)


def test_words_are_casefolded_runs_of_letters_and_digits() -> None:
    assert split_words("T-shirt Nordique, coton BIO (XL)") == ["t", "shirt", "nordique", "coton", "bio", "xl"]


def test_every_word_of_the_query_must_be_held(store: Store, index: SearchIndex) -> None:
    # given
    product = first_published(store)
    title_word = split_words(product.title.en_US)[-1]

    # when
    one = index.scores([title_word])
    both = index.scores([title_word, "nosuchword"])

    # then
    assert product.id in one
    assert both == {}


def test_title_words_rank_above_type_and_vendor_above_tags_and_skus(store: Store, index: SearchIndex) -> None:
    product = first_published(store)
    title = split_words(product.title.en_US)[-1]
    vendor = split_words(product.vendor)[0]
    sku = split_words(product.variants[0].sku)[0]
    assert index.scores([title])[product.id] == 3
    assert index.scores([vendor])[product.id] in (2, 3)  # a vendor word may be in the title too
    assert index.scores([sku])[product.id] >= 1


def test_a_prefix_matches_word_starts_only_for_the_last_term(store: Store, index: SearchIndex) -> None:
    word = split_words(first_published(store).title.en_US)[-1]
    start = word[:3]
    assert index.holding(start, prefix=True) >= index.holding(word)
    assert index.scores([start, word], prefix_last=True) == scanned(store, [start, word], True)
    assert index.scores([start, word]) == scanned(store, [start, word], False)


@pytest.mark.parametrize("prefix_last", [False, True])
def test_the_index_agrees_with_a_scan_of_the_catalog(
    store: Store, index: SearchIndex, prefix_last: bool
) -> None:
    products = [p for p in store.products.values() if p.published][:25]
    queries = [split_words(p.title.get("fr_FR"))[:2] for p in products]
    queries += [[split_words(p.product_type)[0], split_words(p.title.en_US)[-1][:4]] for p in products]
    for terms in queries:
        assert index.scores(terms, prefix_last=prefix_last) == scanned(store, terms, prefix_last), terms
