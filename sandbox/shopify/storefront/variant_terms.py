"""The terms a variant sells on: its unit price for goods sold by measure, and its quantity rule."""

from __future__ import annotations

from typing import Any

from sandbox.shopify.merchandising.quantity_rules import QuantityRuleRecord, rule_of
from sandbox.shopify.merchandising.unit_prices import UnitMeasure, measure_of
from sandbox.shopify.money import money
from sandbox.shopify.records import VariantRecord

from .context import Info


def _unit_price(variant: VariantRecord, info: Info) -> dict[str, str] | None:
    """Worked out from the price in the request's market, so it agrees with the price shown."""
    measure = measure_of(variant)
    if measure is None:
        return None
    market = info.context.market
    return money(measure.unit_price(market.convert(variant.price)), market.currency)


def _quantity_rule(variant: VariantRecord, info: Info) -> QuantityRuleRecord:
    return rule_of(variant)


def _unit_measurement(variant: VariantRecord, info: Info) -> UnitMeasure | None:
    return measure_of(variant)


VARIANT_TERMS_RESOLVERS: dict[str, dict[str, Any]] = {
    "ProductVariant": {
        "quantityRule": _quantity_rule,
        "unitPrice": _unit_price,
        "unitPriceMeasurement": _unit_measurement,
    },
    "QuantityRule": {
        "increment": lambda rule, info: rule.increment,
        "maximum": lambda rule, info: rule.maximum,
        "minimum": lambda rule, info: rule.minimum,
    },
    "UnitPriceMeasurement": {
        "measuredType": lambda measure, info: measure.measured_type,
        "quantityUnit": lambda measure, info: measure.quantity_unit,
        "quantityValue": lambda measure, info: float(measure.quantity_value),
        "referenceUnit": lambda measure, info: measure.reference_unit,
        "referenceValue": lambda measure, info: measure.reference_value,
    },
}


__all__ = ["VARIANT_TERMS_RESOLVERS"]
