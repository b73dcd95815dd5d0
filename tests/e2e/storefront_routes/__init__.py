"""The documents a storefront's routes send, one `.graphql` file per route, in Hydrogen's shapes.

Written for this project in the shapes Hydrogen's skeleton gives its own: named fragments,
`@inContext(country: $country, language: $language)` on every operation that takes them, `nodes`,
variable defaults, unions read through `__typename`, `@defer` on a fragment, and a few minified.
"""

from __future__ import annotations

from pathlib import Path

ROUTES = Path(__file__).parent


CART_CHANGE = ROUTES / "shared" / "cart_change.graphql"
"""The fragments every cart mutation reads its payload with, as a storefront shares them."""


def route(name: str) -> str:
    """The document of one route (`product` for `product.graphql`), with the fragments it shares."""
    text = (ROUTES / f"{name}.graphql").read_text()
    if text.lstrip("# \n").startswith("mutation") or "\nmutation " in text:
        text = f"{text.rstrip()}\n\n{CART_CHANGE.read_text()}"
    return text


def route_names() -> list[str]:
    return sorted(path.stem for path in ROUTES.glob("*.graphql"))


__all__ = ["route", "route_names"]
