"""Cart lines beyond the basics: lines under a parent line, subscriptions on a selling plan, quantity
rules, and stock limits when a line's quantity is updated."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from sandbox.seed import generate

from .hydrogen_cart import HydrogenCart
from .sandbox_client import ShopifySandbox, running
from .shoppers import amount, cents, gid, merchandise, stock, variants

MONTHLY = "gid://shopify/SellingPlan/690000001"
"""The shop's "Delivered every month" plan (10% off), offered on socks."""


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(80)) as sandbox:
        yield sandbox


async def test_a_line_added_under_another_goes_with_it(shop: ShopifySandbox) -> None:
    # given
    product, warranty, other = variants(shop.world, at_least=3)[:3]
    hydrogen = HydrogenCart(shop, country="DE")

    # when
    await hydrogen.create(
        lines=[
            {"merchandiseId": gid(warranty), "parent": {"merchandiseId": gid(product)}},
            {"merchandiseId": gid(product)},
            {"merchandiseId": gid(other)},
        ]
    )
    cart = await hydrogen.get()
    assert cart is not None
    by_variant = {line["merchandise"]["id"]: line for line in cart["lines"]["nodes"]}
    parent = by_variant[gid(product)]
    removed = await hydrogen.remove_lines([parent["id"]])
    after = await hydrogen.get()

    # then
    assert by_variant[gid(warranty)]["parentRelationship"] == {"parent": {"id": parent["id"]}}
    order = [line["merchandise"]["id"] for line in cart["lines"]["nodes"]]
    assert order.index(gid(warranty)) == order.index(gid(product)) + 1
    assert removed["userErrors"] == []
    assert after is not None
    assert [line["merchandise"]["id"] for line in after["lines"]["nodes"]] == [gid(other)]


async def test_an_existing_parent_is_named_by_its_line_id(shop: ShopifySandbox) -> None:
    # given
    product, warranty = variants(shop.world, at_least=3)[3:5]
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create(lines=[{"merchandiseId": gid(product)}])
    cart = await hydrogen.get()
    assert cart is not None
    parent_id = cart["lines"]["nodes"][0]["id"]

    # when
    by_merchandise = await hydrogen.add_lines(
        [{"merchandiseId": gid(warranty), "parent": {"merchandiseId": gid(product)}}]
    )
    unknown = await hydrogen.add_lines(
        [{"merchandiseId": gid(warranty), "parent": {"lineId": f"{parent_id[:-4]}0000"}}]
    )
    by_line = await hydrogen.add_lines([{"merchandiseId": gid(warranty), "parent": {"lineId": parent_id}}])
    cart = await hydrogen.get()
    assert cart is not None
    child_id = next(line["id"] for line in cart["lines"]["nodes"] if line["parentRelationship"])
    nested = await hydrogen.add_lines([{"merchandiseId": gid(product), "parent": {"lineId": child_id}}])

    # then
    assert by_merchandise["cart"] is None
    assert by_merchandise["userErrors"] == [
        {
            "code": "PARENT_LINE_INVALID_REFERENCE",
            "field": ["lines", "0", "parent", "merchandiseId"],
            "message": "An existing parent line must be named by its lineId.",
        }
    ]
    assert unknown["userErrors"][0]["code"] == "PARENT_LINE_NOT_FOUND"
    assert by_line["userErrors"] == []
    assert nested["userErrors"] == [
        {
            "code": "PARENT_LINE_NESTING_TOO_DEEP",
            "field": ["lines", "0", "parent", "lineId"],
            "message": "A line added under another line can't have lines of its own.",
        }
    ]


async def test_socks_on_a_monthly_plan_cost_less_and_ship_as_a_subscription(shop: ShopifySandbox) -> None:
    # given
    socks = variants(shop.world, kind="SCK", at_least=4)[0]
    tee = variants(shop.world)[0]
    hydrogen = HydrogenCart(shop, country="DE")

    # when
    created = await hydrogen.create(
        lines=[
            {"merchandiseId": gid(socks), "quantity": 2, "sellingPlanId": MONTHLY},
            {"merchandiseId": gid(socks), "quantity": 2},
            {"merchandiseId": gid(tee)},
        ],
        delivery={
            "addresses": [
                {
                    "address": {"deliveryAddress": {"countryCode": "DE", "city": "Berlin", "zip": "10119"}},
                    "selected": True,
                }
            ]
        },
    )
    cart = await hydrogen.details()

    # then
    assert created["userErrors"] == []
    subscribed = next(line for line in cart["lines"]["nodes"] if line["sellingPlanAllocation"])
    unit = cents(socks.price * Decimal("0.9"))
    assert amount(subscribed["cost"]["amountPerQuantity"]) == unit
    assert amount(subscribed["cost"]["compareAtAmountPerQuantity"]) == socks.price
    assert amount(subscribed["cost"]["totalAmount"]) == unit * 2
    assert subscribed["sellingPlanAllocation"]["sellingPlan"] == {
        "id": MONTHLY,
        "name": "Delivered every month",
    }
    assert len(cart["lines"]["nodes"]) == 3
    groups = {group["groupType"]: group for group in cart["deliveryGroups"]["nodes"]}
    assert set(groups) == {"ONE_TIME_PURCHASE", "SUBSCRIPTION"}
    assert [line["id"] for line in groups["SUBSCRIPTION"]["cartLines"]["nodes"]] == [subscribed["id"]]
    assert len(groups["ONE_TIME_PURCHASE"]["cartLines"]["nodes"]) == 2


