"""Storefront `localization`: the countries the shop sells to, their languages, currencies and markets.

Every country belongs to one of the shop's markets (Shopify's deprecated `Country.market` and
`Localization.market` still name it); the active country and language are the operation's
`@inContext` ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sandbox.shopify.ids import gid
from sandbox.shopify.markets import COUNTRIES, CURRENCY_NAMES, SHOP_COUNTRY

from .context import LOCALES, Info

LANGUAGES = {
    "EN": ("English", "English"),
    "FR": ("French", "français"),
    "DE": ("German", "Deutsch"),
}
"""English name and endonym of each shop language."""

MARKET_ID_BASE = 1_840_000_000


@dataclass(frozen=True, slots=True)
class MarketRecord:
    id: int
    gid: str
    handle: str


def _market(index: int, handle: str) -> MarketRecord:
    return MarketRecord(MARKET_ID_BASE + index, gid("Market", MARKET_ID_BASE + index), handle)


PRIMARY_MARKET = _market(0, "germany")
MARKETS = (
    PRIMARY_MARKET,
    _market(1, "european-union"),
    _market(2, "united-states"),
    _market(3, "united-kingdom"),
    _market(4, "international"),
)
"""The shop's markets, the primary one (its own country) first."""

_MARKET_OF_CURRENCY = {"EUR": MARKETS[1], "USD": MARKETS[2], "GBP": MARKETS[3]}


def market_of(country: str) -> MarketRecord:
    """The market a country sells in: its own for the shop's country, else by its currency."""
    if country == SHOP_COUNTRY:
        return PRIMARY_MARKET
    return _MARKET_OF_CURRENCY.get(COUNTRIES[country][1], MARKETS[4])


def _language(code: str) -> dict[str, str]:
    name, endonym = LANGUAGES[code]
    return {"isoCode": code, "name": name, "endonymName": endonym}


def _country(code: str) -> dict[str, Any]:
    name, currency, default_language = COUNTRIES[code]
    currency_name, symbol = CURRENCY_NAMES[currency]
    return {
        "isoCode": code,
        "name": name,
        "currency": {"isoCode": currency, "name": currency_name, "symbol": symbol},
        "unitSystem": "IMPERIAL_SYSTEM" if code in ("US", "GB") else "METRIC_SYSTEM",
        "availableLanguages": [_language(language) for language in LOCALES],
        "defaultLanguage": _language(default_language),
        "market": market_of(code),
    }


def resolve_localization(_root: None, info: Info) -> dict[str, Any]:
    ctx = info.context
    return {
        "availableCountries": [_country(code) for code in sorted(COUNTRIES)],
        "availableLanguages": [_language(language) for language in LOCALES],
        "country": _country(ctx.market.country),
        "language": _language(ctx.language),
        "market": market_of(ctx.market.country),
    }


def market_node(number: int | None) -> MarketRecord | None:
    """The market a `gid://shopify/Market/…` number names, for `node(id:)`."""
    return next((market for market in MARKETS if market.id == number), None)


LOCALIZATION_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {"localization": resolve_localization},
    "Market": {
        "id": lambda market, info: market.gid,
        "handle": lambda market, info: market.handle,
    },
}

__all__ = ["LANGUAGES", "LOCALIZATION_RESOLVERS", "MARKETS", "MarketRecord", "market_node", "market_of"]
