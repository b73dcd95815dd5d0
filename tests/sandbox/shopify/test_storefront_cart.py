"""Storefront carts: creation, line changes, stock warnings, buyer identity and Shopify's userErrors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest

from sandbox.seed import Variant, generate
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox, running

CART_CREATE = document("storefront", "CartCreate")
CART_LINES_ADD = document("storefront", "CartLinesAdd")
CART_LINES_UPDATE = document("storefront", "CartLinesUpdate")
CART_LINES_REMOVE = document("storefront", "CartLinesRemove")
CART_BUYER_IDENTITY_UPDATE = document("storefront", "CartBuyerIdentityUpdate")
CART = document("storefront", "Cart")
TOKEN_CREATE = document("storefront", "CustomerAccessTokenCreate")

STOREFRONT_CART_NOTE_AND_CODES = """
mutation NoteAndCodes($cartId: ID!) {
  cartNoteUpdate(cartId: $cartId, note: "Gift wrap, please") { cart { note } userErrors { code field message } }
  cartAttributesUpdate(cartId: $cartId, attributes: [{key: "gift", value: "yes"}]) {
    cart { attribute(key: "gift") { key value } }
    userErrors { code field message }
  }
  cartDiscountCodesUpdate(cartId: $cartId, discountCodes: ["NOSUCHCODE"]) {
    cart { discountCodes { code applicable } }
    userErrors { code field message }
    warnings { code message target }
  }
}
"""


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(80)) as sandbox:
        yield sandbox


def stock(shop: ShopifySandbox, variant: Variant) -> int:
    return sum(level.quantity - level.reserved for level in shop.world.stock if level.sku == variant.sku)


def variants(shop: ShopifySandbox, *, in_stock: bool, at_least: int = 1) -> list[Variant]:
    found = []
    for product in shop.world.products:
        if not product.published:
            continue
        for variant in product.variants:
            available = stock(shop, variant)
            if (available >= at_least) if in_stock else available <= 0:
                found.append(variant)
    return found


def gid(variant: Variant) -> str:
    return f"gid://shopify/ProductVariant/{variant.id}"


async def create(shop: ShopifySandbox, **cart_input: Any) -> dict[str, Any]:
    reply = await shop.storefront(CART_CREATE, {"input": cart_input})
    payload: dict[str, Any] = reply.data["cartCreate"]
    assert payload["userErrors"] == []
    return payload


async def test_cart_create_with_lines_prices_and_ids_like_shopify(shop: ShopifySandbox) -> None:
    # given
    first, second = variants(shop, in_stock=True, at_least=3)[:2]

    # when
    payload = await create(
        shop,
        lines=[{"merchandiseId": gid(first), "quantity": 2}, {"merchandiseId": gid(second), "quantity": 1}],
    )

    # then
    cart = payload["cart"]
    assert cart["id"].startswith("gid://shopify/Cart/")
    assert "?key=" in cart["id"]
    token = cart["id"].split("/")[-1].split("?")[0]
    assert (
        cart["checkoutUrl"]
        == f"https://northwind-outfitters.myshopify.com/cart/c/{token}?key={cart['id'].split('key=')[1]}"
    )
    assert cart["totalQuantity"] == 3
    lines = cart["lines"]["nodes"]
    assert [line["merchandise"]["sku"] for line in lines] == [second.sku, first.sku]  # newest first
    assert all(
        line["id"].startswith("gid://shopify/CartLine/") and line["id"].endswith(f"?cart={token}")
        for line in lines
    )
    assert Decimal(cart["cost"]["subtotalAmount"]["amount"]) == first.price * 2 + second.price
    assert cart["cost"]["totalAmount"] == cart["cost"]["subtotalAmount"]
    assert cart["cost"]["totalTaxAmount"] is None
    assert payload["warnings"] == []


async def test_adding_the_same_merchandise_raises_the_line_and_the_cart_can_be_read_back(
    shop: ShopifySandbox,
) -> None:
    variant = variants(shop, in_stock=True, at_least=4)[0]
    cart = (await create(shop, lines=[{"merchandiseId": gid(variant), "quantity": 1}]))["cart"]
    added = (
        await shop.storefront(
            CART_LINES_ADD, {"cartId": cart["id"], "lines": [{"merchandiseId": gid(variant), "quantity": 2}]}
        )
    ).data
    lines = added["cartLinesAdd"]["cart"]["lines"]["nodes"]
    assert [(line["merchandise"]["sku"], line["quantity"]) for line in lines] == [(variant.sku, 3)]
    read = (await shop.storefront(CART, {"id": cart["id"]})).data["cart"]
    assert read["totalQuantity"] == 3
    assert read["updatedAt"] >= read["createdAt"]


async def test_asking_for_more_than_in_stock_adds_what_is_left_with_a_warning(shop: ShopifySandbox) -> None:
    # given
    variant = variants(shop, in_stock=True, at_least=2)[0]
    available = stock(shop, variant)

    # when
    payload = (
        await shop.storefront(
            CART_CREATE, {"input": {"lines": [{"merchandiseId": gid(variant), "quantity": available + 5}]}}
        )
    ).data["cartCreate"]

    # then
    line = payload["cart"]["lines"]["nodes"][0]
    assert line["quantity"] == available
    assert payload["warnings"] == [
        {
            "code": "MERCHANDISE_NOT_ENOUGH_STOCK",
            "message": f"Only {available} items were added to your cart due to availability.",
            "target": line["id"],
        }
    ]


async def test_sold_out_merchandise_stays_at_zero_with_an_out_of_stock_warning(shop: ShopifySandbox) -> None:
    variant = variants(shop, in_stock=False)[0]
    product = next(p for p in shop.world.products if variant in p.variants)
    payload = (
        await shop.storefront(CART_CREATE, {"input": {"lines": [{"merchandiseId": gid(variant)}]}})
    ).data["cartCreate"]
    line = payload["cart"]["lines"]["nodes"][0]
    assert line["quantity"] == 0
    assert payload["warnings"] == [
        {
            "code": "MERCHANDISE_OUT_OF_STOCK",
            "message": f"The product '{product.title.en_US} - {variant.title}' is already sold out.",
            "target": line["id"],
        }
    ]


async def test_update_and_remove_lines(shop: ShopifySandbox) -> None:
    first, second = variants(shop, in_stock=True, at_least=3)[2:4]
    cart = (
        await create(
            shop,
            lines=[
                {"merchandiseId": gid(first), "quantity": 1},
                {"merchandiseId": gid(second), "quantity": 1},
            ],
        )
    )["cart"]
    second_line, first_line = (line["id"] for line in cart["lines"]["nodes"])
    updated = (
        await shop.storefront(
            CART_LINES_UPDATE,
            {
                "cartId": cart["id"],
                "lines": [{"id": first_line, "quantity": 3}, {"id": second_line, "quantity": 0}],
            },
        )
    ).data["cartLinesUpdate"]
    assert updated["userErrors"] == []
    assert [(ln["id"], ln["quantity"]) for ln in updated["cart"]["lines"]["nodes"]] == [(first_line, 3)]
    removed = (
        await shop.storefront(CART_LINES_REMOVE, {"cartId": cart["id"], "lineIds": [first_line]})
    ).data["cartLinesRemove"]
    assert removed["cart"]["lines"]["nodes"] == []
    assert removed["cart"]["totalQuantity"] == 0
    assert removed["cart"]["cost"]["subtotalAmount"]["amount"] == "0.0"


async def test_unknown_merchandise_is_a_user_error_with_no_cart(shop: ShopifySandbox) -> None:
    reply = await shop.storefront(
        CART_CREATE,
        {"input": {"lines": [{"merchandiseId": "gid://shopify/ProductVariant/1", "quantity": 1}]}},
    )
    assert reply.data["cartCreate"] == {
        "cart": None,
        "userErrors": [
            {
                "code": "INVALID",
                "field": ["input", "lines", "0", "merchandiseId"],
                "message": "The merchandise with id gid://shopify/ProductVariant/1 does not exist.",
            }
        ],
        "warnings": [],
    }


async def test_a_missing_cart_or_line_is_reported_in_user_errors(shop: ShopifySandbox) -> None:
    variant = variants(shop, in_stock=True)[0]
    missing = await shop.storefront(
        CART_LINES_ADD,
        {"cartId": "gid://shopify/Cart/nope?key=nope", "lines": [{"merchandiseId": gid(variant)}]},
    )
    assert missing.data["cartLinesAdd"]["userErrors"] == [
        {"code": "INVALID", "field": ["cartId"], "message": "The specified cart does not exist."}
    ]
    cart = (await create(shop))["cart"]
    wrong_key = cart["id"].split("?")[0] + "?key=0000"
    assert (await shop.storefront(CART, {"id": wrong_key})).data == {"cart": None}
    unknown_line = "gid://shopify/CartLine/00000000-0000-4000-a000-000000000000?cart=x"
    updated = await shop.storefront(
        CART_LINES_UPDATE, {"cartId": cart["id"], "lines": [{"id": unknown_line, "quantity": 1}]}
    )
    assert updated.data["cartLinesUpdate"]["userErrors"] == [
        {
            "code": "INVALID_MERCHANDISE_LINE",
            "field": ["lines", "0", "id"],
            "message": "The merchandise line with id 00000000-0000-4000-a000-000000000000?cart=x does not exist.",
        }
    ]
    removed = await shop.storefront(CART_LINES_REMOVE, {"cartId": cart["id"], "lineIds": [unknown_line]})
    assert removed.data["cartLinesRemove"]["userErrors"][0]["code"] == "INVALID_MERCHANDISE_LINE"
    assert removed.data["cartLinesRemove"]["cart"]["id"] == cart["id"]


async def test_negative_and_huge_quantities_are_refused(shop: ShopifySandbox) -> None:
    variant = variants(shop, in_stock=True)[0]
    negative = await shop.storefront(
        CART_CREATE, {"input": {"lines": [{"merchandiseId": gid(variant), "quantity": -1}]}}
    )
    huge = await shop.storefront(
        CART_CREATE, {"input": {"lines": [{"merchandiseId": gid(variant), "quantity": 1_000_000}]}}
    )
    assert negative.data["cartCreate"]["userErrors"][0]["field"] == ["input", "lines", "0", "quantity"]
    assert huge.data["cartCreate"]["userErrors"][0]["code"] == "LESS_THAN"


async def test_more_than_250_lines_in_one_call_is_refused_before_execution(shop: ShopifySandbox) -> None:
    cart = (await create(shop))["cart"]
    lines = [{"merchandiseId": gid(v)} for v in variants(shop, in_stock=True)[:1]] * 251
    reply = await shop.storefront(CART_LINES_ADD, {"cartId": cart["id"], "lines": lines})
    assert reply.body["errors"][0]["extensions"] == {"code": "MAX_INPUT_SIZE_EXCEEDED"}
    assert reply.body["errors"][0]["path"] == ["cartLinesAdd", "lines"]
    assert "data" not in reply.body


async def test_buyer_identity_links_a_customer_and_sets_the_currency(shop: ShopifySandbox) -> None:
    # given
    customer = shop.world.customers[0]
    token = (
        await shop.storefront(
            TOKEN_CREATE, {"input": {"email": customer.email, "password": "sandbox-password"}}
        )
    ).data
    access = token["customerAccessTokenCreate"]["customerAccessToken"]["accessToken"]
    variant = variants(shop, in_stock=True)[0]
    cart = (await create(shop, lines=[{"merchandiseId": gid(variant), "quantity": 1}]))["cart"]

    # when
    reply = await shop.storefront(
        CART_BUYER_IDENTITY_UPDATE,
        {"cartId": cart["id"], "buyerIdentity": {"customerAccessToken": access, "countryCode": "US"}},
    )
    bad = await shop.storefront(
        CART_BUYER_IDENTITY_UPDATE, {"cartId": cart["id"], "buyerIdentity": {"customerAccessToken": "bad"}}
    )

    # then
    updated = reply.data["cartBuyerIdentityUpdate"]["cart"]
    assert updated["buyerIdentity"] == {
        "email": customer.email,
        "phone": None,
        "countryCode": "US",
        "customer": {"id": f"gid://shopify/Customer/{customer.id}", "email": customer.email},
    }
    assert updated["cost"]["totalAmount"]["currencyCode"] == "USD"
    assert bad.data["cartBuyerIdentityUpdate"]["userErrors"] == [
        {
            "code": "INVALID",
            "field": ["buyerIdentity", "customerAccessToken"],
            "message": "Customer is invalid",
        }
    ]


async def test_in_context_country_sets_a_new_carts_currency(shop: ShopifySandbox) -> None:
    variant = variants(shop, in_stock=True)[0]
    reply = await shop.storefront(
        CART_CREATE, {"input": {"lines": [{"merchandiseId": gid(variant)}]}, "country": "GB"}
    )
    cart = reply.data["cartCreate"]["cart"]
    assert cart["buyerIdentity"]["countryCode"] == "GB"
    assert cart["lines"]["nodes"][0]["cost"]["amountPerQuantity"]["currencyCode"] == "GBP"


async def test_note_attributes_and_unknown_discount_codes(shop: ShopifySandbox) -> None:
    cart = (await create(shop))["cart"]
    data = (await shop.storefront(STOREFRONT_CART_NOTE_AND_CODES, {"cartId": cart["id"]})).data
    assert data["cartNoteUpdate"]["cart"] == {"note": "Gift wrap, please"}
    assert data["cartAttributesUpdate"]["cart"] == {"attribute": {"key": "gift", "value": "yes"}}
    codes = data["cartDiscountCodesUpdate"]
    assert codes["cart"]["discountCodes"] == [{"code": "NOSUCHCODE", "applicable": False}]
    assert codes["warnings"] == [
        {
            "code": "DISCOUNT_NOT_FOUND",
            "message": "Enter a valid discount code",
            "target": cart["id"].split("?")[0],
        }
    ]
