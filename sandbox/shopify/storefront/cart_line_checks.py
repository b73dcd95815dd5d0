"""The checks every line input passes before a cart changes, each with Shopify's userError.

Quantities must lie in 0…999,999 and follow the variant's quantity rule (minimum, maximum,
increment) once merged into the line they join; merchandise must be a published variant; a selling
plan must be one of the variant's product; a parent must be a line of the cart (by `lineId`) or a
line added in the same call (by `merchandiseId`), one level deep; and a cart holds 250 lines.
"""

from __future__ import annotations

from typing import Any

from sandbox.shopify.ids import parse_gid
from sandbox.shopify.merchandising.quantity_rules import rule_of
from sandbox.shopify.merchandising.selling_plans import SellingPlanRecord, selling_plan_groups
from sandbox.shopify.records import VariantRecord

from .cart_payloads import UserError, user_error
from .cart_records import Attributes, CartLine
from .context import StorefrontContext

MAX_LINES = 250
"""Lines one cart holds."""
MAX_QUANTITY = 1_000_000
"""A line's quantity must stay below this."""

LineInput = dict[str, Any]


def variant_of(ctx: StorefrontContext, merchandise_id: str) -> VariantRecord | None:
    parsed = parse_gid(merchandise_id)
    if parsed is None or parsed.kind != "ProductVariant" or parsed.number is None:
        return None
    variant = ctx.store.variants.get(parsed.number)
    return variant if variant is not None and variant.product.published else None


def plan_of(variant: VariantRecord, plan_id: str | None) -> SellingPlanRecord | None:
    """The selling plan `plan_id` names among those the variant's product offers."""
    plans = (plan for group in selling_plan_groups(variant.product) for plan in group.plans)
    return next((plan for plan in plans if plan.gid == plan_id), None)


def attributes_of(inputs: list[dict[str, Any]] | None) -> Attributes:
    attributes: dict[str, str | None] = {}
    for item in inputs or ():
        attributes[item["key"]] = item.get("value")
    return [{"key": key, "value": value} for key, value in attributes.items()]


def quantity_errors(lines: list[LineInput], prefix: list[str]) -> list[UserError]:
    errors = []
    for index, line in enumerate(lines):
        quantity = line.get("quantity")
        where = [*prefix, str(index), "quantity"]
        if quantity is None:
            continue
        if quantity < 0:
            errors.append(user_error(where, "The quantity must be greater than or equal to 0.", "INVALID"))
        elif quantity >= MAX_QUANTITY:
            errors.append(user_error(where, f"The quantity must be less than {MAX_QUANTITY}.", "LESS_THAN"))
    return errors


def merchandise_errors(ctx: StorefrontContext, lines: list[LineInput], prefix: list[str]) -> list[UserError]:
    for index, line in enumerate(lines):
        merchandise_id = line.get("merchandiseId")
        if merchandise_id is not None and variant_of(ctx, merchandise_id) is None:
            message = f"The merchandise with id {merchandise_id} does not exist."
            return [user_error([*prefix, str(index), "merchandiseId"], message, "INVALID")]
    return []


def selling_plan_errors(
    lines: list[LineInput], prefix: list[str], variants: list[VariantRecord]
) -> list[UserError]:
    """Each line's selling plan must be offered for its variant (`variants[i]` is line i's)."""
    return [
        user_error(
            [*prefix, str(index), "sellingPlanId"],
            "The selling plan is not applicable to the merchandise.",
            "SELLING_PLAN_NOT_APPLICABLE",
        )
        for index, (line, variant) in enumerate(zip(lines, variants, strict=True))
        if line.get("sellingPlanId") is not None and plan_of(variant, line["sellingPlanId"]) is None
    ]


