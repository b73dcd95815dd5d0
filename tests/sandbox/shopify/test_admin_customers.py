"""Admin customers: by email, search, and `customerUpdate` with its userErrors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from sandbox.seed import generate
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox, running

CUSTOMER_BY_EMAIL = document("admin", "CustomerByEmail")
CUSTOMERS_SEARCH = document("admin", "CustomersSearch")
CUSTOMER_UPDATE = document("admin", "CustomerUpdate")


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(60)) as sandbox:
        yield sandbox


async def test_customer_by_email_joins_orders_and_profile(shop: ShopifySandbox) -> None:
    # given
    customer = next(c for c in shop.world.customers if any(o.customer_id == c.id for o in shop.world.orders))
    orders = [o for o in shop.world.orders if o.customer_id == customer.id]

    # when
    got = (await shop.admin(CUSTOMER_BY_EMAIL, {"email": customer.email.upper()})).data[
        "customerByIdentifier"
    ]

    # then
    assert got["id"] == f"gid://shopify/Customer/{customer.id}"
    assert got["displayName"] == f"{customer.first_name} {customer.last_name}"
    assert got["defaultEmailAddress"]["emailAddress"] == customer.email
    assert got["defaultEmailAddress"]["marketingState"] == (
        "SUBSCRIBED" if customer.accepts_marketing else "NOT_SUBSCRIBED"
    )
    assert got["numberOfOrders"] == str(len(orders))
    spent = sum((o.subtotal for o in orders if not o.cancelled), Decimal(0))
    assert Decimal(got["amountSpent"]["amount"]) == spent
    assert got["tags"] == list(customer.crm.segments)
    assert got["defaultAddress"]["countryCodeV2"] == customer.country


async def test_unknown_email_is_null(shop: ShopifySandbox) -> None:
    reply = await shop.admin(CUSTOMER_BY_EMAIL, {"email": "nobody@example.com"})
    assert reply.data == {"customerByIdentifier": None}


async def test_customers_search_by_email_batch(shop: ShopifySandbox) -> None:
    wanted = shop.world.customers[:4]
    query = " OR ".join(f"email:{c.email}" for c in wanted)
    nodes = (await shop.admin(CUSTOMERS_SEARCH, {"query": query, "first": 10})).data["customers"]["nodes"]
    assert sorted(n["defaultEmailAddress"]["emailAddress"] for n in nodes) == sorted(c.email for c in wanted)


async def test_customer_update_replaces_tags_and_names(shop: ShopifySandbox) -> None:
    customer = shop.world.customers[5]
    reply = await shop.admin(
        CUSTOMER_UPDATE,
        {
            "input": {
                "id": f"gid://shopify/Customer/{customer.id}",
                "tags": ["vip", "loyalty-gold", "vip"],
                "firstName": "Ada",
                "note": "From the CRM",
            }
        },
    )
    payload = reply.data["customerUpdate"]
    assert payload["userErrors"] == []
    assert payload["customer"]["tags"] == ["loyalty-gold", "vip"]
    assert payload["customer"]["firstName"] == "Ada"
    assert payload["customer"]["note"] == "From the CRM"
    again = (await shop.admin(CUSTOMER_BY_EMAIL, {"email": customer.email})).data["customerByIdentifier"]
    assert again["firstName"] == "Ada"


async def test_customer_update_user_errors(shop: ShopifySandbox) -> None:
    first, second = shop.world.customers[6:8]
    missing = await shop.admin(CUSTOMER_UPDATE, {"input": {"id": "gid://shopify/Customer/1", "tags": []}})
    taken = await shop.admin(
        CUSTOMER_UPDATE, {"input": {"id": f"gid://shopify/Customer/{first.id}", "email": second.email}}
    )
    consent = await shop.admin(
        CUSTOMER_UPDATE,
        {
            "input": {
                "id": f"gid://shopify/Customer/{first.id}",
                "emailMarketingConsent": {"marketingState": "SUBSCRIBED"},
            }
        },
    )
    assert missing.data["customerUpdate"] == {
        "customer": None,
        "userErrors": [{"field": ["id"], "message": "Customer does not exist"}],
    }
    assert taken.data["customerUpdate"]["userErrors"] == [
        {"field": ["email"], "message": "Email has already been taken"}
    ]
    assert consent.data["customerUpdate"]["userErrors"] == [
        {
            "field": ["emailMarketingConsent"],
            "message": "To update emailMarketingConsent, please use the customerEmailMarketingConsentUpdate Mutation instead",
        }
    ]