async def test_a_selling_plan_the_product_does_not_offer_is_refused(shop: ShopifySandbox) -> None:
    tee = variants(shop.world)[0]
    payload = await HydrogenCart(shop, country="DE").create(
        lines=[{"merchandiseId": gid(tee), "sellingPlanId": MONTHLY}]
    )
    assert payload["cart"] is None
    assert payload["userErrors"] == [
        {
            "code": "SELLING_PLAN_NOT_APPLICABLE",
            "field": ["input", "lines", "0", "sellingPlanId"],
            "message": "The selling plan is not applicable to the merchandise.",
        }
    ]


async def test_quantity_rules_hold_for_socks_and_caps(shop: ShopifySandbox) -> None:
    # given: socks come in twos, at most three caps go to an order
    socks_product, socks = merchandise(shop.world, kind="SCK", at_least=4)[0]
    cap_product, cap = merchandise(shop.world, kind="CAP", at_least=4)[0]
    socks_name = f"{socks_product.title.en_US} - {socks.title}"
    cap_name = f"{cap_product.title.en_US} - {cap.title}"
    hydrogen = HydrogenCart(shop, country="DE")

    # when
    one_pair = await hydrogen.create(lines=[{"merchandiseId": gid(socks)}])
    odd = await hydrogen.create(lines=[{"merchandiseId": gid(socks), "quantity": 3}])
    await hydrogen.create(
        lines=[{"merchandiseId": gid(socks), "quantity": 2}, {"merchandiseId": gid(cap), "quantity": 2}]
    )
    fourth_cap = await hydrogen.add_lines([{"merchandiseId": gid(cap), "quantity": 2}])
    cart = await hydrogen.get()
    assert cart is not None
    socks_line = next(
        line["id"] for line in cart["lines"]["nodes"] if line["merchandise"]["id"] == gid(socks)
    )
    five = await hydrogen.update_lines([{"id": socks_line, "quantity": 5}])
    four = await hydrogen.update_lines([{"id": socks_line, "quantity": 4}])

    # then
    assert one_pair["userErrors"] == [
        {
            "code": "MINIMUM_NOT_MET",
            "field": ["input", "lines", "0", "quantity"],
            "message": f"The minimum quantity of {socks_name} is 2.",
        }
    ]
    assert odd["userErrors"] == [
        {
            "code": "INVALID_INCREMENT",
            "field": ["input", "lines", "0", "quantity"],
            "message": f"{socks_name} is sold in multiples of 2.",
        }
    ]
    assert fourth_cap["cart"] is None
    assert fourth_cap["userErrors"] == [
        {
            "code": "MAXIMUM_EXCEEDED",
            "field": ["lines", "0", "quantity"],
            "message": f"The maximum quantity of {cap_name} is 3.",
        }
    ]
    assert five["userErrors"][0]["code"] == "INVALID_INCREMENT"
    assert four["userErrors"] == []
    assert four["cart"]["totalQuantity"] == 6


async def test_raising_a_line_past_the_stock_keeps_what_is_left_and_warns(shop: ShopifySandbox) -> None:
    # given
    variant = next(v for v in variants(shop.world, at_least=2) if stock(shop.world, v) < 100)
    available = stock(shop.world, variant)
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create(lines=[{"merchandiseId": gid(variant)}])
    cart = await hydrogen.get()
    assert cart is not None
    line_id = cart["lines"]["nodes"][0]["id"]

    # when
    payload = await hydrogen.update_lines([{"id": line_id, "quantity": available + 10}])

    # then
    assert payload["userErrors"] == []
    assert payload["cart"]["totalQuantity"] == available
    assert payload["warnings"] == [
        {
            "code": "MERCHANDISE_NOT_ENOUGH_STOCK",
            "message": f"Only {available} items were added to your cart due to availability.",
            "target": line_id,
        }
    ]


async def test_lines_say_they_can_be_changed_and_bought_once(shop: ShopifySandbox) -> None:
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create(lines=[{"merchandiseId": gid(variants(shop.world)[0]), "quantity": 2}])
    line = (await hydrogen.details())["lines"]["nodes"][0]
    assert line["instructions"] == {"canRemove": True, "canUpdateQuantity": True}
    assert line["sellingPlanAllocation"] is None
