"""How the Admin API writes money: `Money` scalars with two decimals, `MoneyBag` for order amounts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sandbox.shopify.money import money


def money_scalar(amount: Decimal) -> str:
    """The `Money` scalar (`ProductVariant.price`): a decimal string with two places, "19.90"."""
    return f"{amount:.2f}"


def money_bag(amount: Decimal, currency: str) -> dict[str, Any]:
    """A `MoneyBag`: the sandbox sells in the shop currency, so both sides are the same."""
    value = money(amount, currency)
    return {"shopMoney": value, "presentmentMoney": value}


__all__ = ["money_bag", "money_scalar"]
