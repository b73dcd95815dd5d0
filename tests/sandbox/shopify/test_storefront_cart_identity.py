"""The buyer on a cart: a customer signed in with an access token, contact details and their checks,
checkout preferences, and B2B locations the sandbox shop does not sell to."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from sandbox.seed import generate

from .hydrogen_cart import HydrogenCart
from .sandbox_client import ShopifySandbox, running
from .shoppers import gid, sign_in, variants


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(80)) as sandbox:
        yield sandbox


async def test_a_cart_created_for_a_signed_in_customer_carries_them(shop: ShopifySandbox) -> None:
    # given: Hydrogen adds the customer's token to the buyer identity of a new cart
    customer = shop.world.customers[2]
    token = await sign_in(shop, customer)
    hydrogen = HydrogenCart(shop, country="DE")

    # when
    created = await hydrogen.create(
        lines=[{"merchandiseId": gid(variants(shop.world)[0])}], buyerIdentity={"customerAccessToken": token}
    )
    cart = await hydrogen.details()

    # then
    assert created["userErrors"] == []
    assert cart["buyerIdentity"]["customer"] == {
        "id": f"gid://shopify/Customer/{customer.id}",
        "email": customer.email,
    }
    assert cart["buyerIdentity"]["email"] == customer.email


async def test_signing_out_of_the_cart_forgets_the_customer(shop: ShopifySandbox) -> None:
    customer = shop.world.customers[3]
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create(buyerIdentity={"customerAccessToken": await sign_in(shop, customer)})
    payload = await hydrogen.update_buyer_identity(
        {"customerAccessToken": None, "email": "guest@example.com"}
    )
    cart = await hydrogen.details()
    assert payload["userErrors"] == []
    assert cart["buyerIdentity"]["customer"] is None
    assert cart["buyerIdentity"]["email"] == "guest@example.com"


async def test_contact_details_are_checked(shop: ShopifySandbox) -> None:
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create()
    payload = await hydrogen.update_buyer_identity(
        {"email": "not-an-email", "phone": "030 1234", "customerAccessToken": "expired"}
    )
    good = await hydrogen.update_buyer_identity({"email": "ada@example.com", "phone": "+493012345678"})
    cart = await hydrogen.details()
    assert payload["userErrors"] == [
        {
            "code": "INVALID",
            "field": ["buyerIdentity", "customerAccessToken"],
            "message": "Customer is invalid",
        },
        {"code": "INVALID", "field": ["buyerIdentity", "email"], "message": "Email is invalid"},
        {"code": "INVALID", "field": ["buyerIdentity", "phone"], "message": "Phone is invalid"},
    ]
    assert good["userErrors"] == []
    assert (cart["buyerIdentity"]["email"], cart["buyerIdentity"]["phone"]) == (
        "ada@example.com",
        "+493012345678",
    )


async def test_checkout_preferences_are_kept_as_given(shop: ShopifySandbox) -> None:
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create(
        buyerIdentity={
            "preferences": {
                "delivery": {
                    "deliveryMethod": ["PICK_UP", "SHIPPING"],
                    "coordinates": {"countryCode": "DE", "latitude": 52.52, "longitude": 13.4},
                },
                "wallet": ["shop_pay"],
            }
        }
    )
    cart = await hydrogen.details()
    assert cart["buyerIdentity"]["preferences"] == {
        "delivery": {
            "deliveryMethod": ["PICK_UP", "SHIPPING"],
            "pickupHandle": [],
            "coordinates": {"countryCode": "DE", "latitude": 52.52, "longitude": 13.4},
        },
        "wallet": ["shop_pay"],
    }


async def test_a_company_location_needs_a_signed_in_buyer_and_is_none_of_the_shops(
    shop: ShopifySandbox,
) -> None:
    location = "gid://shopify/CompanyLocation/1"
    anonymous = await HydrogenCart(shop, country="DE").create(buyerIdentity={"companyLocationId": location})
    token = await sign_in(shop, shop.world.customers[4])
    signed_in = await HydrogenCart(shop, country="DE").create(
        buyerIdentity={"companyLocationId": location, "customerAccessToken": token}
    )
    field = ["input", "buyerIdentity", "companyLocationId"]
    assert anonymous["cart"] is None
    assert anonymous["userErrors"] == [
        {
            "code": "MISSING_CUSTOMER_ACCESS_TOKEN",
            "field": field,
            "message": "A customer access token is required to buy for a company location",
        }
    ]
    assert signed_in["userErrors"] == [
        {
            "code": "INVALID_COMPANY_LOCATION",
            "field": field,
            "message": "The company location is not valid for this buyer",
        }
    ]


async def test_a_cart_follows_the_operations_country_until_its_buyer_names_one(shop: ShopifySandbox) -> None:
    # given: a cart made in Germany, read by a storefront in the United States
    hydrogen = HydrogenCart(shop, country="DE")
    await hydrogen.create(lines=[{"merchandiseId": gid(variants(shop.world)[0])}])
    american = HydrogenCart(shop, country="US", cart_id=hydrogen.cart_id)

    # when
    before = await american.details()
    await hydrogen.update_buyer_identity({"countryCode": "CH"})
    after = await american.details()

    # then
    assert (before["buyerIdentity"]["countryCode"], before["cost"]["totalAmount"]["currencyCode"]) == (
        "US",
        "USD",
    )
    assert (after["buyerIdentity"]["countryCode"], after["cost"]["totalAmount"]["currencyCode"]) == (
        "CH",
        "CHF",
    )
