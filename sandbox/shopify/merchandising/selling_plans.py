"""The shop's one subscription offer: socks delivered every one, two or three months, for less.

Selling plans belong to a group the merchant attaches to products; the sandbox attaches its
"Subscribe and save" group to every pack of socks. A plan takes a share off the price, charges the
whole (adjusted) price at checkout, and bills and delivers at the same interval.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sandbox.seed import Localized
from sandbox.shopify.ids import gid
from sandbox.shopify.money import CENT
from sandbox.shopify.records import ProductRecord

from .product_facts import kind_of

SELLING_PLAN_ID_BASE = 690_000_000


@dataclass(frozen=True, slots=True)
class PercentageOff:
    """`SellingPlanPercentagePriceAdjustment`."""

    percentage: Decimal


@dataclass(frozen=True, slots=True)
class CheckoutChargePercentage:
    """`SellingPlanCheckoutChargePercentageValue`: the share of the price paid at checkout."""

    percentage: Decimal


@dataclass(frozen=True, slots=True)
class RecurringBilling:
    """`SellingPlanRecurringBillingPolicy`."""

    interval: str
    interval_count: int


@dataclass(frozen=True, slots=True)
class RecurringDelivery:
    """`SellingPlanRecurringDeliveryPolicy`."""

    interval: str
    interval_count: int


@dataclass(frozen=True, slots=True)
class SellingPlanRecord:
    id: int
    gid: str
    name: Localized
    description: Localized
    option_name: Localized
    """The name of the group's option, which the plan gives a value."""
    option_value: Localized
    adjustment: PercentageOff
    checkout_charge: CheckoutChargePercentage
    billing: RecurringBilling
    delivery: RecurringDelivery

    def price(self, price: Decimal) -> Decimal:
        """The price under the plan, rounded to the cent."""
        kept = (100 - self.adjustment.percentage) / 100
        return (price * kept).quantize(CENT, ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class SellingPlanGroupRecord:
    name: Localized
    app_name: str | None
    option_name: Localized
    plans: tuple[SellingPlanRecord, ...]


DELIVERY_EVERY = Localized("Delivery every", "Livraison tous les", "Lieferung alle")


def _plan(position: int, months: int, percentage: int) -> SellingPlanRecord:
    number = SELLING_PLAN_ID_BASE + position
    if months == 1:
        name = Localized("Delivered every month", "Livré chaque mois", "Jeden Monat geliefert")
        value = Localized("1 month", "1 mois", "1 Monat")
    else:
        name = Localized(
            f"Delivered every {months} months",
            f"Livré tous les {months} mois",
            f"Alle {months} Monate geliefert",
        )
        value = Localized(f"{months} months", f"{months} mois", f"{months} Monate")
    description = Localized(
        f"Save {percentage}% on every delivery; skip or cancel any time.",
        f"{percentage} % de remise à chaque livraison ; suspendez ou résiliez quand vous voulez.",
        f"{percentage} % Rabatt auf jede Lieferung; jederzeit aussetzen oder kündigen.",
    )
    return SellingPlanRecord(
        number,
        gid("SellingPlan", number),
        name,
        description,
        DELIVERY_EVERY,
        value,
        PercentageOff(Decimal(percentage)),
        CheckoutChargePercentage(Decimal(100)),
        RecurringBilling("MONTH", months),
        RecurringDelivery("MONTH", months),
    )


SUBSCRIBE_AND_SAVE = SellingPlanGroupRecord(
    name=Localized("Subscribe and save", "Abonnement malin", "Abonnieren und sparen"),
    app_name="Northwind Subscriptions",
    option_name=DELIVERY_EVERY,
    plans=(_plan(1, 1, 10), _plan(2, 2, 10), _plan(3, 3, 15)),
)
SUBSCRIBED_KINDS = frozenset({"SCK"})
"""The kinds the subscription group is attached to, by kind code."""


def selling_plan_groups(product: ProductRecord) -> tuple[SellingPlanGroupRecord, ...]:
    return (SUBSCRIBE_AND_SAVE,) if kind_of(product).word.code in SUBSCRIBED_KINDS else ()


__all__ = [
    "SUBSCRIBE_AND_SAVE",
    "CheckoutChargePercentage",
    "PercentageOff",
    "RecurringBilling",
    "RecurringDelivery",
    "SellingPlanGroupRecord",
    "SellingPlanRecord",
    "selling_plan_groups",
]
