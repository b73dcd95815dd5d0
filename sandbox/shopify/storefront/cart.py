"""Storefront carts: `cart`, `cartCreate` and the line, buyer, note, attribute and code mutations.

Behaviour follows Shopify's: a line asking for more than is in stock gets what is left and a
`MERCHANDISE_NOT_ENOUGH_STOCK` warning (none left: the line stays at 0 with
`MERCHANDISE_OUT_OF_STOCK`); adding merchandise already in the cart with the same attributes
raises that line's quantity; new lines come first. Unknown merchandise or a missing cart is a
`userErrors` entry with a null cart.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sandbox.shopify.ids import parse_gid
from sandbox.shopify.markets import Market, market_for
from sandbox.shopify.money import money
from sandbox.shopify.records import VariantRecord
from sandbox.shopify.relay import Connection, list_connection
from sandbox.shopify.timestamps import iso

from .context import Info, StorefrontContext
from .state import Cart, CartLine

MAX_LINES = 250
"""Lines one cart holds."""
MAX_QUANTITY = 1_000_000
"""A line's quantity must stay below this."""

Payload = dict[str, Any]
UserError = dict[str, Any]


def _error(field: list[str], message: str, code: str) -> UserError:
    return {"field": field, "message": message, "code": code}


def _variant(ctx: StorefrontContext, merchandise_id: str) -> VariantRecord | None:
    parsed = parse_gid(merchandise_id)
    if parsed is None or parsed.kind != "ProductVariant" or parsed.number is None:
        return None
    variant = ctx.store.variants.get(parsed.number)
    return variant if variant is not None and variant.product.published else None


def _market(cart: Cart, ctx: StorefrontContext) -> Market:
    return market_for(cart.country) if cart.country else ctx.market


def _warnings(cart: Cart, immediate: list[dict[str, str]]) -> list[dict[str, str]]:
    warnings = list(immediate)
    for line in cart.lines:
        if line.id in cart.sold_out_lines:
            warnings.append(_sold_out(line))
    for _code in cart.discount_codes:
        # The sandbox shop has no discounts: every code is unknown.
        warnings.append(
            {
                "code": "DISCOUNT_NOT_FOUND",
                "message": "Enter a valid discount code",
                "target": cart.warning_target,
            }
        )
    unique: list[dict[str, str]] = []
    for warning in warnings:
        if warning not in unique:
            unique.append(warning)
    return unique


def _sold_out(line: CartLine) -> dict[str, str]:
    return {
        "code": "MERCHANDISE_OUT_OF_STOCK",
        "message": f"The product '{line.variant.display_name}' is already sold out.",
        "target": line.id,
    }


def _not_enough(quantity: int, line: CartLine) -> dict[str, str]:
    noun = "item was" if quantity == 1 else "items were"
    return {
        "code": "MERCHANDISE_NOT_ENOUGH_STOCK",
        "message": f"Only {quantity} {noun} added to your cart due to availability.",
        "target": line.id,
    }


def _payload(
    cart: Cart | None, errors: list[UserError], warnings: list[dict[str, str]] | None = None
) -> Payload:
    return {"cart": cart, "userErrors": errors, "warnings": _warnings(cart, warnings or []) if cart else []}


def _attributes(inputs: list[dict[str, Any]] | None) -> list[dict[str, str | None]]:
    attributes: dict[str, str | None] = {}
    for item in inputs or ():
        attributes[item["key"]] = item.get("value")
    return [{"key": key, "value": value} for key, value in attributes.items()]


def _quantity_errors(lines: list[dict[str, Any]], prefix: list[str]) -> list[UserError]:
    errors = []
    for index, line in enumerate(lines):
        quantity = line.get("quantity")
        if quantity is None:
            continue
        if quantity < 0:
            errors.append(
                _error(
                    [*prefix, str(index), "quantity"],
                    "The quantity must be greater than or equal to 0.",
                    "INVALID",
                )
            )
        elif quantity >= MAX_QUANTITY:
            errors.append(
                _error(
                    [*prefix, str(index), "quantity"],
                    f"The quantity must be less than {MAX_QUANTITY}.",
                    "LESS_THAN",
                )
            )
    return errors


