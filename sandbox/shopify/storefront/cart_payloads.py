"""What every cart mutation answers: `{cart, userErrors, warnings}`, in Shopify's words.

A mutation with userErrors changes nothing. Warnings are recomputed on every mutation from the
cart itself, as Shopify does: each line stuck at 0 because its merchandise is sold out, and each
discount code that does not apply, is reported again until the buyer acts on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .cart_market import cart_market
from .cart_pricing import Pricing, cart_pricing
from .cart_records import Cart, CartLine
from .context import Info, StorefrontContext

Payload = dict[str, Any]
UserError = dict[str, Any]
Warning = dict[str, str]

CODE_WARNINGS = {
    "DISCOUNT_NOT_FOUND": "Enter a valid discount code",
    "DISCOUNT_NO_ENTITLED_LINE_ITEMS": "{code} discount code isn't valid for the items in your cart",
    "DISCOUNT_NO_ENTITLED_SHIPPING_LINES": "There is no shipping for {code} to apply to",
    "DISCOUNT_PURCHASE_NOT_IN_RANGE": "Your cart doesn't meet the minimum purchase for {code}",
    "DISCOUNT_CODE_NOT_HONOURED": "{code} can't be combined with the discount already applied",
}
"""Messages of the warnings a discount code gets, by `CartWarningCode`."""


def user_error(field: list[str] | None, message: str, code: str) -> UserError:
    return {"field": field, "message": message, "code": code}


def pricing_of(cart: Cart, ctx: StorefrontContext) -> Pricing:
    return cart_pricing(cart, cart_market(cart, ctx), ctx.store)


def sold_out(line: CartLine) -> Warning:
    return {
        "code": "MERCHANDISE_OUT_OF_STOCK",
        "message": f"The product '{line.variant.display_name}' is already sold out.",
        "target": line.id,
    }


def not_enough(quantity: int, line: CartLine) -> Warning:
    noun = "item was" if quantity == 1 else "items were"
    return {
        "code": "MERCHANDISE_NOT_ENOUGH_STOCK",
        "message": f"Only {quantity} {noun} added to your cart due to availability.",
        "target": line.id,
    }


def _warnings(ctx: StorefrontContext, cart: Cart, immediate: list[Warning]) -> list[Warning]:
    warnings = list(immediate)
    warnings += [sold_out(line) for line in cart.lines if line.id in cart.sold_out_lines]
    for outcome in pricing_of(cart, ctx).codes:
        if outcome.warning is not None:
            message = CODE_WARNINGS[outcome.warning].format(code=outcome.code)
            warnings.append({"code": outcome.warning, "message": message, "target": cart.warning_target})
    unique: list[Warning] = []
    for warning in warnings:
        if warning not in unique:
            unique.append(warning)
    return unique


def payload(
    ctx: StorefrontContext,
    cart: Cart | None,
    errors: list[UserError],
    warnings: list[Warning] | None = None,
) -> Payload:
    return {
        "cart": cart,
        "userErrors": errors,
        "warnings": _warnings(ctx, cart, warnings or []) if cart else [],
    }


def missing_cart(ctx: StorefrontContext) -> Payload:
    return payload(ctx, None, [user_error(["cartId"], "The specified cart does not exist.", "INVALID")])


Change = Callable[[Cart], tuple[list[UserError], list[Warning]]]
"""Changes a cart, or returns userErrors and leaves it as it was; warnings go with the answer."""


def update(info: Info, cart_id: str, change: Change) -> Payload:
    """Run `change` on the cart `cart_id` names and answer with the payload."""
    ctx = info.context
    cart = ctx.state.cart(cart_id)
    if cart is None:
        return missing_cart(ctx)
    errors, warnings = change(cart)
    if not errors:
        cart.changed(ctx.store.now())
    return payload(ctx, cart, errors, warnings)


__all__ = [
    "Change",
    "Payload",
    "UserError",
    "Warning",
    "missing_cart",
    "not_enough",
    "payload",
    "pricing_of",
    "sold_out",
    "update",
    "user_error",
]
