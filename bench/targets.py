"""What the scenarios ask for: product handles, products with their variants, pages of collections and searches.

Targets are read from the Storefront emulator before any measurement (so the reads are never
counted). Pages are full pages only, addressed by the cursor before them, and no two pages share a
product, so that concurrent requests never ask the gateway for the same key and its in-flight
deduplication cannot make it look cheaper than the floor.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Storefront = Callable[[str, Mapping[str, Any]], Awaitable[dict[str, Any]]]
"""Runs one Storefront API document with variables and returns its `data`."""

Listing = Sequence[tuple[str, str]]
"""`(cursor, product handle)` in list order."""

WALK_PAGE = 250
"""The Storefront API's largest page."""
CATALOG_TARGETS = 2000
"""Products read with their variants: far more than any concurrency, so no two requests share one."""

COLLECTIONS = "query FloorCollections { collections(first: 250) { nodes { handle } } }"
COLLECTION_WALK = (
    "query FloorCollectionWalk($key: String!, $after: String) { collection(handle: $key) { "
    "products(first: 250, after: $after) { edges { cursor node { handle } } pageInfo { hasNextPage } } } }"
)
SEARCH_WALK = (
    "query FloorSearchWalk($key: String!, $after: String) { search(query: $key, first: 250, after: $after, "
    "types: [PRODUCT]) { edges { cursor node { ... on Product { handle } } } pageInfo { hasNextPage } } }"
)
CATALOG_WALK = (
    "query FloorCatalogWalk($after: String, $language: LanguageCode) @inContext(language: $language) { "
    "products(first: 250, after: $after) { "
    "pageInfo { hasNextPage endCursor } nodes { handle variants(first: 4) { nodes { "
    "id sku quantityAvailable quantityRule { minimum increment maximum } selectedOptions { name value } } } } } }"
)


@dataclass(frozen=True, slots=True)
class VariantTarget:
    """A variant as the scenarios use it: to pick it on a product page, or to put it in a cart."""

    id: str
    sku: str
    quantity_available: int
    """Shopify's figure: how many a cart may hold before Shopify caps the line."""
    by_the_unit: bool
    """Whether its quantity rule lets a cart take one unit at a time (no minimum, increment or maximum)."""
    selected_options: tuple[tuple[str, str], ...]
    """`(option name, value)` that pick this variant, as a product page's URL carries them."""


@dataclass(frozen=True, slots=True)
class ProductTarget:
    """A product and its first variants."""

    handle: str
    variants: tuple[VariantTarget, ...]


@dataclass(frozen=True, slots=True)
class CartTarget:
    """A cart opened before the measurement, and the variant that one add puts in it."""

    cart_id: str
    handle: str
    variant: VariantTarget


@dataclass(frozen=True, slots=True)
class AccountTarget:
    """A customer signed in before the measurement, and what their account page must show."""

    email: str
    token: str
    """The customer access token the page is read with."""
    orders: int
    """How many orders the customer placed: the page shows up to ten of them."""


@dataclass(frozen=True, slots=True)
class PageTarget:
    """One full page of a list: the collection handle or search terms, and the cursor before it."""

    key: str
    after: str | None
    handles: tuple[str, ...]
    """The products the page holds, to check that the gateway and the floor answer alike."""


@dataclass(frozen=True, slots=True)
class Targets:
    products: tuple[str, ...]
    """Product handles, shuffled."""
    collection_pages: Mapping[int, tuple[PageTarget, ...]]
    """Disjoint collection pages, by page size."""
    search_pages: Mapping[int, tuple[PageTarget, ...]]
    """Disjoint search result pages, by page size."""
    catalog: tuple[ProductTarget, ...] = ()
    """Products with their first variants, shuffled."""
    carts: tuple[CartTarget, ...] = ()
    """Cart adds, each to a cart of its own turn (opened by `bench.carts`)."""
    accounts: tuple[AccountTarget, ...] = ()
    """Signed-in customers, those with the most orders first (signed in by `bench.accounts`)."""


def pages_of(key: str, listing: Listing, size: int) -> list[PageTarget]:
    """The full pages of `size` in a listing, each with the cursor of the item before it."""
    pages = []
    for start in range(0, len(listing) - size + 1, size):
        after = listing[start - 1][0] if start else None
        pages.append(PageTarget(key, after, tuple(handle for _, handle in listing[start : start + size])))
    return pages


