"""The documents a storefront's routes send, one `.graphql` file per route, in Hydrogen's shapes.

Written for this project in the shapes Hydrogen's skeleton gives its own: named fragments,
`@inContext(country: $country, language: $language)` on every operation that takes them, `nodes`,
variable defaults, unions read through `__typename`, `@defer` on a fragment, and a few minified.
"""

from __future__ import annotations

from pathlib import Path

ROUTES = Path(__file__).parent


def route(name: str) -> str:
    """The document of one route (`product` for `product.graphql`)."""
    return (ROUTES / f"{name}.graphql").read_text()


def route_names() -> list[str]:
    return sorted(path.stem for path in ROUTES.glob("*.graphql"))


__all__ = ["route", "route_names"]
