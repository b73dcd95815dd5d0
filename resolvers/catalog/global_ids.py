"""Shopify's global ids (`gid://shopify/Product/123`): parsed, never built from parts by clients."""

from __future__ import annotations

import re

from resolvers.errors import UserInputError

_GID = re.compile(r"^gid://shopify/(?P<type>[A-Za-z]+)/(?P<id>[^/?#\s]+)(?:\?[^#\s]*)?$")


def gid_type(gid: str) -> str:
    """The object type a global id names; a malformed id is the client's error."""
    match = _GID.match(gid)
    if match is None:
        raise UserInputError(f"Invalid global id '{gid}'", "id")
    return match.group("type")


__all__ = ["gid_type"]
