"""What Hydrogen's product and collection routes read on products, served by the Storefront emulator.

The documents are the ones Hydrogen's skeleton sends (its `Product` / `ProductVariant` fragments,
with `@inContext`), plus the metafield, media, selling plan and unit price selections custom
product pages add. Expectations come from the seeded world and the vocabulary, never from the
emulator's own code; the option value trees are read back with a port of Hydrogen's decoder.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from decimal import ROUND_HALF_UP, Decimal

import pytest

from sandbox.seed import Product, generate
from sandbox.shopify.markets import market_for
from sandbox.shopify.storefront.schema import storefront_schema
from sandbox.vocabulary import CARE, KINDS, MATERIALS

from .inventory_changes import sell_out
from .sandbox_client import ShopifySandbox, running

PRODUCT_VARIANT_FRAGMENT = """
fragment ProductVariant on ProductVariant {
  availableForSale
  compareAtPrice { amount currencyCode }
  id
  image { __typename id url altText width height }
  price { amount currencyCode }
  product { title handle }
  selectedOptions { name value }
  sku
  title
  unitPrice { amount currencyCode }
}
"""

STOREFRONT_HYDROGEN_PRODUCT = (
    """
query Product(
  $country: CountryCode
  $handle: String!
  $language: LanguageCode
  $selectedOptions: [SelectedOptionInput!]!
) @inContext(country: $country, language: $language) {
  product(handle: $handle) { ...Product }
}
fragment Product on Product {
  id
  title
  vendor
  handle
  descriptionHtml
  description
  encodedVariantExistence
  encodedVariantAvailability
  options {
    name
    optionValues {
      name
      firstSelectableVariant { ...ProductVariant }
      swatch { color image { previewImage { url } } }
    }
  }
  selectedOrFirstAvailableVariant(selectedOptions: $selectedOptions, ignoreUnknownOptions: true, caseInsensitiveMatch: true) {
    ...ProductVariant
  }
  adjacentVariants (selectedOptions: $selectedOptions) { ...ProductVariant }
  seo { description title }
}
"""
    + PRODUCT_VARIANT_FRAGMENT
)

STOREFRONT_HYDROGEN_COLLECTION = """
query Collection(
  $handle: String!
  $country: CountryCode
  $language: LanguageCode
  $first: Int
  $last: Int
  $startCursor: String
  $endCursor: String
) @inContext(country: $country, language: $language) {
  collection(handle: $handle) {
    id
    handle
    title
    description
    banner: metafield(namespace: "custom", key: "banner_text") { value type }
    products(first: $first, last: $last, before: $startCursor, after: $endCursor) {
      nodes { ...ProductItem }
      pageInfo { hasPreviousPage hasNextPage endCursor startCursor }
    }
  }
}
fragment MoneyProductItem on MoneyV2 { amount currencyCode }
fragment ProductItem on Product {
  id
  handle
  title
  featuredImage { id altText url width height }
  priceRange { minVariantPrice { ...MoneyProductItem } maxVariantPrice { ...MoneyProductItem } }
  rating: metafield(namespace: "reviews", key: "rating") { value type }
}
"""

STOREFRONT_OPTION_TREES = """
query OptionTrees($handle: String!) {
  product(handle: $handle) {
    encodedVariantExistence
    encodedVariantAvailability
    options { name optionValues { name } }
    variants(first: 250) { nodes { id availableForSale selectedOptions { name value } } }
  }
}
"""

STOREFRONT_PICKER = """
query Picker($handle: String!, $options: [SelectedOptionInput!], $ignore: Boolean, $fold: Boolean, $language: LanguageCode)
@inContext(language: $language) {
  product(handle: $handle) {
    selectedOrFirstAvailableVariant(selectedOptions: $options, ignoreUnknownOptions: $ignore, caseInsensitiveMatch: $fold) { id }
    adjacentVariants(selectedOptions: $options, ignoreUnknownOptions: $ignore, caseInsensitiveMatch: $fold) { id }
    options { optionValues { name firstSelectableVariant { id } } }
  }
}
"""

STOREFRONT_METAFIELDS = """
query Metafields($handle: String!, $language: LanguageCode) @inContext(language: $language) {
  product(handle: $handle) {
    material: metafield(namespace: "custom", key: "material") { id namespace key type value description createdAt updatedAt }
    noNamespace: metafield(key: "material") { value }
    metafields(identifiers: [
      {namespace: "custom", key: "care"}
      {namespace: "custom", key: "nothing_here"}
      {namespace: "custom", key: "specifications"}
      {namespace: "reviews", key: "rating"}
      {namespace: "reviews", key: "rating_count"}
      {namespace: "custom", key: "pairs_with"}
      {namespace: "custom", key: "size_chart"}
    ]) {
      key
      type
      value
      reference {
        __typename
        ... on Product { handle }
        ... on MediaImage { alt image { url } }
      }
    }
    variants(first: 1) {
      nodes { metafields(identifiers: [{namespace: "custom", key: "colour_code"}, {namespace: "custom", key: "pack_size"}]) { value type } }
    }
  }
  shop { metafields(identifiers: [{namespace: "custom", key: "support_hours"}, {namespace: "custom", key: "store_count"}]) { value type } }
}
"""

STOREFRONT_MANY_METAFIELDS = """
query ManyMetafields($handle: String!, $identifiers: [HasMetafieldsIdentifier!]!) {
  product(handle: $handle) { metafields(identifiers: $identifiers) { key } }
}
"""

STOREFRONT_MEDIA = """
query Media($handle: String!, $language: LanguageCode, $first: Int!, $reverse: Boolean) @inContext(language: $language) {
  product(handle: $handle) {
    images(first: 10) { nodes { id url } }
    media(first: $first, reverse: $reverse) {
      nodes {
        __typename
        id
        alt
        mediaContentType
        presentation { asJson(format: IMAGE) }
        previewImage { url width height }
        ... on MediaImage { image { id url altText } }
        ... on Video { sources { format mimeType url width height } }
        ... on ExternalVideo { host embedUrl originUrl }
        ... on Model3d { sources { format mimeType url filesize } }
      }
      pageInfo { hasNextPage }
    }
  }
}
"""

STOREFRONT_VARIANT_TERMS = """
query Terms($handle: String!, $country: CountryCode, $language: LanguageCode) @inContext(country: $country, language: $language) {
  product(handle: $handle) {
    requiresSellingPlan
    sellingPlanGroups(first: 5) {
      nodes {
        name
        appName
        options { name values }
        sellingPlans(first: 5) {
          nodes {
            id
            name
            description
            recurringDeliveries
            options { name value }
            checkoutCharge { type value { __typename ... on SellingPlanCheckoutChargePercentageValue { percentage } } }
            priceAdjustments {
              orderCount
              adjustmentValue { __typename ... on SellingPlanPercentagePriceAdjustment { adjustmentPercentage } }
            }
            billingPolicy { __typename ... on SellingPlanRecurringBillingPolicy { interval intervalCount } }
            deliveryPolicy { __typename ... on SellingPlanRecurringDeliveryPolicy { interval intervalCount } }
          }
        }
      }
    }
    variants(first: 250) {
      nodes {
        sku
        barcode
        weight
        weightUnit
        requiresShipping
        currentlyNotInStock
        quantityAvailable
        price { amount currencyCode }
        unitPrice { amount currencyCode }
        unitPriceMeasurement { measuredType quantityUnit quantityValue referenceUnit referenceValue }
        quantityRule { minimum maximum increment }
        sellingPlanAllocations(first: 5) {
          nodes {
            sellingPlan { id }
            checkoutChargeAmount { amount currencyCode }
            remainingBalanceChargeAmount { amount }
            priceAdjustments { price { amount } compareAtPrice { amount } perDeliveryPrice { amount } unitPrice { amount } }
          }
        }
      }
    }
  }
}
"""

SIZED = {kind.word.code for kind in KINDS if len(kind.sizes) > 1}
HEX = re.compile(r"^#[0-9a-f]{6}$")


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(90)) as sandbox:
        yield sandbox


def of_kind(shop: ShopifySandbox, code: str, *, variants: int = 1) -> Product:
    return next(
        p
        for p in shop.world.products
        if p.published and p.product_type.code == code and len(p.variants) >= variants
    )


def combinations_of(product: Product) -> dict[str, tuple[int, ...]]:
    """Each variant's option value indexes, from the world: colour first, then size for sized kinds."""
    sized = product.product_type.code in SIZED
    return {
        v.sku: (product.colours.index(v.colour), product.sizes.index(v.size))
        if sized
        else (product.colours.index(v.colour),)
        for v in product.variants
    }