def rule_errors(variant: VariantRecord, quantity: int, where: list[str]) -> list[UserError]:
    """Whether a line of `quantity` units keeps the variant's quantity rule (0 removes the line)."""
    rule = rule_of(variant)
    name = variant.display_name
    if quantity == 0:
        return []
    if quantity < rule.minimum:
        return [user_error(where, f"The minimum quantity of {name} is {rule.minimum}.", "MINIMUM_NOT_MET")]
    if rule.maximum is not None and quantity > rule.maximum:
        return [user_error(where, f"The maximum quantity of {name} is {rule.maximum}.", "MAXIMUM_EXCEEDED")]
    if quantity % rule.increment:
        return [user_error(where, f"{name} is sold in multiples of {rule.increment}.", "INVALID_INCREMENT")]
    return []


def parent_errors(existing: list[CartLine], lines: list[LineInput], prefix: list[str]) -> list[UserError]:
    by_id = {line.id: line for line in existing}
    new_parents = {line["merchandiseId"] for line in lines if not line.get("parent")}
    in_cart = {line.variant.gid for line in existing}
    errors = []
    for index, line in enumerate(lines):
        parent = line.get("parent")
        if not parent:
            continue
        where = [*prefix, str(index), "parent"]
        line_id, merchandise_id = parent.get("lineId"), parent.get("merchandiseId")
        if (line_id is None) == (merchandise_id is None):
            errors.append(user_error(where, "Name the parent by its lineId or its merchandiseId.", "INVALID"))
        elif line_id is not None:
            named = by_id.get(line_id)
            if named is None:
                errors.append(
                    user_error([*where, "lineId"], "The parent line does not exist.", "PARENT_LINE_NOT_FOUND")
                )
            elif named.parent is not None:
                message = "A line added under another line can't have lines of its own."
                errors.append(user_error([*where, "lineId"], message, "PARENT_LINE_NESTING_TOO_DEEP"))
        elif merchandise_id not in new_parents:
            code, message = (
                ("PARENT_LINE_INVALID_REFERENCE", "An existing parent line must be named by its lineId.")
                if merchandise_id in in_cart
                else ("PARENT_LINE_NOT_FOUND", "The parent line does not exist.")
            )
            errors.append(user_error([*where, "merchandiseId"], message, code))
    return errors


def _added_rule_errors(
    existing: list[CartLine], lines: list[LineInput], prefix: list[str], variants: list[VariantRecord]
) -> list[UserError]:
    by_id = {line.id: line for line in existing}
    errors = []
    for index, (line, variant) in enumerate(zip(lines, variants, strict=True)):
        quantity = 1 if line.get("quantity") is None else line["quantity"]
        parent = by_id.get((line.get("parent") or {}).get("lineId") or "")
        plan = plan_of(variant, line.get("sellingPlanId"))
        attributes = attributes_of(line.get("attributes"))
        joined = next((ln for ln in existing if ln.holds(variant, attributes, plan, parent)), None)
        total = quantity + (joined.quantity if joined and quantity else 0)
        errors += rule_errors(variant, total, [*prefix, str(index), "quantity"])
    return errors


def too_large(existing: list[CartLine], adding: list[LineInput], prefix: list[str]) -> list[UserError]:
    in_cart = {line.variant.gid for line in existing}
    new = {str(line.get("merchandiseId")) for line in adding} - in_cart
    if len(existing) + len(new) > MAX_LINES:
        return [user_error(prefix, "The cart is too large to save.", "CART_TOO_LARGE")]
    return []


def added_line_errors(
    ctx: StorefrontContext, existing: list[CartLine], lines: list[LineInput], prefix: list[str]
) -> list[UserError]:
    """Everything that stops `CartLineInput`s being added to a cart holding `existing`."""
    errors = quantity_errors(lines, prefix) or merchandise_errors(ctx, lines, prefix)
    if errors:
        return errors
    variants = [variant_of(ctx, line["merchandiseId"]) for line in lines]
    known = [variant for variant in variants if variant is not None]
    return (
        selling_plan_errors(lines, prefix, known)
        or parent_errors(existing, lines, prefix)
        or _added_rule_errors(existing, lines, prefix, known)
        or too_large(existing, lines, prefix)
    )


__all__ = [
    "MAX_LINES",
    "LineInput",
    "added_line_errors",
    "attributes_of",
    "merchandise_errors",
    "plan_of",
    "quantity_errors",
    "rule_errors",
    "selling_plan_errors",
    "variant_of",
]
