"""Storefront carts: `cart`, `cartCreate`, the buyer, note and attribute mutations, and the `Cart`.

As on Shopify, a cart follows each operation's `@inContext(country:)` (Hydrogen's `ZZ`, "unknown
region", meaning the shop's own country) until its buyer identity names a country; from then on
that country prices the whole cart, whatever the operation asks. Unknown merchandise, a bad
customer access token or a missing cart is a `userErrors` entry with a null cart; nothing is
created or changed then. The lines, codes, delivery and metafield parts live in the modules beside
this one; `CART_RESOLVERS` binds them all.
"""

from __future__ import annotations

import re
from typing import Any

from sandbox.shopify.markets import SHOP_COUNTRY
from sandbox.shopify.relay import Connection, list_connection
from sandbox.shopify.timestamps import iso

from .cart_codes import CART_CODE_RESOLVERS, known_gift_card_codes, unique_codes
from .cart_delivery import CART_DELIVERY_RESOLVERS, add_addresses
from .cart_line_checks import MAX_LINES, added_line_errors, attributes_of
from .cart_lines import CART_LINE_RESOLVERS, add_lines, attribute
from .cart_metafields import CART_METAFIELD_RESOLVERS, metafield_problems, set_metafields
from .cart_payloads import Payload, UserError, Warning, payload, pricing_of, update, user_error
from .cart_pricing import CodeAllocation, MoneyValue, PercentageValue
from .cart_records import Cart, CartLine, DeliveryAddress
from .context import Info, StorefrontContext
from .delivery_groups import DELIVERY_GROUP_RESOLVERS, mailing_address

NOTE_LIMIT = 5000
"""Characters a cart note may hold."""
UNKNOWN_REGION = "ZZ"
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE = re.compile(r"\+[1-9]\d{6,14}")
"""E.164, the form Shopify stores phone numbers in."""


def _identity_errors(
    ctx: StorefrontContext, cart: Cart | None, identity: dict[str, Any], prefix: list[str]
) -> list[UserError]:
    errors = []
    token = identity.get("customerAccessToken")
    if token is not None and ctx.state.customer_for(token, ctx.store.now()) is None:
        errors.append(user_error([*prefix, "customerAccessToken"], "Customer is invalid", "INVALID"))
    if identity.get("email") and not EMAIL.fullmatch(identity["email"]):
        errors.append(user_error([*prefix, "email"], "Email is invalid", "INVALID"))
    if identity.get("phone") and not PHONE.fullmatch(identity["phone"]):
        errors.append(user_error([*prefix, "phone"], "Phone is invalid", "INVALID"))
    if identity.get("companyLocationId") is not None:
        signed_in = token is not None or (cart is not None and cart.customer is not None)
        # The sandbox shop sells to no B2B companies: no location is one the buyer may buy for.
        errors.append(
            user_error(
                [*prefix, "companyLocationId"],
                "The company location is not valid for this buyer",
                "INVALID_COMPANY_LOCATION",
            )
            if signed_in
            else user_error(
                [*prefix, "companyLocationId"],
                "A customer access token is required to buy for a company location",
                "MISSING_CUSTOMER_ACCESS_TOKEN",
            )
        )
    return errors


def _apply_identity(ctx: StorefrontContext, cart: Cart, identity: dict[str, Any]) -> None:
    if "countryCode" in identity:
        cart.country = identity["countryCode"]
    if "email" in identity:
        cart.email = identity["email"]
    if "phone" in identity:
        cart.phone = identity["phone"]
    if "customerAccessToken" in identity:
        cart.customer = ctx.state.customer_for(identity["customerAccessToken"], ctx.store.now())
    if "preferences" in identity:
        cart.preferences = identity["preferences"]


def _note_error(note: str | None, field: list[str]) -> list[UserError]:
    if note is not None and len(note) > NOTE_LIMIT:
        message = f"The note exceeds the maximum number of {NOTE_LIMIT} characters."
        return [user_error(field, message, "NOTE_TOO_LONG")]
    return []


def _metafield_errors(specs: list[dict[str, Any]], prefix: list[str]) -> list[UserError]:
    return [
        user_error([*prefix, str(index), name], message, "INVALID_METAFIELDS")
        for index, spec in enumerate(specs)
        for name, _code, message in metafield_problems(spec)
    ]


# Root fields


def resolve_cart(_root: None, info: Info, id: str) -> Cart | None:
    return info.context.state.cart(id)


def cart_create(_root: None, info: Info, input: dict[str, Any] | None = None) -> Payload:
    ctx = info.context
    spec = input or {}
    lines = spec.get("lines") or []
    identity = spec.get("buyerIdentity") or {}
    metafields = spec.get("metafields") or []
    errors = (
        added_line_errors(ctx, [], lines, ["input", "lines"])
        or _identity_errors(ctx, None, identity, ["input", "buyerIdentity"])
        or _note_error(spec.get("note"), ["input", "note"])
        or _metafield_errors(metafields, ["input", "metafields"])
    )
    if errors:
        return payload(ctx, None, errors)
    cart = ctx.state.new_cart(ctx.store.now(), identity.get("countryCode"))
    _apply_identity(ctx, cart, identity)
    addresses = (spec.get("delivery") or {}).get("addresses") or []
    errors, warnings = add_addresses(cart, addresses, ["input", "delivery", "addresses"])
    if errors:
        ctx.state.carts.pop(cart.token)
        return payload(ctx, None, errors)
    cart.note = spec.get("note")
    cart.attributes = attributes_of(spec.get("attributes"))
    cart.discount_codes = unique_codes(spec.get("discountCodes") or [])
    cart.gift_card_codes = known_gift_card_codes(ctx, spec.get("giftCardCodes") or [])
    set_metafields(ctx, cart, metafields)
    warnings += add_lines(ctx, cart, lines)
    return payload(ctx, cart, [], warnings)


