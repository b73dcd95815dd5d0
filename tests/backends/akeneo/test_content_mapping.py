"""Akeneo product JSON to `ProductContent`, on answers recorded from the emulator.

Each product is read as the connector reads it: checked by `answers.Product` against the PIM's
attribute types, then mapped.

The structure (attribute types, labels and order, category labels) is built from the recorded
attribute and category lists, as the connector builds it; products start from the recorded search
answer and are edited, for an edge case, the way Akeneo would answer in that case: values in other
locales and channels, empty data, other attribute types. Expected texts come from the seeded world.
"""

from __future__ import annotations

from typing import Any

import pytest

from gateway.backends.akeneo.answers import Product
from gateway.backends.akeneo.content_mapping import Structure, product_content
from gateway.models.content import Localized, ProductContent, Reading
from sandbox.seed import generate

from .recordings import LOCALES, SCOPE, SIZE, load

WORLD = generate(SIZE)
PRODUCT = WORLD.products[0]
SEEDED = PRODUCT.content

Item = dict[str, Any]


def structure(identifier: str = "sku") -> Structure:
    attributes = load("attributes").body["_embedded"]["items"]
    categories = load("categories").body["_embedded"]["items"]
    return Structure(
        attribute_types={a["code"]: a["type"] for a in attributes},
        attribute_labels={a["code"]: a["labels"] for a in attributes},
        attribute_order={a["code"]: a["sort_order"] for a in attributes},
        category_labels={c["code"]: c["labels"] for c in categories},
        identifier=identifier,
    )


def item(sku: str | None = None) -> Item:
    """A recorded product (the first product's first variant, unless `sku` names another)."""
    items: list[Item] = load("products").body["_embedded"]["items"]
    wanted = sku or PRODUCT.variants[0].sku
    return next(i for i in items if i["values"]["sku"][0]["data"] == wanted)


def content_of(
    product: Any, pim: Structure, *, scope: str = SCOPE, locales: tuple[str, ...] = LOCALES
) -> ProductContent:
    checked = Product.model_validate(product, strict=True, context=pim.attribute_types)
    return product_content(checked, pim, scope=scope, locales=locales)


def mapped(product: Item, *, scope: str = SCOPE, locales: tuple[str, ...] = LOCALES) -> ProductContent:
    return content_of(product, structure(), scope=scope, locales=locales)


def attribute(content: ProductContent, code: str) -> dict[str, str]:
    found = next(a for a in content.attributes if a.code == code)
    return dict(found.value.values)


def every_locale(text: str) -> dict[str, str]:
    return dict.fromkeys(LOCALES, text)


# --- a recorded product --------------------------------------------------------------------------------


def test_a_recorded_product_maps_every_part() -> None:
    content = mapped(item())
    variant = PRODUCT.variants[0]

    assert (content.sku, content.uuid) == (variant.sku, variant.akeneo_uuid)
    assert content.name.values == {loc: SEEDED.name.get(loc) for loc in LOCALES}
    assert content.description.values == {loc: SEEDED.description.get(loc) for loc in LOCALES}
    assert content.features == {loc: tuple(f.get(loc) for f in SEEDED.features) for loc in LOCALES}
    assert content.updated_at is not None
    assert content.updated_at.tzinfo is not None


def test_attributes_come_in_the_pims_order_with_their_labels_and_display_values() -> None:
    content = mapped(item())
    variant = PRODUCT.variants[0]

    assert [a.code for a in content.attributes] == [
        "material",
        "care",
        "dimensions",
        "weight",
        "color",
        "size",
    ]
    material = content.attributes[0]
    assert material.label.values == {"en_US": "Material", "fr_FR": "Matière", "de_DE": "Material"}
    assert material.value.values == {
        "en_US": SEEDED.material.en,
        "fr_FR": SEEDED.material.fr,
        "de_DE": SEEDED.material.de,
    }
    assert attribute(content, "care") == {loc: SEEDED.care.get(loc) for loc in LOCALES}
    assert attribute(content, "dimensions") == every_locale(SEEDED.dimensions)
    assert attribute(content, "weight") == every_locale(f"{variant.weight_g} g")
    assert attribute(content, "color")["fr_FR"] == variant.colour.fr


