"""Akeneo's two pagination types and their HAL envelopes.

`page` (the default): `_links.self/first/previous/next`, `current_page`, optional `items_count`;
`next` is present whenever the page is full (so a last page that is exactly full is followed by an
empty one, as with Akeneo), `previous` from page 2 on, and offsets past 10,000 items fail as
Elasticsearch's result window does. `search_after`: `_links.self/first/next` only, sorted by primary
key, with an opaque cursor that clients must take from `_links.next.href`.

Parameter validation keeps the messages of Akeneo's `PaginationParametersValidator`.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import DOCUMENTATION, AkeneoError
from .php import http_build_query

PAGE = "page"
SEARCH_AFTER = "search_after"
DEFAULT_LIMIT = 10
MAX_LIMIT = 100
MAX_RESULT_WINDOW = 10_000
"""Elasticsearch's `index.max_result_window`: `page` pagination cannot reach past this many items."""
RESULT_WINDOW_MESSAGE = (
    'You have reached the maximum number of pages you can retrieve with the "page" pagination type. '
    "Please use the search after pagination type instead"
)
# Cursors are obfuscated like Akeneo's encrypted primary keys, so nobody is tempted to build one.
_CURSOR_KEY = b"akeneo-sandbox-search-after"


@dataclass(frozen=True, slots=True)
class PageRequest:
    """Validated pagination parameters, plus their raw text for the links."""

    type: str
    page: int
    limit: int
    with_count: bool
    search_after: str | None
    """The cursor as the client sent it (for `_links.self`)."""
    raw_limit: str
    raw_with_count: str

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit

    def check_result_window(self) -> None:
        if self.offset + self.limit > MAX_RESULT_WINDOW:
            raise AkeneoError(
                422,
                RESULT_WINDOW_MESSAGE,
                documentation=DOCUMENTATION + "pagination.html#the-search-after-method",
            )

    def after_key(self) -> str | None:
        return None if self.search_after is None else decode_cursor(self.search_after)


def _is_integer(text: str) -> bool:
    """PHP's `strval($p) === strval(intval($p))`: digits only, no sign but `-`, no leading zeros."""
    try:
        return str(int(text)) == text
    except ValueError:
        return False


def parse_pagination(query: Mapping[str, str], *, search_after: bool = False) -> PageRequest:
    """Validate `pagination_type`, `limit`, `page` and `with_count` as Akeneo does (422 on error)."""
    kind = query.get("pagination_type", PAGE)
    raw_limit = query.get("limit", str(DEFAULT_LIMIT))
    raw_page = query.get("page", "1")
    raw_with_count = query.get("with_count", "false")
    if kind == SEARCH_AFTER and not search_after:
        raise AkeneoError(422, "Pagination type is not supported.")
    if kind not in (PAGE, SEARCH_AFTER):
        raise AkeneoError(422, "Pagination type does not exist.")
    if not _is_integer(raw_limit) or int(raw_limit) < 1:
        raise AkeneoError(422, f'"{raw_limit}" is not a valid limit number.')
    if int(raw_limit) > MAX_LIMIT:
        raise AkeneoError(422, f"You cannot request more than {MAX_LIMIT} items.")
    if kind == PAGE:
        if not _is_integer(raw_page) or int(raw_page) < 1:
            raise AkeneoError(422, f'"{raw_page}" is not a valid page number.')
        if raw_with_count not in ("true", "false"):
            raise AkeneoError(
                422,
                f'Parameter "with_count" has to be a boolean. Only "true" or "false" allowed, "{raw_with_count}" given.',
            )
    return PageRequest(
        type=kind,
        page=int(raw_page) if kind == PAGE else 1,
        limit=int(raw_limit),
        with_count=raw_with_count == "true",
        search_after=query.get("search_after") if kind == SEARCH_AFTER else None,
        raw_limit=raw_limit,
        raw_with_count=raw_with_count,
    )


def _xor(data: bytes) -> bytes:
    return bytes(b ^ _CURSOR_KEY[i % len(_CURSOR_KEY)] for i, b in enumerate(data))


def encode_cursor(key: str) -> str:
    return base64.b64encode(_xor(key.encode())).decode()


def decode_cursor(cursor: str) -> str:
    """The sort key behind a cursor; an undecodable cursor is used as a key as it stands."""
    try:
        return _xor(base64.b64decode(cursor, validate=True)).decode()
    except (binascii.Error, UnicodeDecodeError):
        return cursor


def _href(base: str, params: Mapping[str, Any]) -> dict[str, str]:
    query = http_build_query(params)
    return {"href": f"{base}?{query}" if query else base}


def offset_envelope(
    items: list[dict[str, Any]],
    request: PageRequest,
    *,
    list_url: str,
    params: Mapping[str, Any],
    count: int | None = None,
) -> dict[str, Any]:
    """A `page` pagination response; `params` are the query parameters after `page`, in order."""
    links = {
        "self": _href(list_url, {"page": request.page, **params}),
        "first": _href(list_url, {"page": 1, **params}),
    }
    if request.page > 1:
        links["previous"] = _href(list_url, {"page": request.page - 1, **params})
    if len(items) >= request.limit:
        links["next"] = _href(list_url, {"page": request.page + 1, **params})
    body: dict[str, Any] = {"_links": links, "current_page": request.page}
    if count is not None:
        body["items_count"] = count
    body["_embedded"] = {"items": items}
    return body


def search_after_envelope(
    items: list[dict[str, Any]],
    request: PageRequest,
    *,
    list_url: str,
    params: Mapping[str, Any],
    last_key: str | None,
) -> dict[str, Any]:
    """A `search_after` pagination response; `last_key` is the sort key of the last item."""
    links = {
        "self": _href(list_url, {**params, "search_after": request.search_after}),
        "first": _href(list_url, {**params, "search_after": None}),
    }
    if len(items) == request.limit and last_key is not None:
        links["next"] = _href(list_url, {**params, "search_after": encode_cursor(last_key)})
    return {"_links": links, "_embedded": {"items": items}}


def list_params(query: Mapping[str, str], request: PageRequest) -> dict[str, Any]:
    """Link parameters of a simple list (categories, attributes…): Akeneo's defaults, then the request's."""
    params: dict[str, Any] = {"limit": request.raw_limit, "with_count": request.raw_with_count}
    for key, value in query.items():
        if key not in ("page", "limit", "with_count"):
            params[key] = value
    return params


__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "MAX_RESULT_WINDOW",
    "PAGE",
    "RESULT_WINDOW_MESSAGE",
    "SEARCH_AFTER",
    "PageRequest",
    "decode_cursor",
    "encode_cursor",
    "list_params",
    "offset_envelope",
    "parse_pagination",
    "search_after_envelope",
]