def neighbours(product: Product, of: str) -> list[int]:
    """Ids of the variants one option value away from the variant with SKU `of`, in id order."""
    combos = combinations_of(product)
    return sorted(
        v.id
        for v in product.variants
        if sum(a != b for a, b in zip(combos[v.sku], combos[of], strict=True)) == 1
    )


def available(shop: ShopifySandbox, sku: str) -> bool:
    return sum(level.available for level in shop.world.stock if level.sku == sku) > 0


def hydrogen_decode(encoded: str) -> list[list[int]]:
    """`decodeEncodedVariant` from `@shopify/hydrogen-react`, ported line for line (v1 only).

    It walks the control characters (`:` down, `,` up, ` ` gap, `-` range), keeping the indexes of
    the branch it is on. Like the original, a tree of a single leaf (`v1_0`) decodes to nothing,
    since the loop only acts on control characters.
    """
    if not encoded:
        return []
    if not encoded.startswith("v1_"):
        raise ValueError("Unsupported option value encoding")
    field = encoded[3:]
    options: list[list[int]] = []
    current: list[int] = []
    depth = 0
    range_start: int | None = None
    index = 0

    def put(value: int) -> None:
        if depth < len(current):
            current[depth] = value
        else:
            current.append(value)

    for token in re.finditer(r"[ :,-]", field):
        operation = token.group()
        digits = field[index : token.start()]
        value = int(digits) if digits else 0
        if range_start is not None:
            for n in range(range_start, value):
                put(n)
                options.append(list(current))
            range_start = None
        put(value)
        if operation == "-":
            range_start = value
        elif operation == ":":
            depth += 1
        else:
            if operation == " " or (operation == "," and field[token.start() - 1] != ","):
                options.append(list(current))
            if operation == ",":
                current.pop()
                depth -= 1
        index = token.end()
    last_dash = field.rfind("-")
    if range_start is not None and last_dash > 0:
        for n in range(range_start, int(field[last_dash + 1 :]) + 1):
            put(n)
            options.append(list(current))
    return options