def test_images_are_media_served_by_the_gateway_not_attributes() -> None:
    content = mapped(item())

    assert [m.code for m in content.media] == [m.code for m in SEEDED.media]
    assert all(m.download_path == f"/media/akeneo/{m.code}" for m in content.media)
    assert not {"packshot", "image_2", "image_3"} & {a.code for a in content.attributes}


def test_categories_leave_out_the_root_and_carry_their_labels() -> None:
    content = mapped(item())

    assert [c.code for c in content.categories] == [c for c in SEEDED.categories if c != "master"]
    assert content.categories[0].label.values["fr_FR"] == "Hauts"


def test_labels_are_built_once_and_shared_by_every_product() -> None:
    shared = structure()
    first = content_of(item(), shared)
    second = content_of(item(PRODUCT.variants[1].sku), shared)

    assert first.attributes[0].label is second.attributes[0].label
    assert first.categories[0] is second.categories[0]


# --- locales and scopes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        # (locale, scope) is preferred to the same locale without a scope ...
        ([("en_US", None, "any channel"), ("en_US", SCOPE, "this channel")], {"en_US": "this channel"}),
        # ... then the locale without a scope, then the channel without a locale, then neither
        ([("en_US", None, "any channel")], {"en_US": "any channel"}),
        ([(None, SCOPE, "every language")], every_locale("every language")),
        ([(None, None, "everywhere")], every_locale("everywhere")),
        # a value for another channel is not a value for this one
        ([("en_US", "mobile", "small screens")], {}),
    ],
    ids=["locale and scope", "locale", "scope", "neither", "other channel"],
)
def test_values_fall_back_as_akeneo_does(
    entries: list[tuple[str | None, str | None, str]], expected: dict[str, str]
) -> None:
    product = item()
    product["values"]["description"] = [{"locale": loc, "scope": sc, "data": d} for loc, sc, d in entries]

    assert mapped(product).description.values == expected


def test_another_channel_reads_its_own_scoped_values() -> None:
    product = item()
    product["values"]["description"].append({"locale": "en_US", "scope": "mobile", "data": "Short."})

    assert mapped(product, scope="mobile").description.values == {"en_US": "Short."}


def test_a_localizable_attribute_shows_only_in_the_locales_it_has() -> None:
    product = item()
    product["values"]["care"] = [{"locale": "fr_FR", "scope": None, "data": "Lavage à 30 °C."}]

    assert attribute(mapped(product), "care") == {"fr_FR": "Lavage à 30 °C."}


def test_only_the_requested_locales_are_mapped() -> None:
    content = mapped(item(), locales=("de_DE",))

    assert content.name.values == {"de_DE": SEEDED.name.de_DE}
    assert set(content.features) == {"de_DE"}
    assert all(set(a.value.values) == {"de_DE"} for a in content.attributes)


# --- one preferred locale ------------------------------------------------------------------------------


def preferred(product: Item, locale: str, default_locale: str = "en_US") -> ProductContent:
    checked = Product.model_validate(product, strict=True, context=structure().attribute_types)
    return product_content(
        checked, structure(), scope=SCOPE, locales=LOCALES, reading=Reading(locale, default_locale)
    )


def read_in(content: ProductContent, locale: str, default_locale: str = "en_US") -> dict[str, Any]:
    """What a request in `locale` is shown of `content` (as `schema.catalog.content` reads it)."""
    return {
        "name": content.name.get(locale, default_locale),
        "description": content.description.get(locale, default_locale),
        "features": content.features_in(locale, default_locale),
        "attributes": [
            (a.code, a.label.get(locale, default_locale), a.value.get(locale, default_locale))
            for a in content.attributes
        ],
        "media": content.media,
        "categories": [(c.code, c.label.get(locale, default_locale)) for c in content.categories],
        "updated_at": content.updated_at,
    }


