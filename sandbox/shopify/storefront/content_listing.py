"""One page of a content connection (`pages`, `blogs`, `articles`, `urlRedirects`…), Shopify's way.

Content lists are short (dozens, not thousands), so each request filters with the search syntax
and sorts in full; the cursors are the catalog's, so they keep working across requests.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from sandbox.shopify.connections import Ordering, Window, paginate
from sandbox.shopify.cursors import SortValue
from sandbox.shopify.relay import Connection
from sandbox.shopify.search_syntax import FieldMatchers, Term, TermMatcher, any_of, compile_query, parse


class HasId(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=HasId)


def listing(
    records: Sequence[R],
    args: Mapping[str, Any],
    sorts: Mapping[str, Callable[[R], SortValue]],
    matchers: FieldMatchers[R] | None = None,
) -> Connection[R]:
    """The page `args` ask for: `query` filters, `sortKey` (default ID) orders, `reverse` flips."""
    window = Window.of(dict(args))
    query = args.get("query")
    if query and matchers is not None:
        compiled = compile_query(parse(query), matchers)
        records = [record for record in records if compiled.predicate(record)]
    value = sorts[args.get("sortKey") or "ID"]
    ordering = Ordering.sort(records, lambda record: (value(record), record.id))
    return Connection(paginate(ordering, window, reverse=bool(args.get("reverse"))))


def none_of(get: Callable[[R], Sequence[str]]) -> TermMatcher[R]:
    """Matches when no value of the record equals the term (`tag_not:`)."""
    matches = any_of(get)

    def matcher(term: Term) -> Callable[[R], bool]:
        has = matches(term)
        return lambda record: not has(record)

    return matcher


__all__ = ["listing", "none_of"]
