"""Delivery: a cart's addresses (checked as Shopify checks them), its delivery groups and options by
zone, the option the buyer picks, its cost in the total, and free shipping codes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest

from sandbox.seed import generate

from .hydrogen_cart import HydrogenCart
from .sandbox_client import ShopifySandbox, running
from .shoppers import amount, gid, sign_in, variants

BERLIN = {
    "firstName": "Ada",
    "lastName": "Roth",
    "address1": "Torstraße 1",
    "city": "Berlin",
    "zip": "10119",
    "countryCode": "DE",
}
LYON = {
    "lastName": "Morel",
    "address1": "1 Rue de la République",
    "city": "Lyon",
    "zip": "69002",
    "countryCode": "FR",
}
NEW_YORK = {
    "lastName": "Ng",
    "address1": "1 Broadway",
    "city": "New York",
    "zip": "10004",
    "countryCode": "US",
}
STOREFRONT_CUSTOMER_ADDRESSES = """
query CustomerAddresses($token: String!) {
  customer(customerAccessToken: $token) { addresses(first: 1) { nodes { id } } }
}
"""

TOKYO = {
    "lastName": "Sato",
    "address1": "1-1 Marunouchi",
    "city": "Tokyo",
    "zip": "100-0005",
    "countryCode": "JP",
}


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(80)) as sandbox:
        yield sandbox


def selectable(address: dict[str, str], **flags: Any) -> dict[str, Any]:
    return {"address": {"deliveryAddress": address}, **flags}


async def shipping_to(shop: ShopifySandbox, address: dict[str, str], *, language: str = "EN") -> HydrogenCart:
    hydrogen = HydrogenCart(shop, country="DE", language=language)
    await hydrogen.create(lines=[{"merchandiseId": gid(variants(shop.world)[0]), "quantity": 2}])
    payload = await hydrogen.add_delivery_addresses([selectable(address, selected=True)])
    assert payload["userErrors"] == []
    return hydrogen


def options(cart: dict[str, Any]) -> dict[str, dict[str, Any]]:
    [group] = cart["deliveryGroups"]["nodes"]
    return {option["code"]: option for option in group["deliveryOptions"]}


async def test_there_are_no_delivery_groups_until_an_address_is_selected(shop: ShopifySandbox) -> None:
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create(lines=[{"merchandiseId": gid(variants(shop.world)[0])}])
    await hydrogen.add_delivery_addresses([selectable(BERLIN)])
    cart = await hydrogen.details()
    assert [a["selected"] for a in cart["delivery"]["addresses"]] == [False]
    assert cart["deliveryGroups"]["nodes"] == []


async def test_a_domestic_address_gets_standard_shipping_and_pickup_in_berlin(shop: ShopifySandbox) -> None:
    # given
    hydrogen = await shipping_to(shop, BERLIN)

    # when
    cart = await hydrogen.details()
    with_carriers = await hydrogen.details(withCarrierRates=True)

    # then
    [group] = cart["deliveryGroups"]["nodes"]
    assert group["groupType"] == "ONE_TIME_PURCHASE"
    assert group["id"].startswith("gid://shopify/CartDeliveryGroup/")
    assert [line["id"] for line in group["cartLines"]["nodes"]] == [cart["lines"]["nodes"][0]["id"]]
    assert group["deliveryAddress"] == {
        "address1": "Torstraße 1",
        "city": "Berlin",
        "zip": "10119",
        "countryCodeV2": "DE",
    }
    assert group["selectedDeliveryOption"] is None
    standard, pickup = group["deliveryOptions"]
    assert {key: standard[key] for key in ("code", "title", "description", "deliveryMethodType")} == {
        "code": "Standard",
        "title": "Standard shipping",
        "description": "2–3 business days",
        "deliveryMethodType": "SHIPPING",
    }
    assert standard["estimatedCost"] == {"amount": "4.9", "currencyCode": "EUR"}
    assert (pickup["code"], pickup["title"], pickup["deliveryMethodType"]) == (
        "BER",
        "Pick up at Berlin Central",
        "PICK_UP",
    )
    assert pickup["estimatedCost"] == {"amount": "0.0", "currencyCode": "EUR"}
    assert list(options(with_carriers)) == ["Standard", "Express", "BER"]
    assert options(with_carriers)["Express"]["estimatedCost"] == {"amount": "9.9", "currencyCode": "EUR"}


async def test_option_names_follow_the_operations_language(shop: ShopifySandbox) -> None:
    cart = await (await shipping_to(shop, BERLIN, language="DE")).details()
    assert options(cart)["Standard"]["title"] == "Standardversand"
    assert options(cart)["Standard"]["description"] == "2–3 Werktage"
    assert options(cart)["BER"]["title"] == "Abholung: Berlin Central"


@pytest.mark.parametrize(
    ("address", "offered"),
    [
        (LYON, {"Standard": "9.9", "LYS": "0.0"}),
        (NEW_YORK, {"International": "19.9", "NWK": "0.0"}),
        (TOKYO, {}),
    ],
    ids=["europe", "world", "not-shipped-to"],
)
async def test_each_zone_has_its_rates(
    shop: ShopifySandbox, address: dict[str, str], offered: dict[str, str]
) -> None:
    cart = await (await shipping_to(shop, address)).details()
    assert {code: option["estimatedCost"]["amount"] for code, option in options(cart).items()} == offered


async def test_the_chosen_option_costs_in_the_total_and_freeship_takes_it_off(shop: ShopifySandbox) -> None:
    # given
    hydrogen = await shipping_to(shop, BERLIN)
    cart = await hydrogen.details(withCarrierRates=True)
    [group] = cart["deliveryGroups"]["nodes"]
    express = options(cart)["Express"]
    subtotal = amount(cart["cost"]["subtotalAmount"])

    # when
    chosen = await hydrogen.update_selected_delivery_options(
        [{"deliveryGroupId": group["id"], "deliveryOptionHandle": express["handle"]}]
    )
    shipped = await hydrogen.details()
    await hydrogen.update_discount_codes(["FREESHIP"])
    free = await hydrogen.details()

    # then
    assert chosen["userErrors"] == []
    assert shipped["deliveryGroups"]["nodes"][0]["selectedDeliveryOption"]["handle"] == express["handle"]
    assert amount(shipped["cost"]["subtotalAmount"]) == subtotal
    assert amount(shipped["cost"]["totalAmount"]) == subtotal + Decimal("9.90")
    assert free["discountCodes"] == [{"code": "FREESHIP", "applicable": True}]
    [allocation] = free["discountAllocations"]
    assert allocation["targetType"] == "SHIPPING_LINE"
    assert allocation["discountedAmount"] == {"amount": "9.9", "currencyCode": "EUR"}
    assert allocation["discountApplication"]["value"] == {
        "__typename": "PricingPercentageValue",
        "percentage": 100.0,
    }
    assert amount(free["cost"]["totalAmount"]) == subtotal


async def test_shipping_costs_are_in_the_carts_currency(shop: ShopifySandbox) -> None:
    hydrogen = HydrogenCart(shop, country="US")
    await hydrogen.create(lines=[{"merchandiseId": gid(variants(shop.world)[0])}])
    await hydrogen.add_delivery_addresses([selectable(NEW_YORK, selected=True)])
    cart = await hydrogen.details()
    assert options(cart)["International"]["estimatedCost"] == {"amount": "21.49", "currencyCode": "USD"}


async def test_a_choice_the_new_address_does_not_offer_falls_away(shop: ShopifySandbox) -> None:
    # given
    hydrogen = await shipping_to(shop, BERLIN)
    cart = await hydrogen.details()
    [group] = cart["deliveryGroups"]["nodes"]
    await hydrogen.update_selected_delivery_options(
        [{"deliveryGroupId": group["id"], "deliveryOptionHandle": options(cart)["BER"]["handle"]}]
    )
    [address] = cart["delivery"]["addresses"]

    # when
    await hydrogen.update_delivery_addresses([{"id": address["id"], "address": {"deliveryAddress": LYON}}])
    moved = await hydrogen.details()

    # then
    assert moved["deliveryGroups"]["nodes"][0]["selectedDeliveryOption"] is None
    assert amount(moved["cost"]["totalAmount"]) == amount(moved["cost"]["subtotalAmount"])


async def test_unknown_groups_and_options_are_user_errors(shop: ShopifySandbox) -> None:
    hydrogen = await shipping_to(shop, BERLIN)
    [group] = (await hydrogen.details())["deliveryGroups"]["nodes"]
    payload = await hydrogen.update_selected_delivery_options(
        [
            {"deliveryGroupId": "gid://shopify/CartDeliveryGroup/1", "deliveryOptionHandle": "x"},
            {"deliveryGroupId": group["id"], "deliveryOptionHandle": "no-such-option"},
        ]
    )
    assert payload["userErrors"] == [
        {
            "code": "INVALID_DELIVERY_GROUP",
            "field": ["selectedDeliveryOptions", "0", "deliveryGroupId"],
            "message": "The delivery group does not exist",
        },
        {
            "code": "INVALID_DELIVERY_OPTION",
            "field": ["selectedDeliveryOptions", "1", "deliveryOptionHandle"],
            "message": "The delivery option is not available for this delivery group",
        },
    ]


async def test_strict_validation_wants_a_full_address_with_a_postal_code_of_the_country(
    shop: ShopifySandbox,
) -> None:
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create()
    payload = await hydrogen.add_delivery_addresses(
        [selectable({"countryCode": "DE", "zip": "1011", "city": "Berlin"}, validationStrategy="STRICT")]
    )
    where = ["addresses", "0", "address", "deliveryAddress"]
    assert payload["cart"]["id"] == hydrogen.cart_id
    assert payload["userErrors"] == [
        {"code": "ADDRESS_FIELD_IS_REQUIRED", "field": [*where, "address1"], "message": "Enter an address"},
        {"code": "ADDRESS_FIELD_IS_REQUIRED", "field": [*where, "lastName"], "message": "Enter a last name"},
        {
            "code": "INVALID_ZIP_CODE_FOR_COUNTRY",
            "field": [*where, "zip"],
            "message": "Enter a valid ZIP / postal code for Germany",
        },
    ]
    assert (await hydrogen.details())["delivery"]["addresses"] == []


async def test_any_strategy_needs_a_country_and_refuses_html_and_links(shop: ShopifySandbox) -> None:
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create()
    payload = await hydrogen.add_delivery_addresses(
        [
            selectable({"city": "Berlin"}),
            selectable(
                {"countryCode": "DE", "address1": "<b>Torstraße</b>", "company": "see www.example.com"}
            ),
        ]
    )
    assert [(error["code"], error["field"][-1]) for error in payload["userErrors"]] == [
        ("ADDRESS_FIELD_IS_REQUIRED", "countryCode"),
        ("ADDRESS_FIELD_CONTAINS_HTML_TAGS", "address1"),
        ("ADDRESS_FIELD_CONTAINS_URL", "company"),
    ]


async def test_one_selected_address_at_most_twenty_and_no_duplicates(shop: ShopifySandbox) -> None:
    # given
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create()

    # when
    two_selected = await hydrogen.add_delivery_addresses(
        [selectable(BERLIN, selected=True), selectable(LYON, selected=True)]
    )
    await hydrogen.add_delivery_addresses([selectable(BERLIN, selected=True)])
    duplicate = await hydrogen.add_delivery_addresses([selectable(BERLIN)])
    many = [selectable({**LYON, "address1": f"{n} Rue de la République"}) for n in range(20)]
    too_many = await hydrogen.add_delivery_addresses(many)
    relocated = await hydrogen.add_delivery_addresses([selectable(LYON, selected=True)])
    cart = await hydrogen.details()
    back = await hydrogen.add_delivery_addresses([selectable(BERLIN, selected=True)])
    returned = await hydrogen.details()

    # then
    assert two_selected["userErrors"] == [
        {
            "code": "ONLY_ONE_DELIVERY_ADDRESS_CAN_BE_SELECTED",
            "field": ["addresses"],
            "message": "Only one delivery address can be selected",
        }
    ]
    berlin_id = cart["delivery"]["addresses"][0]["id"]
    assert duplicate["userErrors"] == []
    assert duplicate["warnings"] == [
        {
            "code": "DUPLICATE_DELIVERY_ADDRESS",
            "message": "This delivery address is already on the cart",
            "target": berlin_id,
        }
    ]
    assert too_many["userErrors"] == [
        {
            "code": "TOO_MANY_DELIVERY_ADDRESSES",
            "field": ["addresses"],
            "message": "A cart can have up to 20 delivery addresses",
        }
    ]
    assert relocated["userErrors"] == []
    assert [(a["address"]["city"], a["selected"]) for a in cart["delivery"]["addresses"]] == [
        ("Berlin", False),
        ("Lyon", True),
    ]
    assert back["warnings"] == duplicate["warnings"]
    assert [(a["address"]["city"], a["selected"]) for a in returned["delivery"]["addresses"]] == [
        ("Berlin", True),
        ("Lyon", False),
    ]


async def test_unknown_addresses_cannot_be_updated_or_removed(shop: ShopifySandbox) -> None:
    hydrogen = await shipping_to(shop, BERLIN)
    unknown = "gid://shopify/CartSelectableAddress/999?cart=x"
    updated = await hydrogen.update_delivery_addresses([{"id": unknown, "selected": True}])
    removed = await hydrogen.remove_delivery_addresses([unknown])
    error = {"code": "INVALID_DELIVERY_ADDRESS_ID", "message": "The delivery address does not exist"}
    assert updated["userErrors"] == [{**error, "field": ["addresses", "0", "id"]}]
    assert removed["userErrors"] == [{**error, "field": ["addressIds", "0"]}]


async def test_a_signed_in_customers_address_can_be_copied(shop: ShopifySandbox) -> None:
    # given
    customer = shop.world.customers[0]
    token = await sign_in(shop, customer)
    addresses = (await shop.storefront(STOREFRONT_CUSTOMER_ADDRESSES, {"token": token})).data
    address_id = addresses["customer"]["addresses"]["nodes"][0]["id"]
    anonymous = HydrogenCart(shop, country="DE")
    await anonymous.create()
    signed_in = HydrogenCart(shop, country="DE")
    await signed_in.create(buyerIdentity={"customerAccessToken": token})

    # when
    refused = await anonymous.add_delivery_addresses([{"address": {"copyFromCustomerAddressId": address_id}}])
    copied = await signed_in.add_delivery_addresses(
        [{"address": {"copyFromCustomerAddressId": address_id}, "selected": True}]
    )
    cart = await signed_in.details()

    # then
    assert refused["userErrors"] == [
        {
            "code": "INVALID_DELIVERY_ADDRESS_ID",
            "field": ["addresses", "0", "address", "copyFromCustomerAddressId"],
            "message": "The customer address does not exist",
        }
    ]
    assert copied["userErrors"] == []
    [address] = cart["delivery"]["addresses"]
    assert address["address"]["city"] == customer.city
    assert address["address"]["zip"] == customer.zip
    assert address["address"]["countryCode"] == customer.country
    assert cart["buyerIdentity"]["deliveryAddressPreferences"] == [
        {
            "address1": address["address"]["address1"],
            "city": customer.city,
            "zip": customer.zip,
            "countryCodeV2": customer.country,
        }
    ]


async def test_cart_create_takes_delivery_addresses_and_refuses_bad_ones(shop: ShopifySandbox) -> None:
    good = HydrogenCart(shop, country="DE")
    created = await good.create(delivery={"addresses": [selectable(BERLIN, selected=True)]})
    bad = await HydrogenCart(shop, country="DE").create(
        delivery={"addresses": [selectable({"city": "Berlin"})]}
    )
    assert created["userErrors"] == []
    assert [a["address"]["city"] for a in (await good.details())["delivery"]["addresses"]] == ["Berlin"]
    assert bad["cart"] is None
    assert bad["userErrors"] == [
        {
            "code": "ADDRESS_FIELD_IS_REQUIRED",
            "field": ["input", "delivery", "addresses", "0", "address", "deliveryAddress", "countryCode"],
            "message": "Select a country",
        }
    ]