def sparse() -> Item:
    """A product whose texts are missing in some locales: the fallbacks all come into play."""
    product = item()
    product["values"]["name"] = [{"locale": "de_DE", "scope": None, "data": "Nur Deutsch"}]
    product["values"]["description"] = [
        {"locale": "en_US", "scope": SCOPE, "data": "English only."},
        {"locale": "fr_FR", "scope": SCOPE, "data": ""},
    ]
    product["values"]["features"] = [{"locale": "de_DE", "scope": None, "data": "- Nur hier"}]
    product["values"]["care"] = [{"locale": "fr_FR", "scope": None, "data": "Lavage à 30 °C."}]
    return product


@pytest.mark.parametrize("product", [item(), sparse()], ids=["recorded", "sparse"])
@pytest.mark.parametrize("locale", LOCALES)
def test_read_in_a_preferred_locale_the_content_shows_what_every_locale_shows(
    product: Item, locale: str
) -> None:
    assert read_in(preferred(product, locale), locale) == read_in(mapped(product), locale)


def test_a_preferred_locale_holds_each_text_under_that_locale_alone() -> None:
    content = preferred(sparse(), "fr_FR")

    assert content.name.values == {"fr_FR": "Nur Deutsch"}  # neither French nor English: any locale
    assert content.description.values == {"fr_FR": "English only."}  # the default locale's
    assert content.features == {}  # bullets fall back to the default locale only
    assert attribute(content, "care") == {"fr_FR": "Lavage à 30 °C."}
    assert all(set(a.value.values) == {"fr_FR"} for a in content.attributes)


@pytest.mark.parametrize("empty", [None, ""])
def test_empty_values_are_left_out(empty: str | None) -> None:
    product = item()
    product["values"]["name"] = [{"locale": "en_US", "scope": None, "data": empty}]
    product["values"]["care"] = [{"locale": loc, "scope": None, "data": empty} for loc in LOCALES]

    content = mapped(product)

    assert content.name.values == {}
    assert "care" not in {a.code for a in content.attributes}


def test_a_product_without_some_attributes_maps_the_rest() -> None:
    product = item()
    for code in ("description", "features", "material", "packshot", "image_2", "image_3"):
        del product["values"][code]
    product["categories"] = []
    del product["updated"]

    content = mapped(product)

    assert content.description == Localized({})
    assert (content.features, content.media, content.categories) == ({}, (), ())
    assert content.updated_at is None
    assert content.name.values["en_US"] == SEEDED.name.en_US


# --- attribute types -------------------------------------------------------------------------------------


def with_value(code: str, data: Any, **extra: Any) -> Item:
    product = item()
    product["values"][code] = [{"locale": None, "scope": None, "data": data, **extra}]
    return product


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"amount": "180.0000", "unit": "GRAM"}, "180 g"),
        ({"amount": "1000.0000", "unit": "GRAM"}, "1000 g"),
        ({"amount": "1.2500", "unit": "KILOGRAM"}, "1.25 kg"),
        ({"amount": 3, "unit": "OUNCE"}, "3 ounce"),  # a unit without a symbol is shown by name
        ({"amount": "heavy", "unit": "GRAM"}, "0 g"),
    ],
)
def test_metrics_show_their_amount_and_unit(data: dict[str, Any], expected: str) -> None:
    assert attribute(mapped(with_value("weight", data)), "weight") == every_locale(expected)


def test_a_select_without_option_labels_shows_its_option_code() -> None:
    # `with_attribute_options` off: no linked_data
    assert attribute(mapped(with_value("material", "organic_cotton")), "material") == every_locale(
        "organic_cotton"
    )


def test_a_select_label_missing_in_a_locale_shows_the_code_there() -> None:
    linked = {"attribute": "material", "code": "wool", "labels": {"en_US": "Wool"}}

    shown = attribute(mapped(with_value("material", "wool", linked_data=linked)), "material")

    assert shown == {"en_US": "Wool", "fr_FR": "wool", "de_DE": "wool"}


