"""Shopify's search syntax (`tag:sale AND -vendor:Acme OR title:"red shirt*"`), parsed and compiled.

`parse` turns a query string into a small tree; `compile_query` turns the tree into a predicate over
one resource's records, given how each search field matches (`FieldMatchers`), plus the candidate
ids an index can answer without a scan (`sku:a OR sku:b` on 30,000 variants is a dict lookup).
Unknown fields match everything and are reported, as the Admin API does in `extensions.search`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Generic, TypeVar

T = TypeVar("T")

COMPARATORS = (">=", "<=", ">", "<")


@dataclass(frozen=True, slots=True)
class Term:
    """`field:value`, `field:>value`, `field:val*` or a free-text word (`field` None)."""

    field: str | None
    value: str
    comparator: str = "="
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


@dataclass(frozen=True, slots=True)
class All:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Any_:
    items: tuple[Node, ...]


Node = Term | Not | All | Any_


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(ch)
            i += 1
        else:
            start = i
            while i < n and not text[i].isspace() and text[i] not in "()":
                if text[i] in "\"'":
                    quote = text[i]
                    end = text.find(quote, i + 1)
                    i = n if end < 0 else end + 1
                else:
                    i += 1
            tokens.append(text[start:i])
    return tokens


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value.strip("\"'")


def _term(token: str) -> Term:
    name, sep, raw = token.partition(":")
    if not sep or not name or name[0] in "\"'":
        value = _unquote(token)
        return Term(None, value.rstrip("*"), prefix=value.endswith("*"))
    comparator = "="
    for candidate in COMPARATORS:
        if raw.startswith(candidate):
            comparator, raw = candidate, raw[len(candidate) :]
            break
    quoted = raw[:1] in ("'", '"')
    value = _unquote(raw)
    prefix = not quoted and value.endswith("*")
    return Term(name.lower(), value.rstrip("*") if prefix else value, comparator, prefix)


class _Parser:
    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.i = 0

    def peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def any_(self) -> Node | None:
        items = [item for item in [self.all_()] if item is not None]
        while self.peek() == "OR":
            self.take()
            item = self.all_()
            if item is not None:
                items.append(item)
        return None if not items else items[0] if len(items) == 1 else Any_(tuple(items))

    def all_(self) -> Node | None:
        items: list[Node] = []
        while (token := self.peek()) is not None and token not in ("OR", ")"):
            if token == "AND":  # noqa: S105 (a search keyword)
                self.take()
                continue
            item = self.unary()
            if item is not None:
                items.append(item)
        return None if not items else items[0] if len(items) == 1 else All(tuple(items))

    def unary(self) -> Node | None:
        token = self.take()
        if token == "NOT":  # noqa: S105
            item = self.unary() if self.peek() not in (None, ")") else None
            return None if item is None else Not(item)
        if token == "(":  # noqa: S105
            item = self.any_()
            if self.peek() == ")":
                self.take()
            return item
        if token.startswith("-") and len(token) > 1:
            return Not(_term(token[1:]))
        return _term(token)


def parse(query: str | None) -> Node | None:
    """The tree of a search query; None for an empty query (everything matches)."""
    if not query or not query.strip():
        return None
    parser = _Parser(_tokens(query))
    node = parser.any_()
    while parser.peek() is not None:  # a stray ")" ends a group that was never opened: skip it
        parser.take()
        more = parser.any_()
        if more is not None:
            node = more if node is None else All((node, more))
    return node


Predicate = Callable[[T], bool]
TermMatcher = Callable[[Term], Predicate[T]]
"""Compiles one term on a known field into a predicate over a record."""


@dataclass(frozen=True, slots=True)
class FieldMatchers(Generic[T]):
    """How a resource's records match each search field; `text` matches free words."""

    fields: Mapping[str, TermMatcher[T]]
    text: TermMatcher[T]
    indexes: Mapping[str, Callable[[str], Iterable[int]]] | None = None
    """Fields an exact `field:value` can be answered for from an index: value → record ids."""


@dataclass(slots=True)
class CompiledQuery(Generic[T]):
    predicate: Predicate[T]
    candidates: set[int] | None
    """Ids the matches are among (from indexes), or None when a full scan is needed."""
    unknown_fields: list[str]


def compile_query(node: Node | None, matchers: FieldMatchers[T]) -> CompiledQuery[T]:
    unknown: list[str] = []

    def build(item: Node) -> Predicate[T]:
        if isinstance(item, Term):
            if item.field is None:
                return matchers.text(item)
            matcher = matchers.fields.get(item.field)
            if matcher is None:
                unknown.append(item.field)
                return _always
            return matcher(item)
        if isinstance(item, Not):
            inner = build(item.item)
            return lambda record: not inner(record)
        parts = [build(part) for part in item.items]
        if isinstance(item, All):
            return lambda record: all(part(record) for part in parts)
        return lambda record: any(part(record) for part in parts)

    if node is None:
        return CompiledQuery(_always, None, unknown)
    predicate = build(node)
    return CompiledQuery(predicate, _candidates(node, matchers), unknown)


def _always(record: object) -> bool:
    return True


