"""`predictiveSearch`: what a search box suggests while the shopper types.

Every word of the query must be found (the last one as a prefix) in the fields `searchableFields`
names, or in the title, product type, variant titles and vendor when it names none. Products rank
by where their words were found, sold-out ones going last unless `unavailableProducts` says to
show them in place (SHOW) or leave them out (HIDE). Query suggestions complete the last word from
the words of the matching products, the most widely held first.

`limit` (1 to 10, 10 when left out) counts every result together (`limitScope: ALL`, the default)
or each kind apart (`EACH`); counted together, the kinds take turns in the order queries,
products, collections, pages, articles, so a long list of one kind does not crowd out the others.
Without `types`, articles are not searched, as with Shopify's default resource types.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from sandbox.shopify.records import ProductRecord

from .content_search import (
    ARTICLE_TEXT,
    COLLECTION_TEXT,
    PAGE_TEXT,
    match_entries,
    published_articles,
    published_pages,
)
from .context import Info
from .predictive_index import DEFAULT_FIELDS, completions, match_products
from .product_search import search_terms
from .tracking import predictive_parameters

MAX_LIMIT = 10
KINDS = ("QUERY", "PRODUCT", "COLLECTION", "PAGE", "ARTICLE")
"""Every `PredictiveSearchType`, in the order the kinds take turns under one limit."""
DEFAULT_TYPES = frozenset({"QUERY", "PRODUCT", "COLLECTION", "PAGE"})
RESULT_FIELDS = {
    "QUERY": "queries",
    "PRODUCT": "products",
    "COLLECTION": "collections",
    "PAGE": "pages",
    "ARTICLE": "articles",
}


def _products(info: Info, points: dict[int, int], unavailable: str) -> list[ProductRecord]:
    products = [info.context.store.products[pid] for pid in points]
    if unavailable == "HIDE":
        products = [p for p in products if p.available_for_sale]
    last = unavailable == "LAST"
    return sorted(products, key=lambda p: (last and not p.available_for_sale, -points[p.id], p.id))


def _suggestions(
    info: Info, query: str, terms: list[str], fields: list[str], points: dict[int, int], limit: int
) -> list[dict[str, Any]]:
    words = completions(info.context.store, terms[-1], fields, info.context.locale, points)
    typed = " ".join(terms)
    suggestions = []
    for position, word in enumerate(words[:limit], start=1):
        text = " ".join([*terms[:-1], word])
        rest = text[len(typed) :]
        styled = escape(typed) + (f"<mark>{escape(rest)}</mark>" if rest else "")
        suggestions.append(
            {"text": text, "styledText": styled, "trackingParameters": predictive_parameters(query, position)}
        )
    return suggestions


def _take_turns(found: dict[str, list[Any]], limit: int) -> dict[str, list[Any]]:
    """At most `limit` results in all, the kinds taking one each in turn until they run out."""
    taken: dict[str, list[Any]] = {kind: [] for kind in found}
    total = 0
    depth = 0
    while total < limit and any(depth < len(items) for items in found.values()):
        for kind, items in found.items():
            if depth < len(items) and total < limit:
                taken[kind].append(items[depth])
                total += 1
        depth += 1
    return taken


def resolve_predictive_search(_root: None, info: Info, query: str, **args: Any) -> dict[str, list[Any]]:
    terms = search_terms(query)
    fields = args.get("searchableFields") or list(DEFAULT_FIELDS)
    asked = args.get("limit")
    limit = MAX_LIMIT if asked is None else min(max(asked, 1), MAX_LIMIT)
    wanted = set(args.get("types") or DEFAULT_TYPES)
    locale = info.context.locale
    store = info.context.store
    found: dict[str, list[Any]] = {}
    if terms:
        points = match_products(store, terms, fields, locale) if wanted & {"QUERY", "PRODUCT"} else {}
        finders: dict[str, Callable[[], list[Any]]] = {
            "QUERY": lambda: _suggestions(info, query, terms, fields, points, limit),
            "PRODUCT": lambda: _products(info, points, args.get("unavailableProducts") or "LAST"),
            "COLLECTION": lambda: match_entries(
                store.collections.values(), COLLECTION_TEXT, terms, fields, locale
            ),
            "PAGE": lambda: match_entries(published_pages(store), PAGE_TEXT, terms, fields, locale),
            "ARTICLE": lambda: match_entries(published_articles(store), ARTICLE_TEXT, terms, fields, locale),
        }
        found = {kind: finders[kind]()[:limit] for kind in KINDS if kind in wanted}
    if args.get("limitScope") != "EACH":
        found = _take_turns(found, limit)
    return {field: found.get(kind, []) for kind, field in RESULT_FIELDS.items()}


PREDICTIVE_SEARCH_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {"predictiveSearch": resolve_predictive_search},
    "PredictiveSearchResult": {
        "articles": lambda result, info: result["articles"],
        "collections": lambda result, info: result["collections"],
        "pages": lambda result, info: result["pages"],
        "products": lambda result, info: result["products"],
        "queries": lambda result, info: result["queries"],
    },
    "SearchQuerySuggestion": {
        "styledText": lambda suggestion, info: suggestion["styledText"],
        "text": lambda suggestion, info: suggestion["text"],
        "trackingParameters": lambda suggestion, info: suggestion["trackingParameters"],
    },
}


__all__ = ["PREDICTIVE_SEARCH_RESOLVERS"]