def test_booleans_numbers_and_multi_selects_are_shown_as_text() -> None:
    product = item()
    types = {
        "organic": "pim_catalog_boolean",
        "recyclable": "pim_catalog_boolean",
        "pieces": "pim_catalog_number",
        "seasons": "pim_catalog_multiselect",
    }
    data = {"organic": True, "recyclable": False, "pieces": 3, "seasons": ["spring", "summer"]}
    for code, value in data.items():
        product["values"][code] = [{"locale": None, "scope": None, "data": value}]
    pim = structure()
    pim = Structure(
        {**pim.attribute_types, **types}, pim.attribute_labels, pim.attribute_order, pim.category_labels
    )

    content = content_of(product, pim, locales=("en_US",))

    shown = {a.code: a.value.values["en_US"] for a in content.attributes if a.code in types}
    assert shown == {"organic": "yes", "recyclable": "no", "pieces": "3", "seasons": "spring, summer"}


def test_an_attribute_missing_from_the_structure_is_text_labelled_by_nobody() -> None:
    content = mapped(with_value("origin", "Portugal"))

    origin = next(a for a in content.attributes if a.code == "origin")
    assert origin.value.values == every_locale("Portugal")
    assert origin.label.values == {}
    assert content.attributes[-1] is origin  # unknown attributes sort after the known ones


@pytest.mark.parametrize(
    ("text", "bullets"),
    [
        ("- Light\n- Warm\n\n- Packable", ("Light", "Warm", "Packable")),
        ("• Light\n* Warm", ("Light", "Warm")),
        ("  \n", None),
    ],
    ids=["dashes", "bullets", "blank"],
)
def test_feature_lines_lose_their_bullets(text: str, bullets: tuple[str, ...] | None) -> None:
    product = item()
    product["values"]["features"] = [{"locale": "en_US", "scope": None, "data": text}]

    assert mapped(product).features.get("en_US") == bullets


def test_features_given_as_a_list_are_bullets_as_they_are() -> None:
    product = item()
    product["values"]["features"] = [{"locale": "en_US", "scope": None, "data": ["Light", " ", "Warm"]}]

    assert mapped(product).features == {"en_US": ("Light", "Warm")}


def test_an_image_without_a_file_is_not_a_medium() -> None:
    product = item()
    product["values"]["packshot"] = [{"locale": None, "scope": None, "data": None}]

    assert [m.code for m in mapped(product).media] == [m.code for m in SEEDED.media[1:]]


# --- identifiers and wrong shapes --------------------------------------------------------------------------


def test_the_sku_is_read_from_the_pims_identifier_attribute() -> None:
    product = item()
    product["values"]["ean"] = product["values"].pop("sku")

    content = content_of(product, structure("ean"))

    assert content.sku == PRODUCT.variants[0].sku
    assert "ean" not in {a.code for a in content.attributes}


def test_without_an_identifier_value_the_legacy_identifier_field_is_read() -> None:
    product = item()
    del product["values"]["sku"]
    product["identifier"] = "LEGACY-1"

    assert mapped(product).sku == "LEGACY-1"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda p: p.pop("uuid"), r"uuid\n  Field required"),
        (lambda p: p["values"].pop("sku"), "no identifier value"),
        (lambda p: p.__setitem__("values", []), r"values\n  Input should be a valid dictionary"),
        (
            lambda p: p["values"].__setitem__("name", {"en_US": "x"}),
            r"values.name\n  Input should be a valid list",
        ),
        (
            lambda p: p["values"].__setitem__("care", ["x"]),
            r"values.care.0\n  Input should be a valid dictionary",
        ),
    ],
    ids=["no uuid", "no identifier", "values not an object", "entries not a list", "entry not an object"],
)
def test_wrong_shapes_are_value_errors(edit: Any, message: str) -> None:
    product = item()
    edit(product)

    with pytest.raises(ValueError, match=message):
        mapped(product)


def test_a_product_that_is_not_an_object_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="Input should be a valid dictionary or instance of Product"):
        content_of([], structure())
