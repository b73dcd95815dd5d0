"""The carts `cart_add` adds to: opened before anything is measured, straight from Shopify.

A shopper's cart holds a few lines. Each cart is opened with one line; the measured adds go to the
carts in turn, so consecutive requests add to different carts, and each cart takes its own
`ADDS_PER_CART` variants in rotation: a variant's first add makes a line, the next ones raise its
quantity. A cart never holds more than `1 + ADDS_PER_CART` lines however long the run, so an add
costs the same at the end of a run as at its start.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from .operations import CART_CREATE
from .targets import CartTarget, ProductTarget, Storefront, VariantTarget

CARTS = 500
"""Far more than any concurrency: two requests in flight rarely add to one cart."""
ADDS_PER_CART = 2
MIN_QUANTITY = 50
"""Shopify caps a line at what is in stock: variants with room for every add of a full run."""


async def open_carts(
    storefront: Storefront, products: Sequence[ProductTarget], *, carts: int = CARTS, country: str = "FR"
) -> tuple[CartTarget, ...]:
    """`carts` carts of one line each, and the adds to them in the order they are sent."""
    width = 1 + ADDS_PER_CART
    roomy = [
        (p.handle, v)
        for p in products
        for v in p.variants
        if v.by_the_unit and v.quantity_available >= MIN_QUANTITY
    ]
    groups = [roomy[i : i + width] for i in range(0, min(len(roomy), carts * width) - width + 1, width)]
    if not groups:
        raise RuntimeError(
            f"the catalog has no {width} variants sold by the unit with {MIN_QUANTITY} in stock"
        )

    async def open_cart(first: VariantTarget) -> str:
        lines = [{"merchandiseId": first.id, "quantity": 1}]
        payload = (await storefront(CART_CREATE, {"input": {"lines": lines}, "country": country}))[
            "cartCreate"
        ]
        if payload["userErrors"] or not payload["cart"]:
            raise RuntimeError(f"cartCreate refused {first.sku}: {payload['userErrors']}")
        cart_id: str = payload["cart"]["id"]
        return cart_id

    ids = await asyncio.gather(*(open_cart(group[0][1]) for group in groups))
    return tuple(
        CartTarget(cart_id, *group[1 + slot])
        for slot in range(ADDS_PER_CART)
        for cart_id, group in zip(ids, groups, strict=True)
    )


__all__ = ["ADDS_PER_CART", "CARTS", "MIN_QUANTITY", "open_carts"]
