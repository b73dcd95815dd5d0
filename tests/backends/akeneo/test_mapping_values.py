"""How values of the PIM reach shoppers as text: media names, prices, multi-selects.

Products start from the recorded search answer, edited the way Akeneo answers for the attribute
type at hand, and are read as the connector reads them (checked against the attribute types, then
mapped). Media names are also checked against the emulator, through the connector.
"""

from __future__ import annotations

from typing import Any

import pytest

from gateway.backends.akeneo.client import AkeneoContent
from gateway.backends.akeneo.content_mapping import Structure
from gateway.backends.akeneo.media_code import original_name
from sandbox.runner import Sandbox

from .recordings import LOCALES
from .test_content_mapping import SEEDED, attribute, content_of, item, mapped, structure

PRICE = "pim_catalog_price_collection"
MULTI = "pim_catalog_multiselect"


def typed(**types: str) -> Structure:
    """The recorded structure with the attributes `types` names added."""
    pim = structure()
    return Structure(
        {**pim.attribute_types, **types}, pim.attribute_labels, pim.attribute_order, pim.category_labels
    )


def with_values(**data: Any) -> dict[str, Any]:
    product = item()
    for code, value in data.items():
        product["values"][code] = [{"locale": None, "scope": None, **value}]
    return product


def shown(product: dict[str, Any], pim: Structure, code: str) -> dict[str, str] | None:
    content = content_of(product, pim)
    found = [a for a in content.attributes if a.code == code]
    return dict(found[0].value.values) if found else None


# --- media ---------------------------------------------------------------------------------------------


def test_media_carry_the_files_original_name_not_the_stored_one() -> None:
    content = mapped(item())

    assert [m.filename for m in content.media] == [m.filename for m in SEEDED.media]
    assert content.media[0].filename == "nordic-organic-cotton-t-shirt-1.jpg"


@pytest.mark.parametrize(
    ("code", "name"),
    [
        (f"3/8/6/e/386e{'0' * 36}_tee-1.jpg", "tee-1.jpg"),
        (f"a/b/c/d/abcd{'0' * 36}_with_underscores_.png", "with_underscores_.png"),
        ("no-hash-prefix.jpg", "no-hash-prefix.jpg"),  # not Akeneo's grammar: the segment as it is
        (f"1/2/3/4/{'1234' + '0' * 35}_short-hash.jpg", f"{'1234' + '0' * 35}_short-hash.jpg"),
    ],
    ids=["akeneo code", "underscores in the name", "no prefix", "39-digit prefix"],
)
def test_the_original_name_is_the_code_without_its_hash(code: str, name: str) -> None:
    assert original_name(code) == name


async def test_media_names_from_the_emulator_are_its_original_filenames(
    emulator: Sandbox, content: AkeneoContent
) -> None:
    product = emulator.world.products[0]

    found = await content.content_by_skus([product.variants[0].sku])

    media = found[product.variants[0].sku].media
    assert [(m.code, m.filename) for m in media] == [(m.code, m.filename) for m in product.content.media]


# --- prices --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prices", "text"),
    [
        ([{"amount": "15.50", "currency": "EUR"}], "15.50 EUR"),
        ([{"amount": "15.5000", "currency": "EUR"}], "15.50 EUR"),
        ([{"amount": "15", "currency": "EUR"}], "15.00 EUR"),
        ([{"amount": 9.9, "currency": "USD"}], "9.90 USD"),
        ([{"amount": "0.125", "currency": "BHD"}], "0.125 BHD"),
        (
            [{"amount": "15.50", "currency": "EUR"}, {"amount": "17.00", "currency": "USD"}],
            "15.50 EUR / 17.00 USD",
        ),
        # a currency without an amount (Akeneo keeps one per activated currency) is no price
        ([{"amount": None, "currency": "USD"}, {"amount": "15.50", "currency": "EUR"}], "15.50 EUR"),
    ],
    ids=["two decimals", "four decimals", "whole", "number", "three decimals", "several", "no amount"],
)
def test_prices_show_as_amounts_and_currencies(prices: list[dict[str, Any]], text: str) -> None:
    product = with_values(price={"data": prices})

    assert shown(product, typed(price=PRICE), "price") == dict.fromkeys(LOCALES, text)


@pytest.mark.parametrize(
    "prices",
    [[], [{"amount": None, "currency": "EUR"}], [{"amount": "", "currency": "EUR"}]],
    ids=["no prices", "no amount", "blank amount"],
)
def test_a_price_collection_without_prices_is_no_attribute(prices: list[dict[str, Any]]) -> None:
    assert shown(with_values(price={"data": prices}), typed(price=PRICE), "price") is None


def test_a_price_that_is_not_one_is_a_value_error() -> None:
    product = with_values(price={"data": [{"amount": "1.00"}]})

    with pytest.raises(ValueError, match=r"price\[0\].data should be a list of prices"):
        content_of(product, typed(price=PRICE))


# --- multi-selects -------------------------------------------------------------------------------------


def option(code: str, **labels: str) -> dict[str, Any]:
    return {"attribute": "seasons", "code": code, "labels": labels}


def test_an_empty_multi_select_is_no_attribute() -> None:
    product = with_values(seasons={"data": []})

    assert shown(product, typed(seasons=MULTI), "seasons") is None


def test_multi_select_options_show_their_labels_in_each_locale() -> None:
    linked = {
        "spring": option("spring", en_US="Spring", fr_FR="Printemps", de_DE="Frühling"),
        "summer": option("summer", en_US="Summer", fr_FR="Été"),  # no German label
    }
    product = with_values(seasons={"data": ["spring", "summer"], "linked_data": linked})

    assert shown(product, typed(seasons=MULTI), "seasons") == {
        "en_US": "Spring, Summer",
        "fr_FR": "Printemps, Été",
        "de_DE": "Frühling, summer",
    }


def test_a_multi_select_option_without_linked_data_shows_its_code() -> None:
    linked = {"spring": option("spring", en_US="Spring")}
    product = with_values(seasons={"data": ["spring", "winter"], "linked_data": linked})

    assert shown(product, typed(seasons=MULTI), "seasons") == {
        "en_US": "Spring, winter",
        "fr_FR": "spring, winter",
        "de_DE": "spring, winter",
    }


def test_a_simple_selects_linked_data_is_still_one_option() -> None:
    linked = {"attribute": "material", "code": "wool", "labels": {"en_US": "Wool", "fr_FR": "Laine"}}
    product = with_values(material={"data": "wool", "linked_data": linked})

    assert attribute(content_of(product, structure()), "material") == {
        "en_US": "Wool",
        "fr_FR": "Laine",
        "de_DE": "wool",
    }
