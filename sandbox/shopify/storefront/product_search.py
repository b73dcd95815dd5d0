"""Which published products a Storefront query matches, and in which order.

`products(query:)` takes Shopify's search syntax over the documented fields (`title`, `tag`,
`tag_not`, `product_type`, `vendor`, `available_for_sale`, `created_at`, `updated_at`,
`variants.price`) plus `sku`, which the connector batches on and which an index answers.
`search(query:)` is Shopify's storefront search: every word must match the product's title,
type, vendor, tags or variants, ranked by where it matched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from sandbox.shopify.connections import Ordering
from sandbox.shopify.cursors import SortValue
from sandbox.shopify.records import ProductRecord
from sandbox.shopify.search_syntax import (
    FieldMatchers,
    Predicate,
    Term,
    TermMatcher,
    any_of,
    boolean,
    comparison,
    compile_query,
    exact,
    parse,
    when,
    words,
)
from sandbox.shopify.store import Store
from sandbox.shopify.timestamps import iso

from .search_index import SearchIndex, split_words


def _cents(amount: Decimal) -> int:
    return int(amount * 100)


PRODUCT_SORTS: dict[str, Callable[[ProductRecord], SortValue]] = {
    "ID": lambda p: p.id,
    "TITLE": lambda p: p.title.en_US.casefold(),
    "PRICE": lambda p: _cents(p.min_price),
    "CREATED_AT": lambda p: iso(p.created_at),
    "CREATED": lambda p: iso(p.created_at),
    "UPDATED_AT": lambda p: iso(p.updated_at),
    "BEST_SELLING": lambda p: -p.units_sold,
    "PRODUCT_TYPE": lambda p: p.product_type.casefold(),
    "VENDOR": lambda p: p.vendor.casefold(),
    "RELEVANCE": lambda p: p.id,
}
"""The sort value of a product for each `ProductSortKeys` / `ProductCollectionSortKeys` key."""


def _price_matcher(term: Term) -> Predicate[ProductRecord]:
    """`variants.price:<50`: some variant's price passes."""
    test = comparison(term)
    if test is None:
        return lambda product: False
    return lambda product: any(test(float(variant.price)) for variant in product.variants)


def _comma_list(get: Callable[[ProductRecord], str]) -> Callable[[Term], Predicate[ProductRecord]]:
    """`product_type:a,b` matches either type (Shopify documents a comma-separated list)."""

    def matcher(term: Term) -> Predicate[ProductRecord]:
        wanted = {part.strip().casefold() for part in term.value.split(",") if part.strip()}
        return lambda product: get(product).casefold() in wanted

    return matcher


def _titles(locale: str) -> Callable[[ProductRecord], Iterable[str]]:
    return lambda product: (product.title.en_US, product.title.get(locale))


def _tags(product: ProductRecord) -> list[str]:
    return product.tags


def product_matchers(store: Store, locale: str) -> FieldMatchers[ProductRecord]:
    tag: TermMatcher[ProductRecord] = any_of(_tags)

    def tag_not(term: Term) -> Predicate[ProductRecord]:
        has = tag(term)
        return lambda product: not has(product)

    def by_sku(value: str) -> list[int]:
        variant = store.variants_by_sku.get(value.casefold())
        return [variant.product.id] if variant else []

    def by_id(value: str) -> list[int]:
        return [int(value)] if value.isdigit() else []

    return FieldMatchers(
        fields={
            "title": words(_titles(locale)),
            "tag": tag,
            "tag_not": tag_not,
            "product_type": _comma_list(lambda product: product.product_type),
            "vendor": exact(lambda product: product.vendor),
            "available_for_sale": boolean(lambda product: product.available_for_sale),
            "created_at": when(lambda product: product.created_at),
            "updated_at": when(lambda product: product.updated_at),
            "variants.price": _price_matcher,
            "sku": any_of(lambda product: [variant.sku for variant in product.variants]),
            "handle": exact(lambda product: product.handle),
            "id": exact(lambda product: str(product.id)),
        },
        text=words(
            lambda product: (
                product.title.en_US,
                product.title.get(locale),
                product.product_type,
                product.vendor,
                *product.tags,
            )
        ),
        indexes={"sku": by_sku, "id": by_id},
    )


def published_products(store: Store) -> list[ProductRecord]:
    return [product for product in store.products.values() if product.published]


def sorted_products(store: Store, sort_key: str) -> Ordering[ProductRecord]:
    """Every published product in one sort order, cached until the store changes."""
    value = PRODUCT_SORTS[sort_key]

    def build() -> Ordering[ProductRecord]:
        return Ordering.sort(published_products(store), lambda product: (value(product), product.id))

    return store.ordering(("products", sort_key), build)


def query_products(store: Store, query: str | None, locale: str) -> list[ProductRecord] | None:
    """The published products a search-syntax query matches; None when there is no query."""
    node = parse(query)
    if node is None:
        return None
    compiled = compile_query(node, product_matchers(store, locale))
    if compiled.candidates is not None:
        pool: Iterable[ProductRecord] = (
            store.products[pid] for pid in sorted(compiled.candidates) if pid in store.products
        )
    else:
        pool = store.products.values()
    return [product for product in pool if product.published and compiled.predicate(product)]


def order_products(
    products: list[ProductRecord], sort_key: str, relevance: Callable[[ProductRecord], int] | None = None
) -> Ordering[ProductRecord]:
    if sort_key == "RELEVANCE" and relevance is not None:
        return Ordering.sort(products, lambda product: (-relevance(product), product.id))
    value = PRODUCT_SORTS[sort_key]
    return Ordering.sort(products, lambda product: (value(product), product.id))


def text_relevance(query: str | None, locale: str) -> Callable[[ProductRecord], int]:
    """How many of the query's words a product's title holds: the RELEVANCE order of `products`."""
    wanted = [word.casefold() for word in (query or "").split() if ":" not in word]

    def score(product: ProductRecord) -> int:
        title = f"{product.title.en_US} {product.title.get(locale)}".casefold()
        return sum(1 for word in wanted if word in title)

    return score


def search_index(store: Store, locale: str) -> SearchIndex:
    """The word index of the published catalog in `locale`: built once, as product texts never change
    (stock changes, frequent with simulated activity, would otherwise rebuild it)."""
    return store.lasting(("search", locale), lambda: SearchIndex(published_products(store), locale))


def search_terms(query: str) -> list[str]:
    return split_words(query)


__all__ = [
    "PRODUCT_SORTS",
    "order_products",
    "product_matchers",
    "published_products",
    "query_products",
    "search_index",
    "search_terms",
    "sorted_products",
    "text_relevance",
]
