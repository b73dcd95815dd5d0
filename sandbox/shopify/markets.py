"""The shop's markets: which currency and language a buyer's country gets, at fixed exchange rates.

The shop sells in EUR. `@inContext(country:)` switches every price to the country's currency at the
rates below (fixed so that tests and demos are reproducible), rounded half-up to the cent, as a
Shopify market with automatic conversion and no rounding rules does. Countries the shop does not
sell to fall back to the primary market (EUR), like Shopify does.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .money import CENT

SHOP_CURRENCY = "EUR"

RATES: dict[str, Decimal] = {
    "EUR": Decimal(1),
    "USD": Decimal("1.08"),
    "GBP": Decimal("0.85"),
    "CHF": Decimal("0.95"),
    "CAD": Decimal("1.47"),
    "AUD": Decimal("1.62"),
    "SEK": Decimal("11.2"),
    "DKK": Decimal("7.46"),
    "NOK": Decimal("11.5"),
    "PLN": Decimal("4.3"),
}
"""Units of each currency for one euro."""

COUNTRIES: dict[str, tuple[str, str, str]] = {
    # code: (name, currency, default language); the euro area first, then the other markets.
    "AT": ("Austria", "EUR", "DE"), "BE": ("Belgium", "EUR", "FR"), "CY": ("Cyprus", "EUR", "EN"),
    "DE": ("Germany", "EUR", "DE"), "EE": ("Estonia", "EUR", "EN"), "ES": ("Spain", "EUR", "EN"),
    "FI": ("Finland", "EUR", "EN"), "FR": ("France", "EUR", "FR"), "GR": ("Greece", "EUR", "EN"),
    "HR": ("Croatia", "EUR", "EN"), "IE": ("Ireland", "EUR", "EN"), "IT": ("Italy", "EUR", "EN"),
    "LT": ("Lithuania", "EUR", "EN"), "LU": ("Luxembourg", "EUR", "FR"), "LV": ("Latvia", "EUR", "EN"),
    "MT": ("Malta", "EUR", "EN"), "NL": ("Netherlands", "EUR", "EN"), "PT": ("Portugal", "EUR", "EN"),
    "SI": ("Slovenia", "EUR", "EN"), "SK": ("Slovakia", "EUR", "EN"),
    "US": ("United States", "USD", "EN"), "GB": ("United Kingdom", "GBP", "EN"),
    "CH": ("Switzerland", "CHF", "DE"), "CA": ("Canada", "CAD", "EN"), "AU": ("Australia", "AUD", "EN"),
    "SE": ("Sweden", "SEK", "EN"), "DK": ("Denmark", "DKK", "EN"), "NO": ("Norway", "NOK", "EN"),
    "PL": ("Poland", "PLN", "EN"),
}  # fmt: skip

SHOP_COUNTRY = "DE"
"""The shop's own country: the market of a request without `@inContext(country:)`."""

CURRENCY_NAMES = {
    "EUR": ("Euro", "€"),
    "USD": ("US Dollar", "$"),
    "GBP": ("British Pound", "£"),
    "CHF": ("Swiss Franc", "CHF"),
    "CAD": ("Canadian Dollar", "$"),
    "AUD": ("Australian Dollar", "$"),
    "SEK": ("Swedish Krona", "kr"),
    "DKK": ("Danish Krone", "kr."),
    "NOK": ("Norwegian Krone", "kr"),
    "PLN": ("Polish Złoty", "zł"),
}


@dataclass(frozen=True, slots=True)
class Market:
    """The prices a buyer from one country sees."""

    country: str
    currency: str
    rate: Decimal

    def convert(self, amount: Decimal) -> Decimal:
        if self.rate == 1:
            return amount
        return (amount * self.rate).quantize(CENT, ROUND_HALF_UP)

    def to_shop_currency(self, amount: Decimal) -> Decimal:
        """The EUR amount of a price given in this market's currency (price filters)."""
        return amount if self.rate == 1 else amount / self.rate


def market_for(country: str | None) -> Market:
    """The market of a `CountryCode`; countries the shop does not sell to get the primary market."""
    code = country if country in COUNTRIES else SHOP_COUNTRY
    currency = COUNTRIES[code][1]
    return Market(code, currency, RATES[currency])


__all__ = [
    "COUNTRIES",
    "CURRENCY_NAMES",
    "RATES",
    "SHOP_COUNTRY",
    "SHOP_CURRENCY",
    "Market",
    "market_for",
]