def test_the_decoder_port_reads_shopifys_documented_example() -> None:
    # The example of the `encodedVariantExistence` description in Shopify's schema.
    decoded = hydrogen_decode("v1_0:0:0,1:0-1,,1:0:0-1,1:1,,2:0:1,1:0,,")
    assert decoded == [[0, 0, 0], [0, 1, 0], [0, 1, 1], [1, 0, 0], [1, 0, 1], [1, 1, 1], [2, 0, 1], [2, 1, 0]]
    assert hydrogen_decode("v1_0-2 4-6 8-9") == [[0], [1], [2], [4], [5], [6], [8], [9]]


async def test_hydrogens_product_query_is_served_whole(shop: ShopifySandbox) -> None:
    # given: a sized product and the options of its last variant, as the product route reads them off the URL
    product = of_kind(shop, "TEE", variants=2)
    variant = product.variants[-1]
    url_options = [{"name": "Color", "value": variant.colour.en}, {"name": "Size", "value": variant.size}]

    # when
    reply = await shop.storefront(
        STOREFRONT_HYDROGEN_PRODUCT,
        {"handle": product.handle, "selectedOptions": url_options, "country": "DE", "language": "EN"},
    )

    # then
    got = reply.data["product"]
    assert got["title"] == product.title.en_US
    selected = got["selectedOrFirstAvailableVariant"]
    assert selected["id"] == f"gid://shopify/ProductVariant/{variant.id}"
    assert selected["sku"] == variant.sku
    assert selected["selectedOptions"] == url_options
    assert selected["product"] == {"title": product.title.en_US, "handle": product.handle}
    assert selected["image"]["__typename"] == "Image"
    assert selected["unitPrice"] is None
    colour, size = got["options"]
    assert colour["name"] == "Color"
    assert [v["name"] for v in colour["optionValues"]] == [c.en for c in product.colours]
    assert all(HEX.match(v["swatch"]["color"]) for v in colour["optionValues"])
    assert all(
        v["swatch"]["image"]["previewImage"]["url"].startswith("https://") for v in colour["optionValues"]
    )
    assert [v["swatch"] for v in size["optionValues"]] == [None] * len(product.sizes)
    assert got["encodedVariantExistence"].startswith("v1_")
    assert got["seo"] == {"description": None, "title": None}


