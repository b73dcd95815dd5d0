"""Discount codes and gift cards on a cart: the mutations and what the cart shows of them.

Discount codes are kept as the buyer typed them (case-insensitively unique); one that the shop does
not know, or that the cart does not qualify for, stays on the cart with `applicable: false` and a
warning (`cart_pricing` decides). Gift card codes are matched without case, spaces or dashes; a code
that is no gift card of the shop is not applied, and applying a card twice changes nothing, as on
Shopify.
"""

from __future__ import annotations

from typing import Any

from sandbox.shopify.cart_seed import normalized_gift_card_code
from sandbox.shopify.markets import SHOP_CURRENCY
from sandbox.shopify.money import money

from .cart_payloads import Payload, UserError, Warning, pricing_of, update, user_error
from .cart_pricing import shop_gift_cards
from .cart_records import Cart
from .context import Info, StorefrontContext


def unique_codes(codes: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for code in codes:
        seen.setdefault(code.strip().upper(), code)
    return list(seen.values())


def known_gift_card_codes(ctx: StorefrontContext, codes: list[str]) -> list[str]:
    """The shop's gift cards among `codes`, normalized, each once, in order."""
    cards = shop_gift_cards(ctx.store)
    found: list[str] = []
    for code in codes:
        normalized = normalized_gift_card_code(code)
        if normalized in cards and normalized not in found:
            found.append(normalized)
    return found


def cart_discount_codes_update(_root: None, info: Info, cartId: str, discountCodes: list[str]) -> Payload:
    def change(cart: Cart) -> tuple[list[UserError], list[Warning]]:
        cart.discount_codes = unique_codes(discountCodes)
        return [], []

    return update(info, cartId, change)


def cart_gift_card_codes_update(_root: None, info: Info, cartId: str, giftCardCodes: list[str]) -> Payload:
    def change(cart: Cart) -> tuple[list[UserError], list[Warning]]:
        cart.gift_card_codes = known_gift_card_codes(info.context, giftCardCodes)
        return [], []

    return update(info, cartId, change)


def cart_gift_card_codes_add(_root: None, info: Info, cartId: str, giftCardCodes: list[str]) -> Payload:
    def change(cart: Cart) -> tuple[list[UserError], list[Warning]]:
        cart.gift_card_codes = known_gift_card_codes(info.context, [*cart.gift_card_codes, *giftCardCodes])
        return [], []

    return update(info, cartId, change)


def cart_gift_card_codes_remove(
    _root: None, info: Info, cartId: str, appliedGiftCardIds: list[str]
) -> Payload:
    cards = shop_gift_cards(info.context.store)

    def change(cart: Cart) -> tuple[list[UserError], list[Warning]]:
        applied = {cards[code].gid: code for code in cart.gift_card_codes}
        errors = [
            user_error(
                ["appliedGiftCardIds", str(index)], "The gift card is not applied to the cart.", "INVALID"
            )
            for index, card_id in enumerate(appliedGiftCardIds)
            if card_id not in applied
        ]
        if not errors:
            removed = {applied[card_id] for card_id in appliedGiftCardIds}
            cart.gift_card_codes = [code for code in cart.gift_card_codes if code not in removed]
        return errors, []

    return update(info, cartId, change)


# Objects


def _discount_codes(cart: Cart, info: Info) -> list[dict[str, Any]]:
    return [
        {"code": outcome.code, "applicable": outcome.applicable}
        for outcome in pricing_of(cart, info.context).codes
    ]


CART_CODE_RESOLVERS: dict[str, dict[str, Any]] = {
    "Mutation": {
        "cartDiscountCodesUpdate": cart_discount_codes_update,
        "cartGiftCardCodesUpdate": cart_gift_card_codes_update,
        "cartGiftCardCodesAdd": cart_gift_card_codes_add,
        "cartGiftCardCodesRemove": cart_gift_card_codes_remove,
    },
    "Cart": {
        "discountCodes": _discount_codes,
        "discountAllocations": lambda cart, info: list(pricing_of(cart, info.context).cart_allocations),
        "appliedGiftCards": lambda cart, info: list(pricing_of(cart, info.context).gift_cards),
    },
    "AppliedGiftCard": {
        "id": lambda use, info: use.card.gid,
        "lastCharacters": lambda use, info: use.card.last_characters,
        # The card keeps the shop's currency; what it pays is also shown in the cart's.
        "amountUsed": lambda use, info: money(use.used_in_card_currency, SHOP_CURRENCY),
        "amountUsedV2": lambda use, info: money(use.used_in_card_currency, SHOP_CURRENCY),
        "balance": lambda use, info: money(use.card.balance, SHOP_CURRENCY),
        "balanceV2": lambda use, info: money(use.card.balance, SHOP_CURRENCY),
        "presentmentAmountUsed": lambda use, info: money(use.used, use.currency),
    },
    "CartCodeDiscountAllocation": {
        "code": lambda a, info: a.code,
        "discountedAmount": lambda a, info: money(a.amount, a.currency),
        "targetType": lambda a, info: a.target_type,
        "discountApplication": lambda a, info: a,
    },
    "CartDiscountApplication": {
        "allocationMethod": lambda a, info: a.allocation_method,
        "targetSelection": lambda a, info: a.target_selection,
        "targetType": lambda a, info: a.target_type,
        "value": lambda a, info: a.value,
    },
}


__all__ = ["CART_CODE_RESOLVERS", "known_gift_card_codes", "unique_codes"]
