"""MoneyV2: an amount with its currency, as the Storefront API returns prices."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from gateway.models import catalog

from .locale_codes import CurrencyCode


@strawberry.type(name="MoneyV2", description="A monetary value with currency.")
class MoneyV2:
    amount: Decimal = strawberry.field(description="Decimal money amount.")
    currency_code: CurrencyCode = strawberry.field(description="Currency of the money.")

    @classmethod
    def from_model(cls, money: catalog.Money) -> MoneyV2:
        return cls(amount=money.amount, currency_code=CurrencyCode(money.currency_code))


__all__ = ["MoneyV2"]