async def test_the_option_trees_decode_to_the_variants_that_exist_and_are_for_sale(
    shop: ShopifySandbox,
) -> None:
    # given: every published product with more than one variant (a one-leaf tree decodes to nothing in Hydrogen)
    products = [p for p in shop.world.products if p.published and len(p.variants) > 1]
    assert len(products) > 20

    for product in products:
        # when
        got = (await shop.storefront(STOREFRONT_OPTION_TREES, {"handle": product.handle})).data["product"]

        # then: the trees hold exactly the world's combinations, and the ones in stock
        expected = combinations_of(product)
        existence = sorted(map(tuple, hydrogen_decode(got["encodedVariantExistence"])))
        assert existence == sorted(expected.values()), product.handle
        for_sale = sorted(expected[v.sku] for v in product.variants if available(shop, v.sku))
        availability = got["encodedVariantAvailability"]
        if len(for_sale) == 1 and len(for_sale[0]) == 1:
            assert availability == f"v1_{for_sale[0][0]}"  # a one-leaf tree, which Hydrogen reads as empty
        else:
            assert sorted(map(tuple, hydrogen_decode(availability))) == for_sale
        # and the indexes are positions in the options the same answer lists
        names = [[value["name"] for value in option["optionValues"]] for option in got["options"]]
        for node in got["variants"]["nodes"]:
            indexes = tuple(names[i].index(o["value"]) for i, o in enumerate(node["selectedOptions"]))
            assert indexes in existence
            assert node["availableForSale"] == (indexes in for_sale)


async def test_a_product_with_one_option_and_one_variant_has_a_one_leaf_tree(shop: ShopifySandbox) -> None:
    product = next(
        p
        for p in shop.world.products
        if p.published and len(p.variants) == 1 and p.product_type.code not in SIZED
    )
    got = (await shop.storefront(STOREFRONT_OPTION_TREES, {"handle": product.handle})).data["product"]
    assert got["encodedVariantExistence"] == "v1_0"
    assert got["encodedVariantAvailability"] == (
        "v1_0" if available(shop, product.variants[0].sku) else "v1_"
    )


async def test_adjacent_variants_differ_from_the_selection_by_one_value(shop: ShopifySandbox) -> None:
    # given: a product with several colours and sizes, and its variant in the middle
    product = next(
        p
        for p in shop.world.products
        if p.published and p.product_type.code in SIZED and len(p.colours) > 1 and len(p.sizes) > 1
    )
    chosen = product.variants[-1]
    options = [{"name": "Color", "value": chosen.colour.en}, {"name": "Size", "value": chosen.size}]

    # when
    got = (await shop.storefront(STOREFRONT_PICKER, {"handle": product.handle, "options": options})).data[
        "product"
    ]

    # then
    expected = neighbours(product, chosen.sku)
    assert [a["id"] for a in got["adjacentVariants"]] == [
        f"gid://shopify/ProductVariant/{i}" for i in expected
    ]
    assert got["selectedOrFirstAvailableVariant"]["id"] == f"gid://shopify/ProductVariant/{chosen.id}"


async def test_without_a_selection_neighbours_are_those_of_the_first_variant_for_sale(
    shop: ShopifySandbox,
) -> None:
    product = next(p for p in shop.world.products if p.published and len(p.variants) > 2)
    first = next((v for v in product.variants if available(shop, v.sku)), product.variants[0])

    got = (await shop.storefront(STOREFRONT_PICKER, {"handle": product.handle})).data["product"]

    assert got["selectedOrFirstAvailableVariant"]["id"] == f"gid://shopify/ProductVariant/{first.id}"
    expected = neighbours(product, first.sku)
    assert [a["id"] for a in got["adjacentVariants"]] == [
        f"gid://shopify/ProductVariant/{i}" for i in expected
    ]


async def test_selection_matches_in_the_shop_languages_and_honours_the_match_flags(
    shop: ShopifySandbox,
) -> None:
    # given: a sized product asked for in lower-case French, with an option it does not have
    product = next(
        p for p in shop.world.products if p.published and p.product_type.code in SIZED and len(p.variants) > 1
    )
    chosen = product.variants[-1]
    french = [
        {"name": "couleur", "value": chosen.colour.fr.lower()},
        {"name": "taille", "value": chosen.size.lower()},
        {"name": "Matière", "value": "Laine"},
    ]
    wanted = f"gid://shopify/ProductVariant/{chosen.id}"
    first = next((v for v in product.variants if available(shop, v.sku)), product.variants[0])

    # when
    folded = await shop.storefront(
        STOREFRONT_PICKER, {"handle": product.handle, "options": french, "fold": True}
    )
    strict_case = await shop.storefront(STOREFRONT_PICKER, {"handle": product.handle, "options": french})
    strict_options = await shop.storefront(
        STOREFRONT_PICKER, {"handle": product.handle, "options": french, "fold": True, "ignore": False}
    )

    # then
    assert folded.data["product"]["selectedOrFirstAvailableVariant"]["id"] == wanted
    fallback = f"gid://shopify/ProductVariant/{first.id}"
    assert strict_case.data["product"]["selectedOrFirstAvailableVariant"]["id"] == fallback
    assert strict_options.data["product"]["selectedOrFirstAvailableVariant"]["id"] == fallback


