"""`@inContext(country:, language:)`: prices in the market's currency, texts in the language."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import ROUND_HALF_UP, Decimal

import pytest

from sandbox.seed import generate
from sandbox.shopify.markets import RATES
from tests.sandbox.shopify.operations import document

from .sandbox_client import ShopifySandbox, running

PRODUCT_BY_HANDLE = document("storefront", "ProductByHandle")

STOREFRONT_LOCALIZED_LITERALS = """
query Localized @inContext(country: GB, language: DE) {
  localization { country { isoCode } language { isoCode } }
  products(first: 1) { nodes { title priceRange { minVariantPrice { currencyCode } } } }
}
"""


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(40)) as sandbox:
        yield sandbox


@pytest.mark.parametrize(
    ("country", "currency"),
    [
        (None, "EUR"),
        ("DE", "EUR"),
        ("FR", "EUR"),
        ("US", "USD"),
        ("GB", "GBP"),
        ("CH", "CHF"),
        ("CA", "CAD"),
        ("JP", "EUR"),
    ],
)
async def test_country_sets_the_currency_of_every_price(
    shop: ShopifySandbox, country: str | None, currency: str
) -> None:
    # given
    product = next(p for p in shop.world.products if p.published)
    rate = RATES[currency]

    # when
    reply = await shop.storefront(PRODUCT_BY_HANDLE, {"handle": product.handle, "country": country})

    # then
    got = reply.data["product"]
    variant = got["variants"]["nodes"][0]
    expected = (product.variants[0].price * rate).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert Decimal(variant["price"]["amount"]) == expected
    assert variant["price"]["currencyCode"] == currency
    assert got["priceRange"]["minVariantPrice"]["currencyCode"] == currency
    assert got["compareAtPriceRange"]["maxVariantPrice"]["currencyCode"] == currency


@pytest.mark.parametrize(
    ("language", "locale"), [("EN", "en_US"), ("FR", "fr_FR"), ("DE", "de_DE"), ("ES", "en_US")]
)
async def test_language_translates_titles_and_descriptions(
    shop: ShopifySandbox, language: str, locale: str
) -> None:
    product = next(p for p in shop.world.products if p.published)
    reply = await shop.storefront(PRODUCT_BY_HANDLE, {"handle": product.handle, "language": language})
    got = reply.data["product"]
    assert got["title"] == product.title.get(locale)
    assert got["description"] == product.description.get(locale)
    assert got["handle"] == product.handle  # handles are never translated


async def test_option_names_and_values_follow_the_language(shop: ShopifySandbox) -> None:
    product = next(p for p in shop.world.products if p.published and " / " in p.variants[0].title)
    got = (await shop.storefront(PRODUCT_BY_HANDLE, {"handle": product.handle, "language": "FR"})).data[
        "product"
    ]
    assert [o["name"] for o in got["options"]] == ["Couleur", "Taille"]
    variant = got["variants"]["nodes"][0]
    assert variant["selectedOptions"][0] == {"name": "Couleur", "value": product.variants[0].colour.fr}
    assert variant["title"] == f"{product.variants[0].colour.fr} / {product.variants[0].size}"


async def test_literal_in_context_arguments(shop: ShopifySandbox) -> None:
    data = (await shop.storefront(STOREFRONT_LOCALIZED_LITERALS)).data
    assert data["localization"] == {"country": {"isoCode": "GB"}, "language": {"isoCode": "DE"}}
    assert data["products"]["nodes"][0]["priceRange"]["minVariantPrice"]["currencyCode"] == "GBP"
    first = min((p for p in shop.world.products if p.published), key=lambda p: p.id)
    assert data["products"]["nodes"][0]["title"] == first.title.de_DE
