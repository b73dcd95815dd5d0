"""Goods sold by measure: socks come in packs of three pairs, so their unit price is per pair.

EU shops must show a unit price next to the price of such goods; Shopify serves it as
`ProductVariant.unitPrice` with the `unitPriceMeasurement` it was worked out from.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sandbox.shopify.money import CENT
from sandbox.shopify.records import VariantRecord

from .product_facts import kind_code


@dataclass(frozen=True, slots=True)
class UnitMeasure:
    measured_type: str
    """`UnitPriceMeasurementMeasuredType`."""
    quantity_unit: str
    """`UnitPriceMeasurementMeasuredUnit` of what one variant holds."""
    quantity_value: Decimal
    reference_unit: str
    reference_value: int

    def unit_price(self, price: Decimal) -> Decimal:
        """The price of `reference_value` reference units, rounded to the cent."""
        return (price * self.reference_value / self.quantity_value).quantize(CENT, ROUND_HALF_UP)


SOLD_BY_MEASURE = {"SCK": UnitMeasure("COUNT", "ITEM", Decimal(3), "ITEM", 1)}
"""The kinds sold by measure, by kind code."""


def measure_of(variant: VariantRecord) -> UnitMeasure | None:
    return SOLD_BY_MEASURE.get(kind_code(variant))


__all__ = ["SOLD_BY_MEASURE", "UnitMeasure", "measure_of"]