def _merchandise_errors(
    ctx: StorefrontContext, lines: list[dict[str, Any]], prefix: list[str]
) -> list[UserError]:
    for index, line in enumerate(lines):
        merchandise_id = line.get("merchandiseId")
        if merchandise_id is not None and _variant(ctx, merchandise_id) is None:
            return [
                _error(
                    [*prefix, str(index), "merchandiseId"],
                    f"The merchandise with id {merchandise_id} does not exist.",
                    "INVALID",
                )
            ]
    return []


def _add(
    ctx: StorefrontContext, cart: Cart, line_input: dict[str, Any], warnings: list[dict[str, str]]
) -> None:
    variant = _variant(ctx, line_input["merchandiseId"])
    assert variant is not None  # checked before any change
    requested = line_input.get("quantity")
    requested = 1 if requested is None else requested
    if requested == 0:
        return
    attributes = _attributes(line_input.get("attributes"))
    in_cart = sum(line.quantity for line in cart.lines if line.variant is variant)
    applied = min(requested, max(0, variant.quantity_available - in_cart))
    line = next((ln for ln in cart.lines if ln.variant is variant and ln.attributes == attributes), None)
    if line is None:
        line = CartLine(ctx.state.new_line_id(cart), cart, variant, applied, attributes)
        cart.lines.insert(0, line)
    else:
        line.quantity += applied
    if applied == 0:
        cart.sold_out_lines.add(line.id)
    elif applied < requested:
        warnings.append(_not_enough(applied, line))


def _too_large(cart: Cart, adding: list[dict[str, Any]]) -> list[UserError]:
    in_cart = {line.variant.gid for line in cart.lines}
    new = {str(line.get("merchandiseId")) for line in adding} - in_cart
    if len(cart.lines) + len(new) > MAX_LINES:
        return [_error(["lines"], "The cart is too large to save.", "CART_TOO_LARGE")]
    return []


def _touch(ctx: StorefrontContext, cart: Cart) -> None:
    cart.updated_at = ctx.store.now()


def _customer_token_error(
    ctx: StorefrontContext, identity: dict[str, Any], prefix: list[str]
) -> list[UserError]:
    token = identity.get("customerAccessToken")
    if token is not None and ctx.state.customer_for(token, ctx.store.now()) is None:
        return [_error([*prefix, "customerAccessToken"], "Customer is invalid", "INVALID")]
    return []


def _apply_identity(ctx: StorefrontContext, cart: Cart, identity: dict[str, Any]) -> None:
    if "countryCode" in identity:
        cart.country = identity["countryCode"]
    if "email" in identity:
        cart.email = identity["email"]
    if "phone" in identity:
        cart.phone = identity["phone"]
    if "customerAccessToken" in identity:
        cart.customer = ctx.state.customer_for(identity["customerAccessToken"], ctx.store.now())


# Root fields


def resolve_cart(_root: None, info: Info, id: str) -> Cart | None:
    return info.context.state.cart(id)


def cart_create(_root: None, info: Info, input: dict[str, Any] | None = None) -> Payload:
    ctx = info.context
    spec = input or {}
    lines = spec.get("lines") or []
    identity = spec.get("buyerIdentity") or {}
    errors = (
        _quantity_errors(lines, ["input", "lines"])
        or _merchandise_errors(ctx, lines, ["input", "lines"])
        or _customer_token_error(ctx, identity, ["input", "buyerIdentity"])
    )
    if errors:
        return _payload(None, errors)
    cart = ctx.state.new_cart(ctx.store.now(), identity.get("countryCode") or ctx.requested_country)
    _apply_identity(ctx, cart, identity)
    cart.note = spec.get("note")
    cart.attributes = _attributes(spec.get("attributes"))
    cart.discount_codes = _unique_codes(spec.get("discountCodes") or [])
    warnings: list[dict[str, str]] = []
    for line_input in lines:
        _add(ctx, cart, line_input, warnings)
    return _payload(cart, [], warnings)


def _missing_cart() -> Payload:
    return _payload(None, [_error(["cartId"], "The specified cart does not exist.", "INVALID")])


