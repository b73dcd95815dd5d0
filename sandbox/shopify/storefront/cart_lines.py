"""Cart lines: `cartLinesAdd`, `cartLinesUpdate`, `cartLinesRemove` and the `CartLine` object.

Behaviour follows Shopify's: a line asking for more than is in stock gets what is left and a
`MERCHANDISE_NOT_ENOUGH_STOCK` warning (none left: the line stays at 0 with
`MERCHANDISE_OUT_OF_STOCK`); adding merchandise already in the cart with the same attributes,
selling plan and parent raises that line's quantity; new lines come first. A line may be added
under a parent line (a warranty under its product): an existing parent is named by `lineId`, one
added in the same call by `merchandiseId`; children go with their parent when it is removed. The
checks every input passes first are in `cart_line_checks`.
"""

from __future__ import annotations

from typing import Any

from sandbox.shopify.merchandising.selling_plans import SellingPlanRecord
from sandbox.shopify.records import VariantRecord

from .cart_line_checks import (
    LineInput,
    added_line_errors,
    attributes_of,
    merchandise_errors,
    plan_of,
    quantity_errors,
    rule_errors,
    selling_plan_errors,
    variant_of,
)
from .cart_payloads import (
    Payload,
    UserError,
    Warning,
    missing_cart,
    not_enough,
    payload,
    pricing_of,
    user_error,
)
from .cart_records import Cart, CartLine
from .context import Info, StorefrontContext
from .selling_plans import Allocation


def _available(line_variant: VariantRecord, cart: Cart, besides: CartLine | None = None) -> int:
    taken = sum(line.quantity for line in cart.lines if line.variant is line_variant and line is not besides)
    return max(0, line_variant.quantity_available - taken)


def _place(cart: Cart, line: CartLine) -> None:
    """New lines come first; a child goes right after its parent."""
    if line.parent is None:
        cart.lines.insert(0, line)
    else:
        cart.lines.insert(cart.lines.index(line.parent) + 1, line)


def add_lines(ctx: StorefrontContext, cart: Cart, lines: list[LineInput]) -> list[Warning]:
    """Add checked `CartLineInput`s: parents first, so children added with them find them."""
    warnings: list[Warning] = []
    added: dict[str, CartLine] = {}
    for line_input in sorted(lines, key=lambda spec: bool(spec.get("parent"))):
        parent_input = line_input.get("parent") or {}
        parent: CartLine | None = None
        if parent_input.get("lineId"):
            parent = next(ln for ln in cart.lines if ln.id == parent_input["lineId"])
        elif parent_input.get("merchandiseId"):
            parent = added.get(parent_input["merchandiseId"])
            if parent is None:
                continue  # its parent was added at quantity 0: there is nothing to hang it on
        line = _add(ctx, cart, line_input, parent, warnings)
        if line is not None and parent is None:
            added.setdefault(line_input["merchandiseId"], line)
    return warnings


def _add(
    ctx: StorefrontContext,
    cart: Cart,
    line_input: LineInput,
    parent: CartLine | None,
    warnings: list[Warning],
) -> CartLine | None:
    variant = variant_of(ctx, line_input["merchandiseId"])
    assert variant is not None  # checked before any change
    requested = line_input.get("quantity")
    requested = 1 if requested is None else requested
    if requested == 0:
        return None
    attributes = attributes_of(line_input.get("attributes"))
    plan = plan_of(variant, line_input.get("sellingPlanId"))
    applied = min(requested, _available(variant, cart))
    line = next((ln for ln in cart.lines if ln.holds(variant, attributes, plan, parent)), None)
    if line is None:
        line = CartLine(ctx.state.new_line_id(cart), cart, variant, applied, attributes, parent, plan)
        _place(cart, line)
    else:
        line.quantity += applied
    if applied == 0:
        cart.sold_out_lines.add(line.id)
    elif applied < requested:
        warnings.append(not_enough(applied, line))
    return line


def remove_lines(cart: Cart, removed: set[str]) -> None:
    """Remove lines, and the lines added under them."""
    gone = {
        line.id
        for line in cart.lines
        if line.id in removed or (line.parent is not None and line.parent.id in removed)
    }
    cart.lines = [line for line in cart.lines if line.id not in gone]
    cart.sold_out_lines -= gone


def cart_lines_add(_root: None, info: Info, cartId: str, lines: list[LineInput]) -> Payload:
    ctx = info.context
    cart = ctx.state.cart(cartId)
    if cart is None:
        return missing_cart(ctx)
    errors = added_line_errors(ctx, cart.lines, lines, ["lines"])
    if errors:
        return payload(ctx, None, errors)
    warnings = add_lines(ctx, cart, lines)
    cart.changed(ctx.store.now())
    return payload(ctx, cart, [], warnings)


def _unknown_line(path: list[str], line_id: str) -> UserError:
    message = f"The merchandise line with id {line_id.rsplit('/', 1)[-1]} does not exist."
    return user_error(path, message, "INVALID_MERCHANDISE_LINE")


