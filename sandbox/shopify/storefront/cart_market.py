"""The market a cart is priced in: its buyer's country, as on Shopify."""

from __future__ import annotations

from sandbox.shopify.markets import Market, market_for

from .cart_records import Cart
from .context import StorefrontContext


def cart_market(cart: Cart, ctx: StorefrontContext) -> Market:
    """The buyer's country prices the cart; a cart without one follows `@inContext(country:)`."""
    return market_for(cart.country) if cart.country else ctx.market


__all__ = ["cart_market"]