async def test_a_partial_selection_picks_the_first_variant_for_sale_with_it() -> None:
    async with running(generate(30)) as sandbox:
        # given: the first size of a colour sold out, the second still for sale
        product, colour = next(
            (p, c)
            for p in sandbox.world.products
            if p.published and p.product_type.code in SIZED and len(p.sizes) > 1
            for c in p.colours
            if all(available(sandbox, v.sku) for v in p.variants if v.colour == c)
        )
        first, second = [v for v in product.variants if v.colour == colour][:2]
        await sell_out(sandbox, first)
        only_colour = [{"name": "Color", "value": colour.en}]
        whole = [*only_colour, {"name": "Size", "value": first.size}]

        # when
        partial = await sandbox.storefront(
            STOREFRONT_PICKER, {"handle": product.handle, "options": only_colour}
        )
        complete = await sandbox.storefront(STOREFRONT_PICKER, {"handle": product.handle, "options": whole})
        trees = await sandbox.storefront(STOREFRONT_OPTION_TREES, {"handle": product.handle})

        # then: part of a selection finds the next for sale; all of one finds even the sold-out variant
        assert (
            partial.data["product"]["selectedOrFirstAvailableVariant"]["id"]
            == f"gid://shopify/ProductVariant/{second.id}"
        )
        assert (
            complete.data["product"]["selectedOrFirstAvailableVariant"]["id"]
            == f"gid://shopify/ProductVariant/{first.id}"
        )
        sold_out = combinations_of(product)[first.sku]
        assert list(sold_out) not in hydrogen_decode(trees.data["product"]["encodedVariantAvailability"])
        assert list(sold_out) in hydrogen_decode(trees.data["product"]["encodedVariantExistence"])


async def test_first_selectable_variant_pairs_a_value_with_the_first_values_of_the_others(
    shop: ShopifySandbox,
) -> None:
    product = next(
        p for p in shop.world.products if p.published and p.product_type.code in SIZED and len(p.colours) > 1
    )
    got = (await shop.storefront(STOREFRONT_PICKER, {"handle": product.handle})).data["product"]
    colours, sizes = got["options"]
    for colour, value in zip(product.colours, colours["optionValues"], strict=True):
        first = next(v for v in product.variants if v.colour == colour and v.size == product.sizes[0])
        assert value["firstSelectableVariant"]["id"] == f"gid://shopify/ProductVariant/{first.id}"
    for size, value in zip(product.sizes, sizes["optionValues"], strict=True):
        first = next(v for v in product.variants if v.colour == product.colours[0] and v.size == size)
        assert value["firstSelectableVariant"]["id"] == f"gid://shopify/ProductVariant/{first.id}"


@pytest.mark.parametrize(
    ("language", "locale"), [("EN", "en_US"), ("FR", "fr_FR"), ("DE", "de_DE")], ids=["en", "fr", "de"]
)
async def test_product_metafields_in_each_language(shop: ShopifySandbox, language: str, locale: str) -> None:
    # given: a sized product; its material is the one tag the vocabulary knows as a material
    product = of_kind(shop, "TEE")
    material = next(m for m in MATERIALS if m.code in product.tags)

    # when
    got = (
        await shop.storefront(STOREFRONT_METAFIELDS, {"handle": product.handle, "language": language})
    ).data

    # then
    found = got["product"]
    assert found["material"]["value"] == material.in_locale(locale)
    assert found["material"]["type"] == "single_line_text_field"
    assert (found["material"]["namespace"], found["material"]["key"]) == ("custom", "material")
    assert found["material"]["id"].startswith("gid://shopify/Metafield/")
    assert found["material"]["createdAt"].endswith("Z")
    assert found["noNamespace"] is None  # without a namespace Shopify reads the app's own namespace
    care, missing, specifications, rating, count, pairs_with, size_chart = found["metafields"]
    assert care["type"] == "multi_line_text_field"
    assert care["value"].splitlines()[0] == CARE[material.code].in_locale(locale)
    assert missing is None
    assert specifications["type"] == "json"
    assert json.loads(specifications["value"])["sizes"] == list(product.sizes)
    assert rating["type"] == "rating"
    assert 1 <= float(json.loads(rating["value"])["value"]) <= 5
    assert count["type"] == "number_integer"
    assert int(count["value"]) > 0
    assert pairs_with["type"] == "product_reference"
    partner = next(p for p in shop.world.products if f"gid://shopify/Product/{p.id}" == pairs_with["value"])
    assert pairs_with["reference"] == (
        {"__typename": "Product", "handle": partner.handle} if partner.published else None
    )
    assert size_chart["type"] == "file_reference"
    assert size_chart["reference"]["__typename"] == "MediaImage"
    assert ".png?" in size_chart["reference"]["image"]["url"]
    colour_code, pack_size = found["variants"]["nodes"][0]["metafields"]
    assert colour_code == {"value": product.variants[0].colour.code, "type": "single_line_text_field"}
    assert pack_size is None  # only packs of socks carry a pack size
    hours, stores = got["shop"]["metafields"]
    assert hours["type"] == "single_line_text_field"
    assert stores == {"value": str(len(shop.world.warehouses)), "type": "number_integer"}