def cart_lines_add(_root: None, info: Info, cartId: str, lines: list[dict[str, Any]]) -> Payload:
    ctx = info.context
    cart = ctx.state.cart(cartId)
    if cart is None:
        return _missing_cart()
    errors = (
        _quantity_errors(lines, ["lines"])
        or _merchandise_errors(ctx, lines, ["lines"])
        or _too_large(cart, lines)
    )
    if errors:
        return _payload(None, errors)
    warnings: list[dict[str, str]] = []
    for line_input in lines:
        _add(ctx, cart, line_input, warnings)
    _touch(ctx, cart)
    return _payload(cart, [], warnings)


def cart_lines_update(_root: None, info: Info, cartId: str, lines: list[dict[str, Any]]) -> Payload:
    ctx = info.context
    cart = ctx.state.cart(cartId)
    if cart is None:
        return _missing_cart()
    by_id = {line.id: line for line in cart.lines}
    errors = [
        _error(
            ["lines", str(index), "id"],
            f"The merchandise line with id {change['id'].rsplit('/', 1)[-1]} does not exist.",
            "INVALID_MERCHANDISE_LINE",
        )
        for index, change in enumerate(lines)
        if change["id"] not in by_id
    ]
    errors = errors or _quantity_errors(lines, ["lines"]) or _merchandise_errors(ctx, lines, ["lines"])
    if errors:
        return _payload(cart, errors)
    warnings: list[dict[str, str]] = []
    for change in lines:
        line = by_id[change["id"]]
        if change.get("merchandiseId") is not None:
            variant = _variant(ctx, change["merchandiseId"])
            assert variant is not None
            line.variant = variant
        if "attributes" in change and change["attributes"] is not None:
            line.attributes = _attributes(change["attributes"])
        quantity = change.get("quantity")
        if quantity == 0:
            cart.lines.remove(line)
            cart.sold_out_lines.discard(line.id)
            continue
        if quantity is not None:
            others = sum(ln.quantity for ln in cart.lines if ln.variant is line.variant and ln is not line)
            line.quantity = min(quantity, max(0, line.variant.quantity_available - others))
            if line.quantity == 0:
                cart.sold_out_lines.add(line.id)
            else:
                cart.sold_out_lines.discard(line.id)
                if line.quantity < quantity:
                    warnings.append(_not_enough(line.quantity, line))
    _touch(ctx, cart)
    return _payload(cart, [], warnings)


def cart_lines_remove(_root: None, info: Info, cartId: str, lineIds: list[str]) -> Payload:
    ctx = info.context
    cart = ctx.state.cart(cartId)
    if cart is None:
        return _missing_cart()
    known = {line.id for line in cart.lines}
    errors = [
        _error(
            ["lineIds", str(index)],
            f"The merchandise line with id {line_id.rsplit('/', 1)[-1]} does not exist.",
            "INVALID_MERCHANDISE_LINE",
        )
        for index, line_id in enumerate(lineIds)
        if line_id not in known
    ]
    if not errors:
        cart.lines = [line for line in cart.lines if line.id not in lineIds]
        cart.sold_out_lines -= set(lineIds)
        _touch(ctx, cart)
    return _payload(cart, errors)


def _update(info: Info, cart_id: str, change: Callable[[Cart], list[UserError]]) -> Payload:
    """Apply `change` to the cart `cart_id` names; its userErrors (if any) leave the cart as it was."""
    cart = info.context.state.cart(cart_id)
    if cart is None:
        return _missing_cart()
    errors = change(cart)
    if not errors:
        _touch(info.context, cart)
    return _payload(cart, errors)


def cart_buyer_identity_update(
    _root: None,
    info: Info,
    cartId: str,
    buyerIdentity: dict[str, Any],
) -> Payload:
    ctx = info.context

    def change(cart: Cart) -> list[UserError]:
        errors = _customer_token_error(ctx, buyerIdentity, ["buyerIdentity"])
        if not errors:
            _apply_identity(ctx, cart, buyerIdentity)
        return errors

    return _update(info, cartId, change)


NOTE_LIMIT = 5000


def cart_note_update(_root: None, info: Info, cartId: str, note: str) -> Payload:
    if len(note) > NOTE_LIMIT:
        message = f"The note exceeds the maximum number of {NOTE_LIMIT} characters."
        return _payload(None, [_error(["note"], message, "NOTE_TOO_LONG")])

    def change(cart: Cart) -> list[UserError]:
        cart.note = note
        return []

    return _update(info, cartId, change)


