"""The cart part of the emulator's SDL is Shopify's whole: every cart mutation and every field of the
cart's types that Shopify has, with Shopify's arguments and types, except the few named here.

`test_schema_conformance` proves that what the SDL declares exists at Shopify; this proves the
other way round for carts, so a field Hydrogen may ask for is never missing."""

from __future__ import annotations

import pytest
from graphql import GraphQLInterfaceType, GraphQLObjectType

from sandbox.shopify.storefront.schema import storefront_schema
from tests.shopify_specs import needs_specs, real_storefront

pytestmark = needs_specs

NOT_SERVED = {
    "Mutation.cartBillingAddressUpdate",
    "Mutation.cartClone",
    "Mutation.cartPaymentUpdate",
    "Mutation.cartPrepareForCompletion",
    "Mutation.cartRemovePersonalData",
    "Mutation.cartSubmitForCompletion",
    "CartBuyerIdentity.purchasingCompany",
}
"""Checkout completion, payments and B2B companies: outside what a cart page needs."""

CART_TYPES = (
    "Cart",
    "BaseCartLine",
    "CartLine",
    "CartLineCost",
    "CartLineEstimatedCost",
    "CartLineInstructions",
    "CartLineParentRelationship",
    "CartCost",
    "CartEstimatedCost",
    "CartBuyerIdentity",
    "CartPreferences",
    "CartDeliveryPreference",
    "CartDelivery",
    "CartSelectableAddress",
    "CartDeliveryAddress",
    "CartDeliveryGroup",
    "CartDeliveryOption",
    "CartDiscountCode",
    "CartDiscountAllocation",
    "CartCodeDiscountAllocation",
    "CartDiscountApplication",
    "AppliedGiftCard",
    "CartUserError",
    "CartWarning",
    "MetafieldsSetUserError",
    "MetafieldDeleteUserError",
)


def _missing(type_name: str) -> list[str]:
    ours, real = storefront_schema().type_map[type_name], real_storefront().type_map[type_name]
    assert isinstance(ours, GraphQLObjectType | GraphQLInterfaceType)
    assert isinstance(real, GraphQLObjectType | GraphQLInterfaceType)
    return [f"{type_name}.{name}" for name in real.fields if name not in ours.fields]


@pytest.mark.parametrize("type_name", CART_TYPES)
def test_every_field_shopify_has_on_a_cart_type_is_served(type_name: str) -> None:
    assert [name for name in _missing(type_name) if name not in NOT_SERVED] == []


def test_every_cart_mutation_is_served_but_checkout_completion() -> None:
    real = real_storefront().type_map["Mutation"]
    assert isinstance(real, GraphQLObjectType)
    cart_mutations = {f"Mutation.{name}" for name in real.fields if name.startswith("cart")}
    assert set(_missing("Mutation")) & cart_mutations == NOT_SERVED & cart_mutations


def test_every_payload_of_a_served_cart_mutation_is_whole() -> None:
    ours = storefront_schema().type_map["Mutation"]
    assert isinstance(ours, GraphQLObjectType)
    payloads = {str(field.type) for name, field in ours.fields.items() if name.startswith("cart")}
    assert [missing for payload in sorted(payloads) for missing in _missing(payload)] == []