async def test_more_than_250_metafield_identifiers_are_refused_before_execution(shop: ShopifySandbox) -> None:
    product = of_kind(shop, "TEE")
    identifiers = [{"namespace": "custom", "key": "material"}] * 250
    at_most = await shop.storefront(
        STOREFRONT_MANY_METAFIELDS, {"handle": product.handle, "identifiers": identifiers}
    )
    too_many = await shop.storefront(
        STOREFRONT_MANY_METAFIELDS, {"handle": product.handle, "identifiers": [*identifiers, identifiers[0]]}
    )
    assert [m["key"] for m in at_most.data["product"]["metafields"]] == ["material"] * 250
    assert "data" not in too_many.body
    assert too_many.body["errors"][0]["extensions"] == {"code": "MAX_INPUT_SIZE_EXCEEDED"}


async def test_a_product_reference_names_a_product_of_the_same_collection(shop: ShopifySandbox) -> None:
    product = of_kind(shop, "SHT")
    got = (await shop.storefront(STOREFRONT_METAFIELDS, {"handle": product.handle})).data["product"]
    pairs_with = got["metafields"][5]
    kind_collection = next(c for c in shop.world.collections if product.id in c.product_ids)
    referenced = pairs_with["value"]
    assert int(referenced.rpartition("/")[2]) in kind_collection.product_ids
    assert int(referenced.rpartition("/")[2]) != product.id


@pytest.mark.parametrize(
    ("code", "film"), [("SNK", "Video"), ("JKT", "ExternalVideo"), ("BAG", "Model3d"), ("TEE", None)]
)
async def test_product_media_lists_the_images_then_the_kinds_film(
    shop: ShopifySandbox, code: str, film: str | None
) -> None:
    # given
    product = of_kind(shop, code)

    # when
    got = (
        await shop.storefront(STOREFRONT_MEDIA, {"handle": product.handle, "language": "DE", "first": 20})
    ).data["product"]

    # then: one MediaImage per product image, in order, then the film of the kind
    media = got["media"]["nodes"]
    images = [m for m in media if m["__typename"] == "MediaImage"]
    assert [m["image"]["id"] for m in images] == [i["id"] for i in got["images"]["nodes"]]
    assert all(
        m["mediaContentType"] == "IMAGE" and m["previewImage"]["url"] == m["image"]["url"] for m in images
    )
    assert [m["alt"] for m in images] == [f"{product.title.de_DE} in {c.de}" for c in product.colours]
    assert all(m["presentation"] is None for m in media)
    others = media[len(images) :]
    assert [m["__typename"] for m in others] == ([film] if film else [])
    for m in others:
        assert m["id"].startswith(f"gid://shopify/{film}/")
        assert m["alt"] == product.title.de_DE
        assert m["previewImage"]["url"].startswith("https://cdn.shopify.com/")
    if film == "Video":
        assert {s["mimeType"] for s in others[0]["sources"]} == {"video/mp4", "application/x-mpegURL"}
        assert all(s["width"] > s["height"] > 0 for s in others[0]["sources"])
        assert others[0]["mediaContentType"] == "VIDEO"
    if film == "ExternalVideo":
        assert others[0]["host"] == "YOUTUBE"
        video_id = others[0]["originUrl"].rpartition("=")[2]
        assert others[0]["embedUrl"] == f"https://www.youtube.com/embed/{video_id}"
        assert others[0]["mediaContentType"] == "EXTERNAL_VIDEO"
    if film == "Model3d":
        assert [s["format"] for s in others[0]["sources"]] == ["glb", "usdz"]
        assert others[0]["mediaContentType"] == "MODEL_3D"