def cart_buyer_identity_update(
    _root: None,
    info: Info,
    cartId: str,
    buyerIdentity: dict[str, Any],
) -> Payload:
    ctx = info.context

    def change(cart: Cart) -> tuple[list[UserError], list[Warning]]:
        errors = _identity_errors(ctx, cart, buyerIdentity, ["buyerIdentity"])
        if not errors:
            _apply_identity(ctx, cart, buyerIdentity)
        return errors, []

    return update(info, cartId, change)


def cart_note_update(_root: None, info: Info, cartId: str, note: str) -> Payload:
    errors = _note_error(note, ["note"])
    if errors:
        return payload(info.context, None, errors)

    def change(cart: Cart) -> tuple[list[UserError], list[Warning]]:
        cart.note = note
        return [], []

    return update(info, cartId, change)


def cart_attributes_update(
    _root: None,
    info: Info,
    cartId: str,
    attributes: list[dict[str, Any]],
) -> Payload:
    def change(cart: Cart) -> tuple[list[UserError], list[Warning]]:
        cart.attributes = attributes_of(attributes)
        return [], []

    return update(info, cartId, change)


# The Cart object


def _lines(cart: Cart, info: Info, **args: Any) -> Connection[CartLine]:
    return list_connection(cart.lines, args)


def _cost(cart: Cart, info: Info) -> dict[str, Any]:
    pricing = pricing_of(cart, info.context)
    subtotal = pricing.money(pricing.subtotal)
    # Shopify no longer reports taxes or duties on carts: the deprecated fields stay null.
    return {
        "checkoutChargeAmount": subtotal,
        "subtotalAmount": subtotal,
        "subtotalAmountEstimated": True,
        "totalAmount": pricing.money(pricing.total),
        "totalAmountEstimated": True,
        "totalDutyAmount": None,
        "totalDutyAmountEstimated": True,
        "totalTaxAmount": None,
        "totalTaxAmountEstimated": True,
    }


def _estimated_cost(cart: Cart, info: Info) -> dict[str, Any]:
    cost = _cost(cart, info)
    return {name: cost[name] for name in ("checkoutChargeAmount", "subtotalAmount", "totalAmount")} | {
        "totalDutyAmount": None,
        "totalTaxAmount": None,
    }


def _preferences(cart: Cart) -> dict[str, Any] | None:
    chosen = cart.preferences
    if chosen is None:
        return None
    delivery = chosen.get("delivery")
    return {
        "delivery": {
            "coordinates": delivery.get("coordinates"),
            "deliveryMethod": delivery.get("deliveryMethod") or [],
            "pickupHandle": delivery.get("pickupHandle") or [],
        }
        if delivery
        else None,
        "wallet": chosen.get("wallet"),
    }


def _context_country(ctx: StorefrontContext) -> str:
    requested = ctx.requested_country
    return requested if requested and requested != UNKNOWN_REGION else SHOP_COUNTRY


def _buyer_identity(cart: Cart, info: Info) -> dict[str, Any]:
    customer = cart.customer
    return {
        "countryCode": cart.country or _context_country(info.context),
        "customer": customer,
        "email": cart.email or (customer.email if customer else None),
        "phone": cart.phone,
        "preferences": _preferences(cart),
        # Deprecated for `Cart.delivery`, whose addresses it shows (the selected one first).
        "deliveryAddressPreferences": [
            mailing_address(a) for a in sorted(cart.addresses, key=lambda a: not a.selected)
        ],
    }


CART_OBJECT_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {"cart": resolve_cart},
    "Mutation": {
        "cartCreate": cart_create,
        "cartBuyerIdentityUpdate": cart_buyer_identity_update,
        "cartNoteUpdate": cart_note_update,
        "cartAttributesUpdate": cart_attributes_update,
    },
    "Cart": {
        "id": lambda cart, info: cart.gid,
        "checkoutUrl": lambda cart, info: f"{info.context.store.url}/cart/c/{cart.token}?key={cart.key}",
        "totalQuantity": lambda cart, info: cart.total_quantity,
        "createdAt": lambda cart, info: iso(cart.created_at),
        "updatedAt": lambda cart, info: iso(cart.updated_at),
        "lines": _lines,
        "cost": _cost,
        "estimatedCost": _estimated_cost,
        "buyerIdentity": _buyer_identity,
        "attribute": attribute,
    },
}


def _merged(*parts: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for part in parts:
        for type_name, fields in part.items():
            bound = merged.setdefault(type_name, {})
            assert not bound.keys() & fields.keys(), f"{type_name} bound twice"
            bound.update(fields)
    return merged


CART_RESOLVERS = _merged(
    CART_OBJECT_RESOLVERS,
    CART_LINE_RESOLVERS,
    CART_CODE_RESOLVERS,
    CART_DELIVERY_RESOLVERS,
    DELIVERY_GROUP_RESOLVERS,
    CART_METAFIELD_RESOLVERS,
)

CART_TYPE_NAMES: dict[type, str] = {
    CodeAllocation: "CartCodeDiscountAllocation",
    MoneyValue: "MoneyV2",
    PercentageValue: "PricingPercentageValue",
    DeliveryAddress: "CartDeliveryAddress",
}
"""The GraphQL type of each cart record that stands in an interface or a union."""

__all__ = ["CART_RESOLVERS", "CART_TYPE_NAMES", "MAX_LINES"]
