"""How many units of a variant one order may hold.

Socks packs are sold two at a time and caps at most three to an order; everything else takes any
quantity from one, which is the rule Shopify reports when the merchant set none.
"""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.shopify.records import VariantRecord

from .product_facts import kind_code


@dataclass(frozen=True, slots=True)
class QuantityRuleRecord:
    minimum: int
    maximum: int | None
    increment: int


ANY_QUANTITY = QuantityRuleRecord(1, None, 1)
RULES = {"SCK": QuantityRuleRecord(2, None, 2), "CAP": QuantityRuleRecord(1, 3, 1)}
"""The rules the merchant set, by kind code."""


def rule_of(variant: VariantRecord) -> QuantityRuleRecord:
    return RULES.get(kind_code(variant), ANY_QUANTITY)


__all__ = ["ANY_QUANTITY", "RULES", "QuantityRuleRecord", "rule_of"]
