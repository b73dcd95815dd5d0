"""Shopify's money: `MoneyV2.amount` is a Decimal written the way Shopify writes it ("18.5", "57.0")."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def format_amount(amount: Decimal) -> str:
    """Shopify drops trailing zeros but keeps one decimal: 18.50 → "18.5", 57 → "57.0"."""
    text = f"{amount.quantize(CENT, ROUND_HALF_UP):f}"
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0") or "0"
    return f"{whole}.{fraction}"


def money(amount: Decimal, currency: str) -> dict[str, str]:
    """A `MoneyV2` value."""
    return {"amount": format_amount(amount), "currencyCode": currency}


__all__ = ["CENT", "format_amount", "money"]
