"""Relay connections over an ordered list, with Shopify's argument rules and cursors.

An `Ordering` keeps the items sorted ascending by `(sort value, id)`; `reverse` walks it backwards.
A cursor stores the position's key, so pages are found by bisection (no scan) and a cursor stays
valid when the item it names disappears, as Shopify's do.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from graphql import GraphQLError

from .cursors import SortValue, decode_cursor, encode_cursor

T = TypeVar("T")
Key = tuple[SortValue, int]

MAX_PAGE_SIZE = 250


def bad_request(message: str) -> GraphQLError:
    """A top-level error the way Shopify reports a refused argument combination."""
    return GraphQLError(message, extensions={"code": "BAD_REQUEST"})


@dataclass(frozen=True, slots=True)
class Window:
    """The pagination arguments of one connection field."""

    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None

    @classmethod
    def of(cls, args: dict[str, Any]) -> Window:
        window = cls(args.get("first"), args.get("after"), args.get("last"), args.get("before"))
        window.check()
        return window

    def check(self) -> None:
        if self.first is None and self.last is None:
            raise bad_request("you must provide one of first or last")
        if self.first is not None and self.last is not None:
            raise bad_request("providing both first and last is not supported")
        for name, size in (("first", self.first), ("last", self.last)):
            if size is not None and size < 0:
                raise bad_request(f"{name} must be greater than or equal to 0")
            if size is not None and size > MAX_PAGE_SIZE:
                raise bad_request(f"The {name} argument cannot exceed {MAX_PAGE_SIZE}.")


@dataclass(slots=True)
class Ordering(Generic[T]):
    """Items sorted ascending by key; build once per sort and reuse while the data is unchanged."""

    keys: list[Key] = field(default_factory=list)
    items: list[T] = field(default_factory=list)

    @classmethod
    def sort(cls, items: Sequence[T], key: Callable[[T], Key]) -> Ordering[T]:
        pairs = sorted(((key(item), item) for item in items), key=lambda pair: pair[0])
        return cls([k for k, _ in pairs], [item for _, item in pairs])

    def only(self, keep: Callable[[T], bool]) -> Ordering[T]:
        """The sub-ordering of the items `keep` accepts (same keys, same order)."""
        kept = [(k, item) for k, item in zip(self.keys, self.items, strict=True) if keep(item)]
        return Ordering([k for k, _ in kept], [item for _, item in kept])

    def __len__(self) -> int:
        return len(self.items)


@dataclass(slots=True)
class Page(Generic[T]):
    """One page of a connection: its items, their cursors and the `PageInfo` flags."""

    items: list[T]
    keys: list[Key]
    has_next_page: bool
    has_previous_page: bool
    total: int

    def cursor(self, index: int) -> str:
        value, item_id = self.keys[index]
        return encode_cursor(item_id, value)


def _position(cursor: str, keys: list[Key]) -> Key:
    decoded = decode_cursor(cursor)
    if decoded is None or (keys and not _comparable(decoded[0], keys[0][0])):
        raise bad_request("Invalid cursor for current pagination sort.")
    return decoded


def _comparable(a: SortValue, b: SortValue) -> bool:
    return isinstance(a, str) == isinstance(b, str)


def paginate(ordering: Ordering[T], window: Window, *, reverse: bool = False) -> Page[T]:
    """Cut the page `window` asks for out of `ordering` (walked backwards when `reverse`)."""
    keys, n = ordering.keys, len(ordering.keys)
    # [lo, hi) is the window in the walked order; index i of the walk is keys[i] or keys[n-1-i].
    lo, hi = 0, n
    if window.after is not None:
        key = _position(window.after, keys)
        lo = max(lo, n - bisect_left(keys, key) if reverse else bisect_right(keys, key))
    if window.before is not None:
        key = _position(window.before, keys)
        hi = min(hi, n - bisect_right(keys, key) if reverse else bisect_left(keys, key))
    hi = max(lo, hi)
    if window.first is not None:
        start, stop = lo, min(hi, lo + window.first)
    else:
        assert window.last is not None
        start, stop = max(lo, hi - window.last), hi
    indexes = range(n - 1 - start, n - 1 - stop, -1) if reverse else range(start, stop)
    return Page(
        [ordering.items[i] for i in indexes],
        [keys[i] for i in indexes],
        has_next_page=stop < n,
        has_previous_page=start > 0,
        total=n,
    )


def page_of_list(items: Sequence[T], window: Window, ids: Callable[[T], int] | None = None) -> Page[T]:
    """Paginate a short list kept in its natural order (images, cart lines): cursors hold positions."""
    ordering = Ordering(
        [(index, ids(item) if ids else index) for index, item in enumerate(items)], list(items)
    )
    return paginate(ordering, window)


__all__ = ["MAX_PAGE_SIZE", "Key", "Ordering", "Page", "Window", "bad_request", "page_of_list", "paginate"]
