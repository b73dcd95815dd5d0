"""What a cart costs: line and cart totals, the market's currency, discount codes and gift cards."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest

from sandbox.seed import generate
from sandbox.shopify.cart_seed import gift_cards

from .hydrogen_cart import HydrogenCart
from .sandbox_client import ShopifySandbox, running
from .shoppers import amount, cents, gid, merchandise, variants

USD = Decimal("1.08")


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(80)) as sandbox:
        yield sandbox


async def cart_with(shop: ShopifySandbox, lines: list[tuple[Any, int]], country: str = "DE") -> HydrogenCart:
    hydrogen = HydrogenCart(shop, country=country)
    payload = await hydrogen.create(lines=[{"merchandiseId": gid(v), "quantity": q} for v, q in lines])
    assert payload["userErrors"] == []
    return hydrogen


def warning(cart: dict[str, Any], code: str, message: str) -> dict[str, str]:
    return {"code": code, "message": message, "target": cart["id"].split("?")[0]}


async def test_line_and_cart_totals_add_up(shop: ShopifySandbox) -> None:
    # given
    first, second = variants(shop.world, at_least=4)[:2]

    # when
    cart = await (await cart_with(shop, [(first, 3), (second, 1)])).details()

    # then
    lines = {line["merchandise"]["id"]: line for line in cart["lines"]["nodes"]}
    line = lines[gid(first)]["cost"]
    assert amount(line["amountPerQuantity"]) == first.price
    assert amount(line["subtotalAmount"]) == first.price * 3
    assert line["totalAmount"] == line["subtotalAmount"]
    assert line["compareAtAmountPerQuantity"] is None
    subtotal = first.price * 3 + second.price
    assert amount(cart["cost"]["subtotalAmount"]) == subtotal
    assert cart["cost"]["checkoutChargeAmount"] == cart["cost"]["subtotalAmount"]
    assert cart["cost"]["totalAmount"] == cart["cost"]["subtotalAmount"]
    assert cart["estimatedCost"] == {
        "subtotalAmount": cart["cost"]["subtotalAmount"],
        "totalAmount": cart["cost"]["totalAmount"],
        "totalTaxAmount": None,
    }
    assert cart["discountAllocations"] == []


async def test_the_buyers_country_converts_each_unit_then_multiplies(shop: ShopifySandbox) -> None:
    first, second = variants(shop.world, at_least=4)[:2]
    cart = await (await cart_with(shop, [(first, 3), (second, 2)], country="US")).details()
    units = {gid(v): cents(v.price * USD) for v in (first, second)}
    for line in cart["lines"]["nodes"]:
        assert line["cost"]["amountPerQuantity"]["currencyCode"] == "USD"
        assert amount(line["cost"]["amountPerQuantity"]) == units[line["merchandise"]["id"]]
    assert amount(cart["cost"]["totalAmount"]) == units[gid(first)] * 3 + units[gid(second)] * 2
    assert cart["cost"]["totalAmount"]["currencyCode"] == "USD"


async def test_welcome10_takes_a_tenth_off_the_cart_not_off_its_lines(shop: ShopifySandbox) -> None:
    # given
    first, second = variants(shop.world, at_least=4)[:2]
    hydrogen = await cart_with(shop, [(first, 2), (second, 1)])

    # when
    payload = await hydrogen.update_discount_codes(["welcome10"])
    cart = await hydrogen.details()

    # then
    assert payload["warnings"] == []
    assert cart["discountCodes"] == [{"code": "welcome10", "applicable": True}]
    subtotal = first.price * 2 + second.price
    off = cents(subtotal / 10)
    [allocation] = cart["discountAllocations"]
    assert allocation["__typename"] == "CartCodeDiscountAllocation"
    assert allocation["code"] == "welcome10"
    assert allocation["targetType"] == "LINE_ITEM"
    assert allocation["discountApplication"] == {
        "allocationMethod": "ACROSS",
        "targetSelection": "ALL",
        "targetType": "LINE_ITEM",
        "value": {"__typename": "PricingPercentageValue", "percentage": 10.0},
    }
    assert amount(allocation["discountedAmount"]) == off
    assert amount(cart["cost"]["subtotalAmount"]) == subtotal
    assert amount(cart["cost"]["totalAmount"]) == subtotal - off
    assert all(line["discountAllocations"] == [] for line in cart["lines"]["nodes"])


async def test_knit20_takes_a_fifth_off_each_sweater_line_and_the_subtotal(shop: ShopifySandbox) -> None:
    # given
    sweater = variants(shop.world, kind="SWT", at_least=2)[0]
    other = variants(shop.world, at_least=2)[0]
    hydrogen = await cart_with(shop, [(sweater, 2), (other, 1)])

    # when
    await hydrogen.update_discount_codes(["KNIT20"])
    cart = await hydrogen.details()

    # then
    lines = {line["merchandise"]["id"]: line for line in cart["lines"]["nodes"]}
    discounted = lines[gid(sweater)]
    off = cents(sweater.price * 2 / 5)
    assert amount(discounted["cost"]["subtotalAmount"]) == sweater.price * 2
    assert amount(discounted["cost"]["totalAmount"]) == sweater.price * 2 - off
    [allocation] = discounted["discountAllocations"]
    assert allocation["code"] == "KNIT20"
    assert amount(allocation["discountedAmount"]) == off
    assert allocation["discountApplication"]["targetSelection"] == "ENTITLED"
    assert allocation["discountApplication"]["allocationMethod"] == "EACH"
    assert allocation["discountApplication"]["value"] == {
        "__typename": "PricingPercentageValue",
        "percentage": 20.0,
    }
    assert lines[gid(other)]["discountAllocations"] == []
    assert amount(cart["cost"]["subtotalAmount"]) == sweater.price * 2 - off + other.price
    assert cart["cost"]["totalAmount"] == cart["cost"]["subtotalAmount"]
    assert cart["discountAllocations"] == []


async def test_a_product_code_with_nothing_to_discount_stays_inapplicable(shop: ShopifySandbox) -> None:
    hydrogen = await cart_with(shop, [(variants(shop.world)[0], 1)])
    payload = await hydrogen.update_discount_codes(["KNIT20"])
    cart = await hydrogen.details()
    assert cart["discountCodes"] == [{"code": "KNIT20", "applicable": False}]
    assert payload["warnings"] == [
        warning(
            cart,
            "DISCOUNT_NO_ENTITLED_LINE_ITEMS",
            "KNIT20 discount code isn't valid for the items in your cart",
        )
    ]
    assert cart["cost"]["totalAmount"] == cart["cost"]["subtotalAmount"]


async def test_save15_needs_a_hundred_euros_and_takes_a_fixed_amount(shop: ShopifySandbox) -> None:
    # given
    cheap = min(variants(shop.world, at_least=10), key=lambda v: v.price)
    small = await cart_with(shop, [(cheap, 1)])
    quantity = int(Decimal(100) / cheap.price) + 1
    large = await cart_with(shop, [(cheap, quantity)])

    # when
    refused = await small.update_discount_codes(["SAVE15"])
    accepted = await large.update_discount_codes(["SAVE15"])
    small_cart, large_cart = await small.details(), await large.details()

    # then
    assert small_cart["discountCodes"] == [{"code": "SAVE15", "applicable": False}]
    assert refused["warnings"] == [
        warning(
            small_cart,
            "DISCOUNT_PURCHASE_NOT_IN_RANGE",
            "Your cart doesn't meet the minimum purchase for SAVE15",
        )
    ]
    assert accepted["warnings"] == []
    [allocation] = large_cart["discountAllocations"]
    assert allocation["discountApplication"]["value"] == {
        "__typename": "MoneyV2",
        "amount": "15.0",
        "currencyCode": "EUR",
    }
    assert amount(large_cart["cost"]["totalAmount"]) == cheap.price * quantity - 15


async def test_only_the_first_of_two_order_codes_applies(shop: ShopifySandbox) -> None:
    hydrogen = await cart_with(shop, [(variants(shop.world)[0], 2)])
    payload = await hydrogen.update_discount_codes(["WELCOME10", "SAVE15"])
    cart = await hydrogen.details()
    assert cart["discountCodes"] == [
        {"code": "WELCOME10", "applicable": True},
        {"code": "SAVE15", "applicable": False},
    ]
    assert payload["warnings"] == [
        warning(
            cart, "DISCOUNT_CODE_NOT_HONOURED", "SAVE15 can't be combined with the discount already applied"
        )
    ]
    assert [a["code"] for a in cart["discountAllocations"]] == ["WELCOME10"]


async def test_unknown_codes_stay_on_the_cart_and_warn_on_every_change(shop: ShopifySandbox) -> None:
    # given
    hydrogen = await cart_with(shop, [(variants(shop.world)[0], 1)])
    await hydrogen.update_discount_codes(["NOPE", "nope", "WELCOME10"])

    # when
    noted = await hydrogen.update_note("still there")
    cart = await hydrogen.details()

    # then
    assert cart["discountCodes"] == [
        {"code": "NOPE", "applicable": False},
        {"code": "WELCOME10", "applicable": True},
    ]
    assert noted["warnings"] == [warning(cart, "DISCOUNT_NOT_FOUND", "Enter a valid discount code")]


async def test_gift_cards_pay_what_is_due_in_the_order_applied(shop: ShopifySandbox) -> None:
    # given
    ten, _, _, hundred = gift_cards(shop.world.seed)
    variant = min(variants(shop.world, at_least=2), key=lambda v: v.price)
    hydrogen = await cart_with(shop, [(variant, 2)])
    due = variant.price * 2

    # when
    await hydrogen.update_gift_card_codes([f" {ten.code[:4]} {ten.code[4:]} ", hundred.code])
    cart = await hydrogen.details()

    # then
    first, second = cart["appliedGiftCards"]
    assert first["id"] == ten.gid
    assert first["lastCharacters"] == ten.code[-4:]
    assert first["balance"] == {"amount": "10.0", "currencyCode": "EUR"}
    assert amount(first["amountUsed"]) == 10
    assert amount(second["amountUsed"]) == due - 10
    assert second["balance"] == {"amount": "100.0", "currencyCode": "EUR"}
    assert amount(cart["cost"]["totalAmount"]) == 0
    assert cart["cost"]["subtotalAmount"]["amount"] == cart["cost"]["checkoutChargeAmount"]["amount"]
    assert amount(cart["cost"]["subtotalAmount"]) == due


async def test_a_gift_card_pays_in_the_carts_currency_and_counts_in_its_own(shop: ShopifySandbox) -> None:
    ten = gift_cards(shop.world.seed)[0]
    variant = variants(shop.world)[0]
    hydrogen = await cart_with(shop, [(variant, 2)], country="GB")
    await hydrogen.add_gift_card_codes([ten.code])
    cart = await hydrogen.details()
    [card] = cart["appliedGiftCards"]
    assert card["amountUsed"] == {"amount": "10.0", "currencyCode": "EUR"}
    assert card["presentmentAmountUsed"] == {"amount": "8.5", "currencyCode": "GBP"}
    subtotal = cents(variant.price * Decimal("0.85")) * 2
    assert amount(cart["cost"]["totalAmount"]) == subtotal - Decimal("8.5")


async def test_codes_that_are_no_gift_card_are_not_applied(shop: ShopifySandbox) -> None:
    ten = gift_cards(shop.world.seed)[0]
    hydrogen = await cart_with(shop, [(variants(shop.world)[0], 1)])
    updated = await hydrogen.update_gift_card_codes(["NOT-A-CARD", ten.code])
    again = await hydrogen.add_gift_card_codes([ten.code.upper()])
    cart = await hydrogen.details()
    assert updated["userErrors"] == again["userErrors"] == []
    assert [card["id"] for card in cart["appliedGiftCards"]] == [ten.gid]


async def test_removing_a_gift_card_that_is_not_applied_is_a_user_error(shop: ShopifySandbox) -> None:
    ten, twenty_five, *_ = gift_cards(shop.world.seed)
    hydrogen = await cart_with(shop, [(variants(shop.world)[0], 1)])
    await hydrogen.update_gift_card_codes([ten.code])
    payload = await hydrogen.remove_gift_card_codes([twenty_five.gid])
    assert payload["userErrors"] == [
        {
            "code": "INVALID",
            "field": ["appliedGiftCardIds", "0"],
            "message": "The gift card is not applied to the cart.",
        }
    ]
    assert [card["id"] for card in (await hydrogen.details())["appliedGiftCards"]] == [ten.gid]


async def test_cart_create_takes_codes_and_gift_cards(shop: ShopifySandbox) -> None:
    fifty = gift_cards(shop.world.seed)[2]
    (_, variant), *_ = merchandise(shop.world, at_least=2)
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create(
        lines=[{"merchandiseId": gid(variant), "quantity": 2}],
        discountCodes=["WELCOME10"],
        giftCardCodes=[fifty.code],
    )
    cart = await hydrogen.details()
    subtotal = variant.price * 2
    due = subtotal - cents(subtotal / 10)
    assert amount(cart["appliedGiftCards"][0]["amountUsed"]) == min(due, Decimal(50))
    assert amount(cart["cost"]["totalAmount"]) == max(due - 50, Decimal(0))
