"""The few PHP behaviours that show through Akeneo's responses.

Error messages name JSON types the way PHP's `gettype()` does (`"integer"`, `"boolean"`, `"array"`),
and pagination links carry the `search` filter re-encoded by PHP's `json_encode()` (compact, with
`/` escaped), then URL-encoded by Symfony's router (RFC 3986).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote


def gettype(value: Any) -> str:
    """PHP's name for the type of a decoded JSON value."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    return "array"


def json_encode(value: Any) -> str:
    """PHP's default `json_encode`: no spaces, `\\uXXXX` for non-ASCII and `\\/` for slashes."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=True).replace("/", "\\/")


QUERY_SAFE = "/?@:!;,*"
"""Characters Symfony's URL generator turns back from their percent-encoding in query strings."""


def http_build_query(params: Mapping[str, Any]) -> str:
    """Symfony's query string: keys in order, `None` dropped, RFC 3986 encoding."""
    parts = []
    for key, value in params.items():
        if value is None:
            continue
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        parts.append(f"{quote(key, safe=QUERY_SAFE)}={quote(text, safe=QUERY_SAFE)}")
    return "&".join(parts)


__all__ = ["gettype", "http_build_query", "json_encode"]