def _updated(
    ctx: StorefrontContext, line: CartLine, change: LineInput
) -> tuple[VariantRecord, SellingPlanRecord | None]:
    """The variant and selling plan a line has once `change` applies."""
    merchandise_id = change.get("merchandiseId")
    variant = variant_of(ctx, merchandise_id) if merchandise_id is not None else line.variant
    assert variant is not None  # checked first
    plan_id = change.get("sellingPlanId")
    return variant, plan_of(variant, plan_id) if plan_id is not None else line.selling_plan


def _update_errors(ctx: StorefrontContext, cart: Cart, lines: list[LineInput]) -> list[UserError]:
    by_id = {line.id: line for line in cart.lines}
    errors = [
        _unknown_line(["lines", str(index), "id"], change["id"])
        for index, change in enumerate(lines)
        if change["id"] not in by_id
    ]
    errors = errors or quantity_errors(lines, ["lines"]) or merchandise_errors(ctx, lines, ["lines"])
    if errors:
        return errors
    variants = [_updated(ctx, by_id[change["id"]], change)[0] for change in lines]
    errors = selling_plan_errors(lines, ["lines"], variants)
    for index, (change, variant) in enumerate(zip(lines, variants, strict=True)):
        quantity = change.get("quantity")
        quantity = by_id[change["id"]].quantity if quantity is None else quantity
        errors += rule_errors(variant, quantity, ["lines", str(index), "quantity"])
    return errors


def cart_lines_update(_root: None, info: Info, cartId: str, lines: list[LineInput]) -> Payload:
    ctx = info.context
    cart = ctx.state.cart(cartId)
    if cart is None:
        return missing_cart(ctx)
    errors = _update_errors(ctx, cart, lines)
    if errors:
        return payload(ctx, cart, errors)
    by_id = {line.id: line for line in cart.lines}
    warnings: list[Warning] = []
    for change in lines:
        line = by_id[change["id"]]
        if line not in cart.lines:
            continue  # removed with its parent earlier in this call
        line.variant, line.selling_plan = _updated(ctx, line, change)
        if change.get("attributes") is not None:
            line.attributes = attributes_of(change["attributes"])
        quantity = change.get("quantity")
        if quantity == 0:
            remove_lines(cart, {line.id})
        elif quantity is not None:
            line.quantity = min(quantity, _available(line.variant, cart, besides=line))
            if line.quantity == 0:
                cart.sold_out_lines.add(line.id)
            else:
                cart.sold_out_lines.discard(line.id)
                if line.quantity < quantity:
                    warnings.append(not_enough(line.quantity, line))
    cart.changed(ctx.store.now())
    return payload(ctx, cart, [], warnings)


def cart_lines_remove(_root: None, info: Info, cartId: str, lineIds: list[str]) -> Payload:
    ctx = info.context
    cart = ctx.state.cart(cartId)
    if cart is None:
        return missing_cart(ctx)
    known = {line.id for line in cart.lines}
    errors = [
        _unknown_line(["lineIds", str(index)], line_id)
        for index, line_id in enumerate(lineIds)
        if line_id not in known
    ]
    if not errors:
        remove_lines(cart, set(lineIds))
        cart.changed(ctx.store.now())
    return payload(ctx, cart, errors)


# The CartLine object


def _line_cost(line: CartLine, info: Info) -> dict[str, Any]:
    pricing = pricing_of(line.cart, info.context)
    price = pricing.lines[line.id]
    return {
        "amountPerQuantity": pricing.money(price.unit),
        "compareAtAmountPerQuantity": pricing.money(price.compare_at) if price.compare_at else None,
        "subtotalAmount": pricing.money(price.subtotal),
        "totalAmount": pricing.money(price.total),
    }


def _estimated_cost(line: CartLine, info: Info) -> dict[str, Any]:
    cost = _line_cost(line, info)
    return {
        "amount": cost["amountPerQuantity"],
        "compareAtAmount": cost["compareAtAmountPerQuantity"],
        "subtotalAmount": cost["subtotalAmount"],
        "totalAmount": cost["totalAmount"],
    }


def attribute(record: Cart | CartLine, info: Info, key: str) -> dict[str, str | None] | None:
    return next((a for a in record.attributes if a["key"] == key), None)


CART_LINE_RESOLVERS: dict[str, dict[str, Any]] = {
    "Mutation": {
        "cartLinesAdd": cart_lines_add,
        "cartLinesUpdate": cart_lines_update,
        "cartLinesRemove": cart_lines_remove,
    },
    "CartLine": {
        "cost": _line_cost,
        "estimatedCost": _estimated_cost,
        "merchandise": lambda line, info: line.variant,
        "attribute": attribute,
        "discountAllocations": lambda line, info: list(
            pricing_of(line.cart, info.context).lines[line.id].allocations
        ),
        "parentRelationship": lambda line, info: {"parent": line.parent} if line.parent else None,
        "sellingPlanAllocation": lambda line, info: (
            Allocation(line.variant, line.selling_plan) if line.selling_plan else None
        ),
        "instructions": lambda line, info: {"canRemove": True, "canUpdateQuantity": True},
    },
}

__all__ = ["CART_LINE_RESOLVERS", "add_lines", "attribute"]
