"""Selling plans: `Product.sellingPlanGroups`, `ProductVariant.sellingPlanAllocations` and their types.

An allocation is what one variant costs under one plan of its product's groups, in the market of
the request: the adjusted price per delivery, the full (100 %) charge at checkout, nothing left to
pay later, and the unit price under the plan for goods sold by measure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sandbox.shopify.merchandising.selling_plans import (
    CheckoutChargePercentage,
    PercentageOff,
    RecurringBilling,
    RecurringDelivery,
    SellingPlanGroupRecord,
    SellingPlanRecord,
    selling_plan_groups,
)
from sandbox.shopify.merchandising.unit_prices import measure_of
from sandbox.shopify.money import money
from sandbox.shopify.records import ProductRecord, VariantRecord
from sandbox.shopify.relay import Connection, list_connection

from .context import Info


@dataclass(frozen=True, slots=True)
class Allocation:
    variant: VariantRecord
    plan: SellingPlanRecord


def _groups(product: ProductRecord, info: Info, **args: Any) -> Connection[SellingPlanGroupRecord]:
    return list_connection(selling_plan_groups(product), args)


def _allocations(variant: VariantRecord, info: Info, **args: Any) -> Connection[Allocation]:
    plans = [plan for group in selling_plan_groups(variant.product) for plan in group.plans]
    return list_connection([Allocation(variant, plan) for plan in plans], args, lambda a: a.plan.id)


def _money(info: Info, amount: Decimal) -> dict[str, str]:
    """A `MoneyV2` of an amount already in the request's market currency."""
    return money(amount, info.context.market.currency)


def _plan_price(allocation: Allocation, info: Info) -> Decimal:
    """The plan's price in the request's market: adjusted after conversion, as checkout charges it."""
    return allocation.plan.price(info.context.market.convert(allocation.variant.price))


def _price_adjustments(allocation: Allocation, info: Info) -> list[dict[str, Any]]:
    ctx = info.context
    price = _plan_price(allocation, info)
    measure = measure_of(allocation.variant)
    adjusted = _money(info, price)
    return [
        {
            "compareAtPrice": ctx.money(allocation.variant.price),
            "perDeliveryPrice": adjusted,
            "price": adjusted,
            "unitPrice": _money(info, measure.unit_price(price)) if measure else None,
        }
    ]


def _localized(field: str) -> Any:
    return lambda plan, info: getattr(plan, field).get(info.context.locale)


SELLING_PLAN_RESOLVERS: dict[str, dict[str, Any]] = {
    "Product": {"sellingPlanGroups": _groups},
    "ProductVariant": {"sellingPlanAllocations": _allocations},
    "SellingPlanGroup": {
        "appName": lambda group, info: group.app_name,
        "name": _localized("name"),
        "options": lambda group, info: [
            {
                "name": group.option_name.get(info.context.locale),
                "values": [plan.option_value.get(info.context.locale) for plan in group.plans],
            }
        ],
        "sellingPlans": lambda group, info, **args: list_connection(group.plans, args, lambda p: p.id),
    },
    "SellingPlan": {
        "billingPolicy": lambda plan, info: plan.billing,
        "checkoutCharge": lambda plan, info: plan.checkout_charge,
        "deliveryPolicy": lambda plan, info: plan.delivery,
        "description": _localized("description"),
        "id": lambda plan, info: plan.gid,
        "name": _localized("name"),
        "options": lambda plan, info: [
            {
                "name": plan.option_name.get(info.context.locale),
                "value": plan.option_value.get(info.context.locale),
            }
        ],
        "priceAdjustments": lambda plan, info: [{"adjustmentValue": plan.adjustment, "orderCount": None}],
        "recurringDeliveries": lambda plan, info: isinstance(plan.delivery, RecurringDelivery),
    },
    "SellingPlanCheckoutCharge": {
        "type": lambda charge, info: (
            "PERCENTAGE" if isinstance(charge, CheckoutChargePercentage) else "PRICE"
        ),
        "value": lambda charge, info: charge,
    },
    "SellingPlanCheckoutChargePercentageValue": {"percentage": lambda charge, info: float(charge.percentage)},
    "SellingPlanPercentagePriceAdjustment": {
        "adjustmentPercentage": lambda adjustment, info: float(adjustment.percentage)
    },
    "SellingPlanRecurringBillingPolicy": {
        "interval": lambda policy, info: policy.interval,
        "intervalCount": lambda policy, info: policy.interval_count,
    },
    "SellingPlanRecurringDeliveryPolicy": {
        "interval": lambda policy, info: policy.interval,
        "intervalCount": lambda policy, info: policy.interval_count,
    },
    "SellingPlanAllocation": {
        "checkoutChargeAmount": lambda allocation, info: _money(info, _plan_price(allocation, info)),
        "priceAdjustments": _price_adjustments,
        "remainingBalanceChargeAmount": lambda allocation, info: _money(info, Decimal(0)),
        "sellingPlan": lambda allocation, info: allocation.plan,
    },
}

SELLING_PLAN_TYPE_NAMES: dict[type, str] = {
    PercentageOff: "SellingPlanPercentagePriceAdjustment",
    CheckoutChargePercentage: "SellingPlanCheckoutChargePercentageValue",
    RecurringBilling: "SellingPlanRecurringBillingPolicy",
    RecurringDelivery: "SellingPlanRecurringDeliveryPolicy",
}
"""The GraphQL type of each union member record of a selling plan."""


__all__ = ["SELLING_PLAN_RESOLVERS", "SELLING_PLAN_TYPE_NAMES"]
