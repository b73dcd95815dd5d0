"""What predictive search finds among the shop's content: collections, pages and articles.

These are few (tens, not thousands), so each request reads their words directly instead of keeping
an index. An entry matches when every word of the query is in one of the searched fields, the last
word as a prefix; entries rank by where their words were found (title first), then by id. Pages
and articles are the published ones of the store's content (`Store.content`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from sandbox.shopify.content.html_text import plain_text
from sandbox.shopify.content.records import ArticleRecord, PageRecord
from sandbox.shopify.records import CollectionRecord
from sandbox.shopify.store import Store

from .predictive_index import FIELD_POINTS
from .search_index import split_words

Entry = TypeVar("Entry", CollectionRecord, PageRecord, ArticleRecord)
Texts = dict[str, Callable[[Entry, str], str]]

COLLECTION_TEXT: Texts[CollectionRecord] = {
    "TITLE": lambda c, locale: f"{c.title.en_US} {c.title.get(locale)}",
    "BODY": lambda c, locale: c.description.get(locale),
}
PAGE_TEXT: Texts[PageRecord] = {
    "TITLE": lambda p, locale: f"{p.title.en_US} {p.title.get(locale)}",
    "BODY": lambda p, locale: plain_text(p.body.get(locale)),
}
ARTICLE_TEXT: Texts[ArticleRecord] = {
    "TITLE": lambda a, locale: f"{a.title.en_US} {a.title.get(locale)}",
    "BODY": lambda a, locale: plain_text(a.content.get(locale)),
    "AUTHOR": lambda a, locale: a.author.name,
    "TAG": lambda a, locale: " ".join(a.tags),
}


def _points(words: dict[str, set[str]], terms: list[str], prefix_last: bool) -> int:
    """Points for holding every term (the last as a prefix when `prefix_last`) in some field; 0 when
    one is missing."""
    total = 0
    for position, term in enumerate(terms):
        prefix = prefix_last and position == len(terms) - 1
        weights = [
            FIELD_POINTS.get(field, 1)
            for field, held in words.items()
            if term in held or (prefix and any(word.startswith(term) for word in held))
        ]
        if not weights:
            return 0
        total += max(weights)
    return total


def score_entries(
    entries: Iterable[Entry],
    texts: Texts[Entry],
    terms: list[str],
    fields: Sequence[str],
    locale: str,
    *,
    prefix_last: bool = True,
) -> list[tuple[int, Entry]]:
    """`(points, entry)` of each entry holding every term in the searched fields, best first, then by id."""
    searched = [field for field in fields if field in texts]
    if not terms or not searched:
        return []
    scored = []
    for entry in entries:
        words = {field: set(split_words(texts[field](entry, locale))) for field in searched}
        points = _points(words, terms, prefix_last)
        if points:
            scored.append((points, entry))
    return sorted(scored, key=lambda item: (-item[0], item[1].id))


def match_entries(
    entries: Iterable[Entry], texts: Texts[Entry], terms: list[str], fields: Sequence[str], locale: str
) -> list[Entry]:
    """The entries holding every term in the searched fields (the last as a prefix), best first."""
    return [entry for _, entry in score_entries(entries, texts, terms, fields, locale)]


def published_pages(store: Store) -> list[PageRecord]:
    return [page for page in store.content.pages.values() if page.published]


def published_articles(store: Store) -> list[ArticleRecord]:
    return [article for article in store.content.articles.values() if article.published_at is not None]


__all__ = [
    "ARTICLE_TEXT",
    "COLLECTION_TEXT",
    "PAGE_TEXT",
    "match_entries",
    "published_articles",
    "published_pages",
    "score_entries",
]
