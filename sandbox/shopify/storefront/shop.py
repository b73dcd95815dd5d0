"""Storefront `shop`, `localization`, `menu` and `publicApiVersions`: the shop's own settings."""

from __future__ import annotations

from typing import Any

from sandbox.shopify.markets import (
    COUNTRIES,
    CURRENCY_NAMES,
    RATES,
    SHOP_COUNTRY,
    SHOP_CURRENCY,
)
from sandbox.shopify.store import MenuItemRecord, MenuRecord, Store

from .context import LOCALES, Info

API_VERSIONS = [
    ("2025-10", "2025-10", True),
    ("2026-01", "2026-01", True),
    ("2026-04", "2026-04", True),
    ("2026-07", "2026-07 (Latest)", True),
    ("2026-10", "2026-10 (Release candidate)", False),
    ("unstable", "unstable", False),
]
"""The versions the Storefront API listed when the 2026-04 schema was published."""

LANGUAGES = {
    "EN": ("English", "English"),
    "FR": ("French", "français"),
    "DE": ("German", "Deutsch"),
}


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
    }


def resolve_shop(_root: None, info: Info) -> Store:
    return info.context.store


def resolve_localization(_root: None, info: Info) -> dict[str, Any]:
    ctx = info.context
    return {
        "availableCountries": [_country(code) for code in sorted(COUNTRIES)],
        "availableLanguages": [_language(language) for language in LOCALES],
        "country": _country(ctx.market.country),
        "language": _language(ctx.language),
    }


def resolve_menu(_root: None, info: Info, handle: str) -> MenuRecord | None:
    ctx = info.context
    ctx.require_token("menu", "unauthenticated_read_content")
    return ctx.store.menus.get(handle)


def resolve_api_versions(_root: None, info: Info) -> list[dict[str, Any]]:
    return [{"handle": h, "displayName": d, "supported": s} for h, d, s in API_VERSIONS]


def _payment_settings(store: Store, info: Info) -> dict[str, Any]:
    return {
        "acceptedCardBrands": ["VISA", "MASTERCARD", "AMERICAN_EXPRESS"],
        "cardVaultUrl": "https://elb.deposit.shopifycs.com/sessions",
        "countryCode": SHOP_COUNTRY,
        "currencyCode": SHOP_CURRENCY,
        "enabledPresentmentCurrencies": sorted(RATES),
        "shopifyPaymentsAccountId": None,
        "supportedDigitalWallets": ["APPLE_PAY", "GOOGLE_PAY", "SHOPIFY_PAY"],
    }


def _menu_item_resource(item: MenuItemRecord, info: Info) -> Any:
    return item.resource


SHOP_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {
        "shop": resolve_shop,
        "localization": resolve_localization,
        "menu": resolve_menu,
        "publicApiVersions": resolve_api_versions,
    },
    "Shop": {
        "id": lambda store, info: store.shop_gid,
        "name": lambda store, info: store.shop.name,
        "description": lambda store, info: store.shop.description,
        "moneyFormat": lambda store, info: "€{{amount_with_comma_separator}}",
        "primaryDomain": lambda store, info: {
            "host": store.shop.domain,
            "sslEnabled": True,
            "url": store.url,
        },
        "paymentSettings": _payment_settings,
        "brand": lambda store, info: {
            "logo": None,
            "shortDescription": store.shop.description,
            "slogan": None,
        },
        "shipsToCountries": lambda store, info: sorted(COUNTRIES),
    },
    "Menu": {
        "id": lambda menu, info: menu.gid,
        "items": lambda menu, info: menu.items,
        "itemsCount": lambda menu, info: len(menu.items),
    },
    "MenuItem": {
        "id": lambda item, info: item.gid,
        "items": lambda item, info: [],
        "resource": _menu_item_resource,
        "resourceId": lambda item, info: item.resource.gid if item.resource else None,
        "tags": lambda item, info: [],
    },
}

__all__ = ["API_VERSIONS", "SHOP_RESOLVERS"]
