"""`localization` of the Storefront emulator: countries, their languages, currencies and markets.

The active country and language follow `@inContext`; every country names the market it sells in,
and a market's global id resolves through `node(id:)`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from sandbox.seed import generate
from sandbox.shopify.markets import COUNTRIES
from sandbox.shopify.storefront.localization import MARKETS

from .sandbox_client import ShopifySandbox, running

STOREFRONT_LOCALIZATION = """
query Localization($country: CountryCode, $language: LanguageCode) @inContext(country: $country, language: $language) {
  localization {
    availableCountries {
      isoCode
      name
      unitSystem
      currency { isoCode name symbol }
      availableLanguages { isoCode endonymName }
      defaultLanguage { isoCode }
      market { id handle }
    }
    availableLanguages { isoCode name endonymName }
    country { isoCode currency { isoCode } market { handle } }
    language { isoCode name }
    market { id handle }
  }
}
"""
STOREFRONT_MARKET_NODE = """
query MarketNode($id: ID!) { node(id: $id) { __typename id ... on Market { handle } } }
"""


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(10)) as sandbox:
        yield sandbox


@pytest.mark.parametrize(
    ("country", "language", "market", "currency"),
    [
        (None, None, "germany", "EUR"),
        ("DE", "DE", "germany", "EUR"),
        ("FR", "FR", "european-union", "EUR"),
        ("US", "EN", "united-states", "USD"),
        ("GB", "EN", "united-kingdom", "GBP"),
        ("CH", "DE", "international", "CHF"),
        ("JP", "FR", "germany", "EUR"),
    ],
)
async def test_the_active_country_language_and_market_follow_in_context(
    shop: ShopifySandbox, country: str | None, language: str | None, market: str, currency: str
) -> None:
    # when
    reply = await shop.storefront(STOREFRONT_LOCALIZATION, {"country": country, "language": language})

    # then
    localization = reply.data["localization"]
    active = localization["country"]
    assert active["isoCode"] == (country if country in COUNTRIES else "DE")
    assert active["currency"]["isoCode"] == currency
    assert active["market"]["handle"] == market
    assert localization["market"]["handle"] == market
    assert localization["language"]["isoCode"] == (language or "EN")


async def test_every_country_has_its_languages_currency_and_market(shop: ShopifySandbox) -> None:
    # when
    reply = await shop.storefront(STOREFRONT_LOCALIZATION, {})

    # then
    countries = reply.data["localization"]["availableCountries"]
    assert [c["isoCode"] for c in countries] == sorted(COUNTRIES)
    assert all({lang["isoCode"] for lang in c["availableLanguages"]} == {"EN", "FR", "DE"} for c in countries)
    assert {c["market"]["id"] for c in countries} == {market.gid for market in MARKETS}
    by_code = {c["isoCode"]: c for c in countries}
    assert by_code["US"]["unitSystem"] == "IMPERIAL_SYSTEM"
    assert by_code["FR"]["unitSystem"] == "METRIC_SYSTEM"
    assert by_code["CH"]["currency"] == {"isoCode": "CHF", "name": "Swiss Franc", "symbol": "CHF"}
    assert by_code["BE"]["defaultLanguage"] == {"isoCode": "FR"}
    assert reply.data["localization"]["availableLanguages"] == [
        {"isoCode": "EN", "name": "English", "endonymName": "English"},
        {"isoCode": "FR", "name": "French", "endonymName": "français"},
        {"isoCode": "DE", "name": "German", "endonymName": "Deutsch"},
    ]


async def test_a_market_resolves_by_its_global_id(shop: ShopifySandbox) -> None:
    # given
    market = MARKETS[2]

    # when
    node = (await shop.storefront(STOREFRONT_MARKET_NODE, {"id": market.gid})).data["node"]
    unknown = (await shop.storefront(STOREFRONT_MARKET_NODE, {"id": "gid://shopify/Market/1"})).data["node"]

    # then
    assert node == {"__typename": "Market", "id": market.gid, "handle": "united-states"}
    assert unknown is None
