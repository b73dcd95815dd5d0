"""Hydrogen's cart handler against the emulator: every mutation as Hydrogen sends it, read back with
Hydrogen's `CartQuery` (its `CartApiQuery` fragment), in the storefront's `@inContext` market."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from sandbox.seed import generate
from sandbox.shopify.cart_seed import gift_cards

from .hydrogen_cart import HydrogenCart
from .sandbox_client import ShopifySandbox, running
from .shoppers import amount, gid, merchandise, sign_in, variants


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(80)) as sandbox:
        yield sandbox


def minimal(payload: dict[str, object]) -> None:
    """A successful Hydrogen mutation: the minimal cart fragment, no userErrors, no warnings."""
    assert payload["userErrors"] == []
    assert payload["warnings"] == []
    cart = payload["cart"]
    assert isinstance(cart, dict)
    assert set(cart) == {"id", "totalQuantity", "checkoutUrl"}


async def test_adding_lines_before_a_cart_exists_creates_one_and_cart_query_reads_it(
    shop: ShopifySandbox,
) -> None:
    # given
    (product, first), (_, second) = merchandise(shop.world, at_least=3)[:2]
    hydrogen = HydrogenCart(shop, country="DE", language="EN")

    # when
    created = await hydrogen.add_lines(
        [
            {
                "merchandiseId": gid(first),
                "quantity": 2,
                "attributes": [{"key": "engraving", "value": "A.B."}],
            },
            {"merchandiseId": gid(second), "quantity": 1},
        ]
    )
    cart = await hydrogen.get()

    # then
    minimal(created)
    assert cart is not None
    assert cart["id"] == created["cart"]["id"]
    assert cart["totalQuantity"] == 3
    assert cart["checkoutUrl"].startswith("https://northwind-outfitters.myshopify.com/cart/c/")
    second_line, first_line = cart["lines"]["nodes"]
    assert first_line["quantity"] == 2
    assert first_line["attributes"] == [{"key": "engraving", "value": "A.B."}]
    assert first_line["parentRelationship"] is None
    variant = first_line["merchandise"]
    assert variant["id"] == gid(first)
    assert variant["product"]["handle"] == product.handle
    assert variant["price"] == {"currencyCode": "EUR", "amount": variant["price"]["amount"]}
    assert amount(variant["price"]) == first.price
    assert first_line["cost"]["totalAmount"]["amount"] == str(amount(first_line["cost"]["totalAmount"]))
    assert amount(first_line["cost"]["totalAmount"]) == first.price * 2
    assert amount(cart["cost"]["subtotalAmount"]) == first.price * 2 + second.price
    assert cart["cost"]["totalAmount"] == cart["cost"]["subtotalAmount"]
    assert cart["cost"]["totalTaxAmount"] is None
    assert cart["cost"]["totalDutyAmount"] is None
    assert cart["buyerIdentity"] == {"countryCode": "DE", "customer": None, "email": None, "phone": None}
    assert cart["appliedGiftCards"] == []
    assert cart["discountCodes"] == []
    assert second_line["merchandise"]["id"] == gid(second)


async def test_hydrogens_default_zz_country_gives_the_shops_own_market(shop: ShopifySandbox) -> None:
    # given: Hydrogen sends no country, so `$country` takes its default `ZZ`
    variant = variants(shop.world)[0]
    hydrogen = HydrogenCart(shop)

    # when
    await hydrogen.add_lines([{"merchandiseId": gid(variant)}])
    cart = await hydrogen.get()

    # then
    assert cart is not None
    assert cart["buyerIdentity"]["countryCode"] == "DE"
    assert cart["cost"]["totalAmount"]["currencyCode"] == "EUR"


async def test_a_cart_made_in_the_us_market_is_priced_in_dollars(shop: ShopifySandbox) -> None:
    # given
    variant = variants(shop.world)[0]
    hydrogen = HydrogenCart(shop, country="US", language="EN")

    # when
    await hydrogen.add_lines([{"merchandiseId": gid(variant), "quantity": 3}])
    cart = await hydrogen.get()

    # then
    assert cart is not None
    unit = (variant.price * Decimal("1.08")).quantize(Decimal("0.01"))
    line = cart["lines"]["nodes"][0]
    assert line["cost"]["amountPerQuantity"] == {
        "currencyCode": "USD",
        "amount": line["cost"]["amountPerQuantity"]["amount"],
    }
    assert amount(line["cost"]["amountPerQuantity"]) == unit
    assert amount(cart["cost"]["subtotalAmount"]) == unit * 3
    assert cart["buyerIdentity"]["countryCode"] == "US"


async def test_line_updates_and_removals_as_hydrogen_sends_them(shop: ShopifySandbox) -> None:
    # given
    first, second = variants(shop.world, at_least=5)[2:4]
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.add_lines([{"merchandiseId": gid(first)}])
    added = await hydrogen.add_lines([{"merchandiseId": gid(second), "quantity": 2}])
    cart = await hydrogen.get()
    assert cart is not None
    second_line, first_line = (line["id"] for line in cart["lines"]["nodes"])

    # when
    updated = await hydrogen.update_lines([{"id": first_line, "quantity": 4}])
    removed = await hydrogen.remove_lines([second_line])
    after = await hydrogen.get()

    # then
    minimal(added)
    minimal(updated)
    minimal(removed)
    assert updated["cart"]["totalQuantity"] == 6
    assert removed["cart"]["totalQuantity"] == 4
    assert after is not None
    assert [(line["id"], line["quantity"]) for line in after["lines"]["nodes"]] == [(first_line, 4)]
    assert amount(after["cost"]["subtotalAmount"]) == first.price * 4


async def test_discount_codes_update_with_a_deferred_cart_answers_in_one_response(
    shop: ShopifySandbox,
) -> None:
    # given: Hydrogen defers the cart of `cartDiscountCodesUpdate` (`... @defer { cart {…} }`)
    variant = variants(shop.world)[0]
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.add_lines([{"merchandiseId": gid(variant), "quantity": 2}])

    # when
    payload = await hydrogen.update_discount_codes(["WELCOME10", "WELCOME10"])
    cart = await hydrogen.get()

    # then
    minimal(payload)
    assert cart is not None
    assert cart["discountCodes"] == [{"code": "WELCOME10", "applicable": True}]
    subtotal = variant.price * 2
    assert amount(cart["cost"]["subtotalAmount"]) == subtotal
    assert amount(cart["cost"]["totalAmount"]) == subtotal - (subtotal / 10).quantize(Decimal("0.01"))


async def test_discount_codes_before_any_cart_create_one(shop: ShopifySandbox) -> None:
    hydrogen = HydrogenCart(shop, country="DE")
    payload = await hydrogen.update_discount_codes(["FREESHIP"])
    cart = await hydrogen.get()
    assert payload["userErrors"] == []
    assert cart is not None
    assert cart["discountCodes"] == [{"code": "FREESHIP", "applicable": False}]
    assert payload["warnings"] == [
        {
            "code": "DISCOUNT_NO_ENTITLED_SHIPPING_LINES",
            "message": "There is no shipping for FREESHIP to apply to",
            "target": cart["id"].split("?")[0],
        }
    ]


async def test_gift_card_mutations_as_hydrogen_sends_them(shop: ShopifySandbox) -> None:
    # given
    ten, twenty_five, *_ = gift_cards(shop.world.seed)
    variant = variants(shop.world)[0]
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.add_lines([{"merchandiseId": gid(variant), "quantity": 3}])

    # when
    updated = await hydrogen.update_gift_card_codes([ten.code.upper()])
    added = await hydrogen.add_gift_card_codes([twenty_five.code])
    with_both = await hydrogen.get()
    removed = await hydrogen.remove_gift_card_codes([ten.gid])
    after = await hydrogen.get()

    # then
    for payload in (updated, added, removed):
        minimal(payload)
    assert with_both is not None
    assert [card["lastCharacters"] for card in with_both["appliedGiftCards"]] == [
        ten.code[-4:],
        twenty_five.code[-4:],
    ]
    assert with_both["appliedGiftCards"][0]["amountUsed"] == {"currencyCode": "EUR", "amount": "10.0"}
    due = variant.price * 3
    assert amount(with_both["cost"]["totalAmount"]) == max(due - 35, Decimal(0))
    assert after is not None
    assert [card["id"] for card in after["appliedGiftCards"]] == [twenty_five.gid]


async def test_note_attributes_and_buyer_identity_as_hydrogen_sends_them(shop: ShopifySandbox) -> None:
    # given
    customer = shop.world.customers[1]
    token = await sign_in(shop, customer)
    hydrogen = HydrogenCart(shop, country="DE")

    # when
    noted = await hydrogen.update_note("Please gift wrap")
    attributed = await hydrogen.update_attributes([{"key": "channel", "value": "hydrogen"}])
    identified = await hydrogen.update_buyer_identity({"customerAccessToken": token, "countryCode": "FR"})
    cart = await hydrogen.get()

    # then
    for payload in (noted, attributed, identified):
        minimal(payload)
    assert cart is not None
    assert cart["note"] == "Please gift wrap"
    assert cart["attributes"] == [{"key": "channel", "value": "hydrogen"}]
    assert cart["buyerIdentity"] == {
        "countryCode": "FR",
        "customer": {
            "id": f"gid://shopify/Customer/{customer.id}",
            "email": customer.email,
            "firstName": customer.first_name,
            "lastName": customer.last_name,
            "displayName": f"{customer.first_name} {customer.last_name}",
        },
        "email": customer.email,
        "phone": None,
    }


async def test_delivery_mutations_as_hydrogen_sends_them(shop: ShopifySandbox) -> None:
    # given
    variant = variants(shop.world)[0]
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.add_lines([{"merchandiseId": gid(variant)}])
    berlin = {
        "address1": "Torstraße 1",
        "city": "Berlin",
        "zip": "10119",
        "countryCode": "DE",
        "lastName": "Roth",
    }
    lyon = {"address1": "1 Rue de la République", "city": "Lyon", "zip": "69002", "countryCode": "FR"}

    # when
    added = await hydrogen.add_delivery_addresses(
        [{"address": {"deliveryAddress": berlin}, "selected": True}]
    )
    first = (await hydrogen.details())["delivery"]["addresses"][0]
    updated = await hydrogen.update_delivery_addresses([{"id": first["id"], "oneTimeUse": True}])
    group = (await hydrogen.details())["deliveryGroups"]["nodes"][0]
    standard = next(option for option in group["deliveryOptions"] if option["code"] == "Standard")
    chosen = await hydrogen.update_selected_delivery_options(
        [{"deliveryGroupId": group["id"], "deliveryOptionHandle": standard["handle"]}]
    )
    priced = await hydrogen.details()
    replaced = await hydrogen.replace_delivery_addresses([{"address": {"deliveryAddress": lyon}}])
    second = (await hydrogen.details())["delivery"]["addresses"][0]
    removed = await hydrogen.remove_delivery_addresses([second["id"]])
    after = await hydrogen.details()

    # then
    for payload in (added, updated, chosen, replaced, removed):
        minimal(payload)
    assert first["oneTimeUse"] is False
    assert priced["delivery"]["addresses"][0]["oneTimeUse"] is True
    assert priced["deliveryGroups"]["nodes"][0]["selectedDeliveryOption"]["handle"] == standard["handle"]
    assert amount(priced["cost"]["totalAmount"]) == variant.price + Decimal("4.90")
    assert second["address"]["city"] == "Lyon"
    assert after["delivery"]["addresses"] == []
    assert after["deliveryGroups"]["nodes"] == []


async def test_metafield_mutations_as_hydrogen_sends_them(shop: ShopifySandbox) -> None:
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.update_note("metafields")
    set_ = await hydrogen.set_metafields([{"key": "custom.gift", "type": "boolean", "value": "true"}])
    deleted = await hydrogen.delete_metafield("custom.gift")
    missing = await hydrogen.delete_metafield("custom.gift")
    assert set_ == {"userErrors": []}
    assert deleted == {"errors": []}
    assert missing == {
        "errors": [
            {"code": "METAFIELD_DOES_NOT_EXIST", "field": ["input", "key"], "message": "Metafield not found."}
        ]
    }
