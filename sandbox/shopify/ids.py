"""Shopify global ids (`gid://shopify/Product/123`), as every API of the emulator writes and reads them."""

from __future__ import annotations

from dataclasses import dataclass

PREFIX = "gid://shopify/"


@dataclass(frozen=True, slots=True)
class GlobalId:
    """A parsed `gid://shopify/<kind>/<key>[?<query>]`."""

    kind: str
    key: str
    query: str = ""

    @property
    def number(self) -> int | None:
        """The numeric id most resources use, or None for token ids (carts, cart lines)."""
        return int(self.key) if self.key.isdigit() else None


def gid(kind: str, key: int | str) -> str:
    return f"{PREFIX}{kind}/{key}"


def parse_gid(value: str) -> GlobalId | None:
    """Parse a global id; None for anything that is not one (Shopify then answers "Invalid global id")."""
    if not value.startswith(PREFIX):
        return None
    kind, _, rest = value[len(PREFIX) :].partition("/")
    key, _, query = rest.partition("?")
    if not kind or not key or "/" in key:
        return None
    return GlobalId(kind, key, query)


def number_of(value: str, kind: str) -> int | None:
    """The numeric id of a gid of the given kind, or None when it is another kind or malformed."""
    parsed = parse_gid(value)
    if parsed is None or parsed.kind != kind:
        return None
    return parsed.number


__all__ = ["PREFIX", "GlobalId", "gid", "number_of", "parse_gid"]
