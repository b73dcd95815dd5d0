"""Storefront `shop` and `publicApiVersions`: the shop's own settings, brand and policies.

Brand copy and policies come out in the operation's language; the policies' numbers (return
window, free shipping threshold) are the ones the shop's pages state.
"""

from __future__ import annotations

from typing import Any

from sandbox.shopify.content.records import PolicyRecord
from sandbox.shopify.markets import COUNTRIES, RATES, SHOP_COUNTRY, SHOP_CURRENCY
from sandbox.shopify.store import Store

from .context import Info

API_VERSIONS = [
    ("2025-10", "2025-10", True),
    ("2026-01", "2026-01", True),
    ("2026-04", "2026-04", True),
    ("2026-07", "2026-07 (Latest)", True),
    ("2026-10", "2026-10 (Release candidate)", False),
    ("unstable", "unstable", False),
]
"""The versions the Storefront API listed when the 2026-04 schema was published."""

POLICY_FIELDS = ("privacyPolicy", "refundPolicy", "shippingPolicy", "subscriptionPolicy", "termsOfService")


def resolve_shop(_root: None, info: Info) -> Store:
    return info.context.store


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


def _policy(kind: str) -> Any:
    def resolve(store: Store, info: Info) -> PolicyRecord | None:
        return store.content.policies.get(kind)

    return resolve


def _colors(groups: tuple[tuple[str, str], ...]) -> list[dict[str, str]]:
    return [{"background": background, "foreground": foreground} for background, foreground in groups]


_POLICY_FIELDS: dict[str, Any] = {
    "body": lambda policy, info: policy.body.get(info.context.locale),
    "handle": lambda policy, info: policy.handle,
    "id": lambda policy, info: policy.gid,
    "title": lambda policy, info: policy.title.get(info.context.locale),
    "url": lambda policy, info: f"{info.context.store.url}/policies/{policy.handle}",
}

SHOP_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {
        "shop": resolve_shop,
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
        "brand": lambda store, info: store.content.brand,
        "shipsToCountries": lambda store, info: sorted(COUNTRIES),
        **{kind: _policy(kind) for kind in POLICY_FIELDS},
    },
    "Brand": {
        "colors": lambda brand, info: brand,
        "coverImage": lambda brand, info: brand.cover_image,
        "logo": lambda brand, info: brand.logo,
        "shortDescription": lambda brand, info: brand.short_description.get(info.context.locale),
        "slogan": lambda brand, info: brand.slogan.get(info.context.locale),
        "squareLogo": lambda brand, info: brand.square_logo,
    },
    "BrandColors": {
        "primary": lambda brand, info: _colors(brand.primary_colors),
        "secondary": lambda brand, info: _colors(brand.secondary_colors),
    },
    "ShopPolicy": _POLICY_FIELDS,
    "ShopPolicyWithDefault": _POLICY_FIELDS,
}

__all__ = ["API_VERSIONS", "POLICY_FIELDS", "SHOP_RESOLVERS"]