async def test_product_media_pages_and_walks_backwards(shop: ShopifySandbox) -> None:
    product = of_kind(shop, "SNK")
    everything = await shop.storefront(STOREFRONT_MEDIA, {"handle": product.handle, "first": 20})
    first = await shop.storefront(STOREFRONT_MEDIA, {"handle": product.handle, "first": 1})
    backwards = await shop.storefront(
        STOREFRONT_MEDIA, {"handle": product.handle, "first": 20, "reverse": True}
    )
    ids = [m["id"] for m in everything.data["product"]["media"]["nodes"]]
    assert [m["id"] for m in first.data["product"]["media"]["nodes"]] == ids[:1]
    assert first.data["product"]["media"]["pageInfo"]["hasNextPage"] is True
    assert [m["id"] for m in backwards.data["product"]["media"]["nodes"]] == ids[::-1]


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), ROUND_HALF_UP)


async def test_socks_sell_by_the_pair_on_subscription_two_packs_at_a_time(shop: ShopifySandbox) -> None:
    # given: a pack of three pairs, priced for the United States
    product = of_kind(shop, "SCK")
    usd = market_for("US")

    # when
    got = (
        await shop.storefront(
            STOREFRONT_VARIANT_TERMS, {"handle": product.handle, "country": "US", "language": "FR"}
        )
    ).data["product"]

    # then: the unit price is per pair, in dollars, from the dollar price
    for variant, node in zip(product.variants, got["variants"]["nodes"], strict=True):
        price = usd.convert(variant.price)
        assert (Decimal(node["price"]["amount"]), node["price"]["currencyCode"]) == (price, "USD")
        assert Decimal(node["unitPrice"]["amount"]) == _cents(price / 3)
        assert node["unitPrice"]["currencyCode"] == "USD"
        assert node["unitPriceMeasurement"] == {
            "measuredType": "COUNT",
            "quantityUnit": "ITEM",
            "quantityValue": 3.0,
            "referenceUnit": "ITEM",
            "referenceValue": 1,
        }
        assert node["quantityRule"] == {"minimum": 2, "maximum": None, "increment": 2}
        plans = node["sellingPlanAllocations"]["nodes"]
        assert len(plans) == 3
        for allocation, off in zip(plans, (10, 10, 15), strict=True):
            adjusted = _cents(price * (100 - off) / 100)
            (adjustment,) = allocation["priceAdjustments"]
            assert Decimal(adjustment["price"]["amount"]) == adjusted
            assert Decimal(adjustment["perDeliveryPrice"]["amount"]) == adjusted
            assert Decimal(adjustment["compareAtPrice"]["amount"]) == price
            assert Decimal(adjustment["unitPrice"]["amount"]) == _cents(adjusted / 3)
            assert allocation["checkoutChargeAmount"] == {
                "amount": adjustment["price"]["amount"],
                "currencyCode": "USD",
            }
            assert Decimal(allocation["remainingBalanceChargeAmount"]["amount"]) == 0
    # and the subscription group reads in French, with one plan per delivery interval
    assert got["requiresSellingPlan"] is False
    (group,) = got["sellingPlanGroups"]["nodes"]
    assert group["name"] == "Abonnement malin"
    assert group["options"] == [{"name": "Livraison tous les", "values": ["1 mois", "2 mois", "3 mois"]}]
    plans = group["sellingPlans"]["nodes"]
    assert [p["id"] for p in plans] == [
        a["sellingPlan"]["id"] for a in got["variants"]["nodes"][0]["sellingPlanAllocations"]["nodes"]
    ]
    assert [p["billingPolicy"] for p in plans] == [
        {"__typename": "SellingPlanRecurringBillingPolicy", "interval": "MONTH", "intervalCount": n}
        for n in (1, 2, 3)
    ]
    assert [p["deliveryPolicy"]["intervalCount"] for p in plans] == [1, 2, 3]
    assert all(p["recurringDeliveries"] for p in plans)
    assert [p["priceAdjustments"][0]["adjustmentValue"]["adjustmentPercentage"] for p in plans] == [
        10.0,
        10.0,
        15.0,
    ]
    assert all(
        p["checkoutCharge"]
        == {
            "type": "PERCENTAGE",
            "value": {"__typename": "SellingPlanCheckoutChargePercentageValue", "percentage": 100.0},
        }
        for p in plans
    )
    assert plans[1]["options"] == [{"name": "Livraison tous les", "value": "2 mois"}]


