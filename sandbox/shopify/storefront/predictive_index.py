"""Which published products hold which words, one searchable field at a time, for predictive search.

Predictive search matches the fields a request names in `searchableFields` (title, product type,
variant titles and vendor when it names none), every word of the query, the last one as a prefix
since the shopper is still typing it. Each field of the catalog has its own word index (the one
`search` uses, built over that field's words), made once per language: product texts never change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sandbox.shopify.records import ProductRecord
from sandbox.shopify.store import Store

from .product_search import published_products
from .search_index import ProductWords, SearchIndex, split_words

DEFAULT_FIELDS = ("TITLE", "PRODUCT_TYPE", "VARIANTS_TITLE", "VENDOR")
"""What predictive search matches when `searchableFields` is left out."""

FIELD_POINTS = {"TITLE": 3, "PRODUCT_TYPE": 2, "VENDOR": 2}
"""How much a word found in a field weighs in the ranking; other fields weigh 1."""

SUGGESTING_FIELDS = frozenset({"TITLE", "PRODUCT_TYPE", "VENDOR", "VARIANTS_TITLE", "TAG"})
"""The fields whose words make query suggestions (SKUs, barcodes and descriptions do not)."""

PRODUCT_TEXT: dict[str, Callable[[ProductRecord, str], str]] = {
    "TITLE": lambda p, locale: f"{p.title.en_US} {p.title.get(locale)}",
    "PRODUCT_TYPE": lambda p, locale: p.product_type,
    "VENDOR": lambda p, locale: p.vendor,
    "TAG": lambda p, locale: " ".join(p.tags),
    "BODY": lambda p, locale: f"{p.description.en_US} {p.description.get(locale)}",
    "VARIANTS_TITLE": lambda p, locale: " ".join(f"{v.title('en_US')} {v.title(locale)}" for v in p.variants),
    "VARIANTS_SKU": lambda p, locale: " ".join(v.sku for v in p.variants),
    "VARIANTS_BARCODE": lambda p, locale: " ".join(v.barcode for v in p.variants),
}
"""The text of each `SearchableField` a product has (products have no author)."""


def _field_index(products: Iterable[ProductRecord], field: str, locale: str) -> SearchIndex:
    """The word index of one field of the given products, each product's words as its title words."""
    text = PRODUCT_TEXT[field]
    empty: frozenset[str] = frozenset()
    return SearchIndex.of_words(
        {p.id: ProductWords(frozenset(split_words(text(p, locale))), empty, empty) for p in products}
    )


def field_index(store: Store, field: str, locale: str) -> SearchIndex:
    """The word index of one field of the published catalog in one language, built once."""
    return store.lasting(
        ("predictive", field, locale), lambda: _field_index(published_products(store), field, locale)
    )


def match_products(store: Store, terms: list[str], fields: Iterable[str], locale: str) -> dict[int, int]:
    """Points of every published product holding each term in one of the fields, the last as a prefix:
    per term, the weight of the best field holding it."""
    indexes = {field: field_index(store, field, locale) for field in fields if field in PRODUCT_TEXT}
    if not terms or not indexes:
        return {}
    points: dict[int, int] | None = None
    for position, term in enumerate(terms):
        prefix = position == len(terms) - 1
        best: dict[int, int] = {}
        for field, found in indexes.items():
            weight = FIELD_POINTS.get(field, 1)
            for pid in found.holding(term, prefix=prefix):
                best[pid] = max(best.get(pid, 0), weight)
        points = (
            best if points is None else {pid: points[pid] + best[pid] for pid in points.keys() & best.keys()}
        )
        if not points:
            return {}
    return points or {}


def completions(
    store: Store, last: str, fields: Iterable[str], locale: str, products: Iterable[int]
) -> list[str]:
    """Words starting with `last` in the given products' suggesting fields, the most widely held first."""
    matched = set(products)
    holders: dict[str, set[int]] = {}
    for field in fields:
        if field not in SUGGESTING_FIELDS:
            continue
        index = field_index(store, field, locale)
        for word in index.words_from(last):
            holders.setdefault(word, set()).update(index.holding(word) & matched)
    counts = {word: len(ids) for word, ids in holders.items() if ids}
    return sorted(counts, key=lambda word: (-counts[word], word))


__all__ = ["DEFAULT_FIELDS", "FIELD_POINTS", "PRODUCT_TEXT", "completions", "field_index", "match_products"]
