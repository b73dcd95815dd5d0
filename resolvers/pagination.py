"""Relay pagination over a list the gateway already holds (a product's variants and images)."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import TypeVar

from gateway.models.catalog import PageInfo

from .errors import UserInputError

T = TypeVar("T")

_PREFIX = "gw:"


def encode_cursor(index: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{index}".encode()).decode()


def decode_cursor(cursor: str, argument: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not text.startswith(_PREFIX):
            raise ValueError(cursor)
        return int(text.removeprefix(_PREFIX))
    except (ValueError, UnicodeDecodeError):
        raise UserInputError(f"Invalid cursor for argument '{argument}'.", argument) from None


def check_page_size(first: int | None, last: int | None, maximum: int) -> None:
    """Shopify's rules: one of first/last, neither negative nor above the maximum."""
    if first is None and last is None:
        raise UserInputError("you must provide one of first or last", "first")
    for name, value in (("first", first), ("last", last)):
        if value is not None and value < 0:
            raise UserInputError(f"Argument '{name}' must be a non-negative integer.", name)
        if value is not None and value > maximum:
            raise UserInputError(f"Argument '{name}' cannot be greater than {maximum}.", name)


def paginate(
    items: Sequence[T],
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    reverse: bool,
    maximum: int,
) -> tuple[list[tuple[str, T]], PageInfo]:
    """Slice `items` the way the Relay cursor spec says: after/before first, then first, then last."""
    check_page_size(first, last, maximum)
    ordered = list(reversed(items)) if reverse else list(items)
    start, end = 0, len(ordered)
    if after is not None:
        start = max(start, decode_cursor(after, "after") + 1)
    if before is not None:
        end = min(end, decode_cursor(before, "before"))
    window = list(range(start, max(start, end)))
    if first is not None:
        window = window[:first]
    if last is not None:
        window = window[-last:] if last else []
    edges = [(encode_cursor(i), ordered[i]) for i in window]
    info = PageInfo(
        has_next_page=bool(window) and window[-1] < end - 1 if first is not None else end < len(ordered),
        has_previous_page=bool(window) and window[0] > start if last is not None else start > 0,
        start_cursor=edges[0][0] if edges else None,
        end_cursor=edges[-1][0] if edges else None,
    )
    return edges, info


__all__ = ["check_page_size", "decode_cursor", "encode_cursor", "paginate"]
