"""Intercom's cursor pagination: `pages.next.starting_after`, an opaque base64 cursor.

Cursors encode the sort key of the last record served (base64 of a JSON array, which is why
Intercom's start with `Wz`), so a page resumes strictly after it even while records are added.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from .errors import parameter_invalid

T = TypeVar("T")
Key = tuple[int, ...]
MAX_PER_PAGE = 150


def encode(key: Key) -> str:
    return base64.b64encode(json.dumps(list(key), separators=(",", ":")).encode()).decode()


def decode(cursor: str) -> Key:
    try:
        key = json.loads(base64.b64decode(cursor.encode(), validate=True))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise parameter_invalid("starting_after is not a valid cursor", field="starting_after") from None
    if not isinstance(key, list) or not all(isinstance(k, int) and not isinstance(k, bool) for k in key):
        raise parameter_invalid("starting_after is not a valid cursor", field="starting_after")
    return tuple(key)


def per_page(raw: object, default: int) -> int:
    """A `per_page` value between 1 and 150."""
    if raw is None or raw == "":
        return default
    try:
        value = int(str(raw))
    except ValueError:
        raise parameter_invalid(f"per_page must be an integer, got {raw!r}", field="per_page") from None
    if not 1 <= value <= MAX_PER_PAGE:
        raise parameter_invalid(f"per_page must be between 1 and {MAX_PER_PAGE}", field="per_page")
    return value


def paginate(
    items: Sequence[T], key: Callable[[T], Key], starting_after: str | None, size: int
) -> tuple[list[T], dict[str, Any]]:
    """One page of `items` (sorted by `key`) after the cursor, and the `pages` object describing it."""
    keys = [key(item) for item in items]
    start = bisect.bisect_right(keys, decode(starting_after)) if starting_after else 0
    page = list(items[start : start + size])
    total = len(items)
    pages: dict[str, Any] = {
        "type": "pages",
        "page": start // size + 1,
        "per_page": size,
        "total_pages": -(-total // size),
    }
    if start + size < total:
        pages["next"] = {"per_page": size, "starting_after": encode(keys[start + size - 1])}
    return page, pages


__all__ = ["MAX_PER_PAGE", "decode", "encode", "paginate", "per_page"]
