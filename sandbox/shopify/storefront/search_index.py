"""The word index behind the Storefront emulator's `search`: which products hold which words.

Shopify's storefront search matches whole words (the last one as a prefix with `prefix: LAST`) in a
product's title, type, vendor, tags and variant SKUs, and ranks by where they matched. Scanning and
splitting the text of every product per query costs ~100 ms at 10,000 products, which would make a
benchmark measure the emulator instead of the gateway; the index answers a query by intersecting
the lists of the products holding each word, then ranks only those.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sandbox.shopify.records import ProductRecord

TITLE_POINTS = 3
KIND_POINTS = 2
OTHER_POINTS = 1


def split_words(text: str) -> list[str]:
    """Casefolded words: runs of letters and digits, everything else a separator."""
    return "".join(c if c.isalnum() else " " for c in text.casefold()).split()


@dataclass(frozen=True, slots=True)
class ProductWords:
    """A product's words, by where they weigh in the ranking."""

    title: frozenset[str]
    kind: frozenset[str]
    """Product type and vendor."""
    other: frozenset[str]
    """Tags and variant SKUs."""

    @classmethod
    def of(cls, product: ProductRecord, locale: str) -> ProductWords:
        return cls(
            frozenset(split_words(f"{product.title.en_US} {product.title.get(locale)}")),
            frozenset(split_words(f"{product.product_type} {product.vendor}")),
            frozenset(split_words(" ".join([*product.tags, *(v.sku for v in product.variants)]))),
        )


def _holds(words: frozenset[str], term: str, prefix: bool) -> bool:
    return term in words or (prefix and any(word.startswith(term) for word in words))


class SearchIndex:
    """The words of the published products in one locale, and the products holding each word."""

    def __init__(self, products: Iterable[ProductRecord], locale: str) -> None:
        self._load({product.id: ProductWords.of(product, locale) for product in products})

    @classmethod
    def of_words(cls, words: Mapping[int, ProductWords]) -> SearchIndex:
        """An index over words gathered elsewhere, by id (predictive search indexes one field apiece)."""
        index = cls.__new__(cls)
        index._load(words)
        return index

    def _load(self, words: Mapping[int, ProductWords]) -> None:
        self._words = dict(words)
        postings: defaultdict[str, set[int]] = defaultdict(set)
        for item_id, held in self._words.items():
            for word in held.title | held.kind | held.other:
                postings[word].add(item_id)
        self._postings = dict(postings)
        self._vocabulary = sorted(postings)

    def holding(self, term: str, *, prefix: bool = False) -> set[int]:
        """Ids of the products with the word `term` (with `prefix`, a word starting with it)."""
        if not prefix:
            return set(self._postings.get(term, ()))
        ids: set[int] = set()
        for word in self.words_from(term):
            ids |= self._postings[word]
        return ids

    def words_from(self, prefix: str) -> list[str]:
        """The indexed words starting with `prefix`, in order."""
        found = []
        position = bisect_left(self._vocabulary, prefix)
        while position < len(self._vocabulary) and self._vocabulary[position].startswith(prefix):
            found.append(self._vocabulary[position])
            position += 1
        return found

    def scores(self, terms: list[str], *, prefix_last: bool = False) -> dict[int, int]:
        """Points per product holding every term: 3 for a title word, 2 for type or vendor, 1 else."""
        if not terms:
            return {}
        last = len(terms) - 1
        matched: set[int] | None = None
        for i, term in enumerate(terms):
            ids = self.holding(term, prefix=prefix_last and i == last)
            matched = ids if matched is None else matched & ids
            if not matched:
                return {}
        assert matched is not None
        return {pid: self._points(self._words[pid], terms, prefix_last) for pid in matched}

    @staticmethod
    def _points(words: ProductWords, terms: list[str], prefix_last: bool) -> int:
        total = 0
        last = len(terms) - 1
        for i, term in enumerate(terms):
            prefix = prefix_last and i == last
            if _holds(words.title, term, prefix):
                total += TITLE_POINTS
            elif _holds(words.kind, term, prefix):
                total += KIND_POINTS
            else:
                total += OTHER_POINTS
        return total


__all__ = ["ProductWords", "SearchIndex", "split_words"]