def cart_attributes_update(
    _root: None,
    info: Info,
    cartId: str,
    attributes: list[dict[str, Any]],
) -> Payload:
    def change(cart: Cart) -> list[UserError]:
        cart.attributes = _attributes(attributes)
        return []

    return _update(info, cartId, change)


def _unique_codes(codes: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for code in codes:
        seen.setdefault(code.strip().upper(), code)
    return list(seen.values())


def cart_discount_codes_update(
    _root: None,
    info: Info,
    cartId: str,
    discountCodes: list[str],
) -> Payload:
    def change(cart: Cart) -> list[UserError]:
        cart.discount_codes = _unique_codes(discountCodes)
        return []

    return _update(info, cartId, change)


# Cart objects


def _lines(cart: Cart, info: Info, **args: Any) -> Connection[CartLine]:
    return list_connection(cart.lines, args)


def _cost(cart: Cart, info: Info) -> dict[str, Any]:
    market = _market(cart, info.context)
    subtotal = sum((market.convert(line.variant.price) * line.quantity for line in cart.lines), Decimal(0))
    # No taxes, duties, shipping or discounts in the sandbox: every total is the subtotal.
    amount = money(subtotal, market.currency)
    return {
        "checkoutChargeAmount": amount,
        "subtotalAmount": amount,
        "subtotalAmountEstimated": True,
        "totalAmount": amount,
        "totalAmountEstimated": True,
        "totalDutyAmount": None,
        "totalDutyAmountEstimated": True,
        "totalTaxAmount": None,
        "totalTaxAmountEstimated": True,
    }


def _line_cost(line: CartLine, info: Info) -> dict[str, Any]:
    market = _market(line.cart, info.context)
    unit = market.convert(line.variant.price)
    compare_at = line.variant.compare_at_price
    total = money(unit * line.quantity, market.currency)
    return {
        "amountPerQuantity": money(unit, market.currency),
        "compareAtAmountPerQuantity": money(market.convert(compare_at), market.currency)
        if compare_at
        else None,
        "subtotalAmount": total,
        "totalAmount": total,
    }


def _buyer_identity(cart: Cart, info: Info) -> dict[str, Any]:
    customer = cart.customer
    return {
        "countryCode": cart.country,
        "customer": customer,
        "email": cart.email or (customer.email if customer else None),
        "phone": cart.phone,
    }


def _attribute(record: Cart | CartLine, info: Info, key: str) -> dict[str, str | None] | None:
    return next((a for a in record.attributes if a["key"] == key), None)


CART_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {"cart": resolve_cart},
    "Mutation": {
        "cartCreate": cart_create,
        "cartLinesAdd": cart_lines_add,
        "cartLinesUpdate": cart_lines_update,
        "cartLinesRemove": cart_lines_remove,
        "cartBuyerIdentityUpdate": cart_buyer_identity_update,
        "cartNoteUpdate": cart_note_update,
        "cartAttributesUpdate": cart_attributes_update,
        "cartDiscountCodesUpdate": cart_discount_codes_update,
    },
    "Cart": {
        "id": lambda cart, info: cart.gid,
        "checkoutUrl": lambda cart, info: f"{info.context.store.url}/cart/c/{cart.token}?key={cart.key}",
        "totalQuantity": lambda cart, info: cart.total_quantity,
        "createdAt": lambda cart, info: iso(cart.created_at),
        "updatedAt": lambda cart, info: iso(cart.updated_at),
        "lines": _lines,
        "cost": _cost,
        "buyerIdentity": _buyer_identity,
        "attribute": _attribute,
        "discountCodes": lambda cart, info: [
            {"code": code, "applicable": False} for code in cart.discount_codes
        ],
        "appliedGiftCards": lambda cart, info: [],
    },
    "CartLine": {
        "cost": _line_cost,
        "merchandise": lambda line, info: line.variant,
        "attribute": _attribute,
        "parentRelationship": lambda line, info: None,
    },
}

__all__ = ["CART_RESOLVERS", "MAX_LINES"]