def _candidates(node: Node, matchers: FieldMatchers[T]) -> set[int] | None:
    indexes = matchers.indexes or {}
    if isinstance(node, Term):
        index = indexes.get(node.field or "")
        if index is None or node.comparator != "=" or node.prefix:
            return None
        return set(index(node.value))
    if isinstance(node, Any_):
        union: set[int] = set()
        for part in node.items:
            found = _candidates(part, matchers)
            if found is None:
                return None
            union |= found
        return union
    if isinstance(node, All):
        narrowed = [found for part in node.items if (found := _candidates(part, matchers)) is not None]
        return set.intersection(*narrowed) if narrowed else None
    return None


# Matchers for the common kinds of search fields.


def _fold(text: str) -> str:
    return text.casefold()


def exact(get: Callable[[T], str | None]) -> TermMatcher[T]:
    """Case-insensitive equality (`sku:`, `email:`, `vendor:`), or a prefix with `*`."""

    def matcher(term: Term) -> Predicate[T]:
        wanted = _fold(term.value)
        if term.prefix:
            return lambda record: _fold(get(record) or "").startswith(wanted)
        return lambda record: _fold(get(record) or "") == wanted

    return matcher


def any_of(get: Callable[[T], Iterable[str]]) -> TermMatcher[T]:
    """Matches when one of the record's values equals the term (`tag:`), or starts with it (`*`)."""

    def matcher(term: Term) -> Predicate[T]:
        wanted = _fold(term.value)
        if term.prefix:
            return lambda record: any(_fold(v).startswith(wanted) for v in get(record))
        return lambda record: any(_fold(v) == wanted for v in get(record))

    return matcher


def words(get: Callable[[T], Iterable[str]]) -> TermMatcher[T]:
    """Every word of the term appears among the words of the record's texts (`title:`, free text)."""

    def matcher(term: Term) -> Predicate[T]:
        wanted = _split(term.value)
        if not wanted:
            return _always

        def match(record: T) -> bool:
            have = [w for text in get(record) for w in _split(text)]
            for i, word in enumerate(wanted):
                last = i == len(wanted) - 1
                if not any(h == word or (last and term.prefix and h.startswith(word)) for h in have):
                    return False
            return True

        return match

    return matcher


def _split(text: str) -> list[str]:
    return [w for w in "".join(c if c.isalnum() else " " for c in _fold(text)).split() if w]


def boolean(get: Callable[[T], bool]) -> TermMatcher[T]:
    def matcher(term: Term) -> Predicate[T]:
        wanted = term.value.lower() == "true"
        return lambda record: get(record) is wanted

    return matcher


def when(get: Callable[[T], datetime]) -> TermMatcher[T]:
    """Dates and times: `created_at:>2026-01-01`, `updated_at:>='2026-08-01T00:00:00Z'`, `:<now`."""

    def matcher(term: Term) -> Predicate[T]:
        bound = parse_instant(term.value)
        if bound is None:
            return lambda record: False
        start, end = bound
        comparator = term.comparator
        if comparator == ">":
            return lambda record: get(record) >= end
        if comparator == ">=":
            return lambda record: get(record) >= start
        if comparator == "<":
            return lambda record: get(record) < start
        if comparator == "<=":
            return lambda record: get(record) < end
        return lambda record: start <= get(record) < end

    return matcher


def parse_instant(value: str) -> tuple[datetime, datetime] | None:
    """The [start, end) span a date value names: a year, a day or an instant (1 s), or `now`."""
    text = value.strip()
    try:
        if text.lower() == "now":
            now = datetime.now(UTC)
            return now, now
        if len(text) == 4 and text.isdigit():
            start = datetime(int(text), 1, 1, tzinfo=UTC)
            return start, datetime(int(text) + 1, 1, 1, tzinfo=UTC)
        if len(text) == 10:
            day = date.fromisoformat(text)
            start = datetime.combine(day, time(), UTC)
            return start, start + timedelta(days=1)
        instant = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant, instant.replace(microsecond=0) + timedelta(seconds=1)


def comparison(term: Term) -> Callable[[float], bool] | None:
    """The test a numeric term stands for (`>10`, `<=0`, `5`), or None when its value is no number."""
    try:
        bound = float(term.value)
    except ValueError:
        return None
    tests: dict[str, Callable[[float], bool]] = {
        ">": lambda v: v > bound,
        ">=": lambda v: v >= bound,
        "<": lambda v: v < bound,
        "<=": lambda v: v <= bound,
        "=": lambda v: v == bound,
    }
    return tests[term.comparator]


def number(get: Callable[[T], float]) -> TermMatcher[T]:
    """Numbers: `inventory_quantity:>0`, `orders_count:>=2`."""

    def matcher(term: Term) -> Predicate[T]:
        test = comparison(term)
        if test is None:
            return lambda record: False
        return lambda record: test(get(record))

    return matcher


__all__ = [
    "All",
    "Any_",
    "CompiledQuery",
    "FieldMatchers",
    "Node",
    "Not",
    "Term",
    "any_of",
    "boolean",
    "comparison",
    "compile_query",
    "exact",
    "number",
    "parse",
    "parse_instant",
    "when",
    "words",
]