def disjoint(groups: Iterable[Sequence[PageTarget]]) -> list[PageTarget]:
    """Pages taken in turn from each group (one key's pages), skipping any that shares a product with
    a page already taken; the turns mix keys the way a shop's traffic mixes collections."""
    taken: list[PageTarget] = []
    seen: set[str] = set()
    queues = [list(group) for group in groups]
    while any(queues):
        for queue in queues:
            if not queue:
                continue
            page = queue.pop(0)
            if seen.isdisjoint(page.handles):
                taken.append(page)
                seen.update(page.handles)
    return taken


async def walk(
    storefront: Storefront, document: str, key: str, root: str, limit: int
) -> list[tuple[str, str]]:
    """Up to `limit` `(cursor, handle)` of a collection or a search, following cursors."""
    listing: list[tuple[str, str]] = []
    after: str | None = None
    while len(listing) < limit:
        data = await storefront(document, {"key": key, "after": after})
        connection = data.get(root)
        if connection is None:
            break
        if root == "collection":
            connection = connection["products"]
        listing += [
            (e["cursor"], e["node"]["handle"]) for e in connection["edges"] if e["node"].get("handle")
        ]
        if not connection["pageInfo"]["hasNextPage"] or not connection["edges"]:
            break
        after = connection["edges"][-1]["cursor"]
    return listing[:limit]


async def catalog(
    storefront: Storefront, *, language: str = "FR", limit: int = CATALOG_TARGETS
) -> list[ProductTarget]:
    """Up to `limit` products of the catalog with their first variants, in the catalog's order, their
    options named in `language` (a storefront's URLs carry them in the language it is shown in)."""
    found: list[ProductTarget] = []
    after: str | None = None
    while len(found) < limit:
        connection = (await storefront(CATALOG_WALK, {"after": after, "language": language}))["products"]
        found += [
            ProductTarget(
                node["handle"],
                tuple(
                    VariantTarget(
                        v["id"],
                        v["sku"],
                        v["quantityAvailable"] or 0,
                        v["quantityRule"] == {"minimum": 1, "increment": 1, "maximum": None},
                        tuple((o["name"], o["value"]) for o in v["selectedOptions"]),
                    )
                    for v in node["variants"]["nodes"]
                    if v.get("sku")
                ),
            )
            for node in connection["nodes"]
        ]
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    return [product for product in found[:limit] if product.variants]


async def discover(
    storefront: Storefront,
    *,
    page_sizes: Sequence[int],
    search_terms: Sequence[str],
    per_key: int = 2 * WALK_PAGE,
    seed: int = 42,
    language: str = "FR",
) -> Targets:
    """Read collections and searches from the Storefront API and cut them into disjoint pages."""
    handles = [c["handle"] for c in (await storefront(COLLECTIONS, {}))["collections"]["nodes"]]
    collections = await asyncio.gather(
        *(walk(storefront, COLLECTION_WALK, h, "collection", per_key) for h in handles)
    )
    searches = await asyncio.gather(
        *(walk(storefront, SEARCH_WALK, t, "search", per_key) for t in search_terms)
    )
    products = list(dict.fromkeys(handle for listing in collections for _, handle in listing))
    random.Random(seed).shuffle(products)
    shuffled = await catalog(storefront, language=language)
    random.Random(seed).shuffle(shuffled)
    return Targets(
        products=tuple(products),
        collection_pages={
            size: tuple(disjoint(pages_of(h, c, size) for h, c in zip(handles, collections, strict=True)))
            for size in page_sizes
        },
        search_pages={
            size: tuple(disjoint(pages_of(t, s, size) for t, s in zip(search_terms, searches, strict=True)))
            for size in page_sizes
        },
        catalog=tuple(shuffled),
    )


__all__ = [
    "AccountTarget",
    "CartTarget",
    "Listing",
    "PageTarget",
    "ProductTarget",
    "Storefront",
    "Targets",
    "VariantTarget",
    "catalog",
    "discover",
    "disjoint",
    "pages_of",
    "walk",
]