async def test_other_kinds_sell_one_by_one_at_full_price(shop: ShopifySandbox) -> None:
    # given: a cap (at most three to an order) and a shirt (no rule)
    cap, shirt = of_kind(shop, "CAP"), of_kind(shop, "SHT")

    # when
    caps = (await shop.storefront(STOREFRONT_VARIANT_TERMS, {"handle": cap.handle})).data["product"]
    shirts = (await shop.storefront(STOREFRONT_VARIANT_TERMS, {"handle": shirt.handle})).data["product"]

    # then
    assert {n["quantityRule"]["maximum"] for n in caps["variants"]["nodes"]} == {3}
    for variant, node in zip(shirt.variants, shirts["variants"]["nodes"], strict=True):
        assert node["quantityRule"] == {"minimum": 1, "maximum": None, "increment": 1}
        assert node["unitPrice"] is None
        assert node["unitPriceMeasurement"] is None
        assert node["sellingPlanAllocations"]["nodes"] == []
        assert node["barcode"] == variant.barcode
        assert node["weight"] == variant.weight_g / 1000
        assert node["weightUnit"] == "KILOGRAMS"
        assert node["requiresShipping"] is True
        assert node["currentlyNotInStock"] is False
        assert node["quantityAvailable"] == sum(
            level.available for level in shop.world.stock if level.sku == variant.sku
        )
    assert shirts["sellingPlanGroups"]["nodes"] == []


async def test_hydrogens_collection_query_with_metafields(shop: ShopifySandbox) -> None:
    # given
    collection = next(c for c in shop.world.collections if c.handle == "new-arrivals")

    # when
    reply = await shop.storefront(
        STOREFRONT_HYDROGEN_COLLECTION,
        {"handle": collection.handle, "first": 8, "language": "DE", "country": "CH"},
    )

    # then
    got = reply.data["collection"]
    assert got["banner"] == {
        "value": f"{collection.title.de_DE}: kostenlose Rücksendung innerhalb von 30 Tagen.",
        "type": "single_line_text_field",
    }
    nodes = got["products"]["nodes"]
    assert len(nodes) == 8
    assert all(n["priceRange"]["minVariantPrice"]["currencyCode"] == "CHF" for n in nodes)
    assert all(json.loads(n["rating"]["value"])["scale_max"] == "5.0" for n in nodes)
    assert got["products"]["pageInfo"]["hasNextPage"] is True


def test_the_schema_serves_every_product_page_field() -> None:
    """The fields and types this part adds are in the emulator's schema, so the conformance test
    (`test_schema_conformance`, every type, field and argument against Shopify's SDL) covers them."""
    # given
    added = {
        "Product": [
            "adjacentVariants",
            "encodedVariantAvailability",
            "encodedVariantExistence",
            "media",
            "metafield",
            "metafields",
            "sellingPlanGroups",
            "trackingParameters",
        ],
        "ProductVariant": [
            "metafield",
            "metafields",
            "quantityRule",
            "sellingPlanAllocations",
            "unitPrice",
            "unitPriceMeasurement",
        ],
        "ProductOptionValue": ["firstSelectableVariant", "swatch"],
        "Collection": ["metafield", "metafields", "trackingParameters"],
        "Shop": ["metafield", "metafields"],
        "MediaImage": ["mediaContentType", "presentation", "previewImage"],
        "QueryRoot": ["predictiveSearch"],
    }
    types = [
        "ExternalVideo", "HasMetafields", "Media", "MediaConnection", "Metafield", "MetafieldReference",
        "Model3d", "PredictiveSearchResult", "ProductOptionValueSwatch", "QuantityRule", "SearchQuerySuggestion",
        "SearchableField", "SellingPlan", "SellingPlanAllocation", "SellingPlanGroup", "UnitPriceMeasurement", "Video",
    ]  # fmt: skip

    # when
    ours = storefront_schema()

    # then
    for type_name, fields in added.items():
        assert set(fields) <= set(ours.type_map[type_name].fields), type_name  # type: ignore[attr-defined]
    assert set(types) <= set(ours.type_map)


def test_every_field_added_here_has_a_resolver() -> None:
    schema = storefront_schema()
    for name in ("Metafield", "MediaImage", "Video", "ExternalVideo", "Model3d", "SellingPlan", "SellingPlanAllocation",
                 "SellingPlanGroup", "QuantityRule", "UnitPriceMeasurement", "PredictiveSearchResult",
                 "SearchQuerySuggestion", "ProductOptionValueSwatch", "VideoSource", "Model3dSource"):  # fmt: skip
        fields = schema.type_map[name].fields  # type: ignore[attr-defined]
        assert [f for f, d in fields.items() if d.resolve is None] == [], name
