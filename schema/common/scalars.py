"""The Storefront API's string scalars, with the same names so client codegen maps them the same way."""

from __future__ import annotations

from typing import NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition

HTML = NewType("HTML", str)
URL = NewType("URL", str)
UnsignedInt64 = NewType("UnsignedInt64", int)

SCALARS: dict[object, ScalarDefinition] = {
    HTML: strawberry.scalar(
        name="HTML",
        description="An HTML string, such as a product description.",
        serialize=str,
        parse_value=str,
    ),
    URL: strawberry.scalar(
        name="URL",
        description="An RFC 3986 and RFC 3987 compliant URI string.",
        serialize=str,
        parse_value=str,
    ),
    UnsignedInt64: strawberry.scalar(
        name="UnsignedInt64",
        description="An unsigned 64-bit integer, serialized as a string.",
        serialize=str,
        parse_value=int,
    ),
}
"""Passed to `StrawberryConfig(scalar_map=...)`."""

__all__ = ["HTML", "SCALARS", "URL", "UnsignedInt64"]
