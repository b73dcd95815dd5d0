"""`predictiveSearch` of the Storefront emulator, sent the way Hydrogen's search route sends it.

Expectations are worked out from the seeded world by scanning it (every word of the query in one of
the searched fields, the last as a prefix), independently of the emulator's word indexes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import quote

import pytest

from sandbox.seed import Product, World, generate
from sandbox.vocabulary import KINDS

from .inventory_changes import sell_out
from .sandbox_client import ShopifySandbox, running

STOREFRONT_HYDROGEN_PREDICTIVE_SEARCH = """
query PredictiveSearch(
  $country: CountryCode
  $language: LanguageCode
  $limit: Int!
  $limitScope: PredictiveSearchLimitScope!
  $term: String!
  $types: [PredictiveSearchType!]
) @inContext(country: $country, language: $language) {
  predictiveSearch(limit: $limit, limitScope: $limitScope, query: $term, types: $types) {
    articles { ...PredictiveArticle }
    collections { ...PredictiveCollection }
    pages { ...PredictivePage }
    products { ...PredictiveProduct }
    queries { ...PredictiveQuery }
  }
}
fragment PredictiveArticle on Article {
  __typename
  id
  title
  handle
  blog { handle }
  image { url altText width height }
  trackingParameters
}
fragment PredictiveCollection on Collection {
  __typename
  id
  title
  handle
  image { url altText width height }
  trackingParameters
}
fragment PredictivePage on Page { __typename id title handle trackingParameters }
fragment PredictiveProduct on Product {
  __typename
  id
  title
  handle
  trackingParameters
  selectedOrFirstAvailableVariant(selectedOptions: [], ignoreUnknownOptions: true, caseInsensitiveMatch: true) {
    id
    image { url altText width height }
    price { amount currencyCode }
  }
}
fragment PredictiveQuery on SearchQuerySuggestion { __typename text styledText trackingParameters }
"""

STOREFRONT_PREDICTIVE = """
query Predictive(
  $term: String!
  $limit: Int
  $limitScope: PredictiveSearchLimitScope
  $types: [PredictiveSearchType!]
  $fields: [SearchableField!]
  $unavailable: SearchUnavailableProductsType
  $language: LanguageCode
) @inContext(language: $language) {
  found: predictiveSearch(
    query: $term
    limit: $limit
    limitScope: $limitScope
    types: $types
    searchableFields: $fields
    unavailableProducts: $unavailable
  ) {
    products { handle availableForSale }
    collections { handle }
    pages { handle }
    articles { handle }
    queries { text }
  }
}
"""

STOREFRONT_CONTENT_TITLES = """
query ContentTitles {
  pages(first: 5) { nodes { handle title } }
  articles(first: 5) { nodes { handle title blog { handle } } }
}
"""

STOREFRONT_REGULAR_SEARCH = """
query RegularSearch($term: String!) {
  products: search(query: $term, first: 3, types: [PRODUCT]) {
    nodes { ... on Product { handle trackingParameters } }
    edges { node { ... on Product { trackingParameters } } }
  }
  product(handle: "%s") { trackingParameters }
}
"""


SIZED = {kind.word.code for kind in KINDS if len(kind.sizes) > 1}


def split(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in text.casefold()).split()


def words(text: str) -> set[str]:
    return set(split(text))


def default_words(product: Product, locale: str = "en_US") -> set[str]:
    """The default fields: title, type, vendor and variant titles (English and the request's language)."""
    title = f"{product.title.en_US} {product.title.get(locale)}"
    sized = product.product_type.code in SIZED
    variants = " ".join(
        f"{v.colour.en} {v.colour.in_locale(locale)} {v.size if sized else ''}" for v in product.variants
    )
    return words(f"{title} {product.product_type.en} {product.vendor} {variants}")


def holds(held: set[str], terms: list[str]) -> bool:
    *whole, last = terms
    return all(t in held for t in whole) and any(w.startswith(last) for w in held)


def available(world: World, product: Product) -> bool:
    return any(
        sum(level.available for level in world.stock if level.sku == variant.sku) > 0
        for variant in product.variants
    )


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(150)) as sandbox:
        yield sandbox


def matching(world: World, term: str, locale: str = "en_US") -> list[Product]:
    """The published products whose default fields hold every word of `term`, the last as a prefix."""
    terms = split(term)
    return [p for p in world.products if p.published and holds(default_words(p, locale), terms)]


async def test_hydrogens_predictive_search_query(shop: ShopifySandbox) -> None:
    # given: the start of a product type, as typed into the search box
    term = "jack"

    # when
    reply = await shop.storefront(
        STOREFRONT_HYDROGEN_PREDICTIVE_SEARCH,
        {"term": term, "limit": 10, "limitScope": "EACH", "country": "GB", "language": "EN"},
    )

    # then: products whose default fields hold a word starting "jack", in stock first
    result = reply.data["predictiveSearch"]
    expected = matching(shop.world, term)
    assert 0 < len(result["products"]) == min(10, len(expected))
    assert {p["handle"] for p in result["products"]} <= {p.handle for p in expected}
    for position, product in enumerate(result["products"], start=1):
        assert product["__typename"] == "Product"
        assert product["trackingParameters"] == f"_pos={position}&_psq=jack&_ss=e&_v=1.0"
        assert product["selectedOrFirstAvailableVariant"]["price"]["currencyCode"] == "GBP"
    assert [c["handle"] for c in result["collections"]] == ["jacket"]
    assert result["collections"][0]["trackingParameters"] == "_pos=1&_psq=jack&_ss=e&_v=1.0"
    assert result["queries"][0] == {
        "__typename": "SearchQuerySuggestion",
        "text": "jacket",
        "styledText": "jack<mark>et</mark>",
        "trackingParameters": "_pos=1&_psq=jack&_ss=e&_v=1.0",
    }
    assert result["articles"] == []  # articles are searched only when asked for
    assert all(p["__typename"] == "Page" for p in result["pages"])


async def test_every_word_must_match_and_only_the_last_may_be_unfinished(shop: ShopifySandbox) -> None:
    # given: a product's title, its last word cut short
    product = next(p for p in shop.world.products if p.published)
    *head, tail = product.title.en_US.split()
    term = " ".join([*head, tail[:3]])

    # when
    whole = await shop.storefront(STOREFRONT_PREDICTIVE, {"term": term, "types": ["PRODUCT"], "limit": 10})
    cut_first = await shop.storefront(
        STOREFRONT_PREDICTIVE, {"term": f"{head[0][:-1]} {tail}", "types": ["PRODUCT"], "limit": 10}
    )

    # then
    handles = {p["handle"] for p in whole.data["found"]["products"]}
    expected = {p.handle for p in matching(shop.world, term)}
    assert product.handle in expected
    assert handles <= expected
    assert len(handles) == min(10, len(expected))
    assert cut_first.data["found"]["products"] == []


async def test_the_request_language_is_searched_too(shop: ShopifySandbox) -> None:
    # given: a word only the German titles hold
    product = next(
        p
        for p in shop.world.products
        if p.published and (words(p.title.de_DE) - words(p.title.en_US) - words(p.product_type.en))
    )
    german = sorted(words(product.title.de_DE) - words(product.title.en_US))[0]

    # when
    in_german = await shop.storefront(
        STOREFRONT_PREDICTIVE, {"term": german, "types": ["PRODUCT"], "language": "DE", "limit": 10}
    )
    in_english = await shop.storefront(
        STOREFRONT_PREDICTIVE, {"term": german, "types": ["PRODUCT"], "language": "EN", "limit": 10}
    )

    # then
    assert {p["handle"] for p in in_german.data["found"]["products"]} <= {
        p.handle for p in matching(shop.world, german, "de_DE")
    }
    assert in_german.data["found"]["products"]
    assert {p["handle"] for p in in_english.data["found"]["products"]} <= {
        p.handle for p in matching(shop.world, german)
    }


async def test_limit_counts_all_kinds_together_or_each_apart(shop: ShopifySandbox) -> None:
    # given: a term with many products, a collection and suggestions
    variables = {"term": "s", "limit": 4, "types": ["QUERY", "PRODUCT", "COLLECTION"]}

    # when
    together = (await shop.storefront(STOREFRONT_PREDICTIVE, {**variables, "limitScope": "ALL"})).data[
        "found"
    ]
    apart = (await shop.storefront(STOREFRONT_PREDICTIVE, {**variables, "limitScope": "EACH"})).data["found"]
    default = (await shop.storefront(STOREFRONT_PREDICTIVE, variables)).data["found"]

    # then: four in all, taking turns, or up to four of each kind
    counts = [len(together[kind]) for kind in ("queries", "products", "collections")]
    assert sum(counts) == 4
    assert counts == [2, 1, 1]  # queries, products, collections, then queries again
    assert together["products"] == apart["products"][: counts[1]]
    assert all(len(apart[kind]) <= 4 for kind in ("queries", "products", "collections"))
    assert len(apart["products"]) == 4
    assert default == together  # ALL is the default scope


async def test_limit_is_held_between_one_and_ten(shop: ShopifySandbox) -> None:
    many = await shop.storefront(STOREFRONT_PREDICTIVE, {"term": "s", "types": ["PRODUCT"], "limit": 50})
    none = await shop.storefront(STOREFRONT_PREDICTIVE, {"term": "s", "types": ["PRODUCT"], "limit": 0})
    omitted = await shop.storefront(STOREFRONT_PREDICTIVE, {"term": "s", "types": ["PRODUCT"]})
    assert len(many.data["found"]["products"]) == 10
    assert len(none.data["found"]["products"]) == 1
    assert len(omitted.data["found"]["products"]) == 10


async def test_types_choose_the_kinds_returned(shop: ShopifySandbox) -> None:
    got = (
        await shop.storefront(STOREFRONT_PREDICTIVE, {"term": "sneak", "types": ["COLLECTION"], "limit": 10})
    ).data["found"]
    assert got == {
        "products": [],
        "collections": [{"handle": "sneakers"}],
        "pages": [],
        "articles": [],
        "queries": [],
    }


async def test_sold_out_products_go_last_or_away() -> None:
    async with running(generate(40)) as sandbox:
        # given: the products of one kind, the first of them sold out
        kind = next(p for p in sandbox.world.products if p.published).product_type
        of_kind = [p for p in sandbox.world.products if p.published and p.product_type == kind]
        for variant in of_kind[0].variants:
            await sell_out(sandbox, variant)
        base = {"term": kind.en, "types": ["PRODUCT"], "limit": 10, "limitScope": "EACH"}

        # when
        last = (await sandbox.storefront(STOREFRONT_PREDICTIVE, base)).data["found"]["products"]
        hidden = await sandbox.storefront(STOREFRONT_PREDICTIVE, {**base, "unavailable": "HIDE"})
        shown = await sandbox.storefront(STOREFRONT_PREDICTIVE, {**base, "unavailable": "SHOW"})

        # then: the sold-out product comes last by default, in its place with SHOW, not at all with HIDE
        handles = [p.handle for p in matching(sandbox.world, kind.en)][:10]
        assert of_kind[0].handle in handles
        assert [p["handle"] for p in last][-1] == of_kind[0].handle
        assert [p["availableForSale"] for p in last] == [True] * (len(last) - 1) + [False]
        assert of_kind[0].handle not in {p["handle"] for p in hidden.data["found"]["products"]}
        assert len(hidden.data["found"]["products"]) == len(last) - 1
        assert {p["handle"] for p in shown.data["found"]["products"]} == set(handles)


async def test_searchable_fields_choose_what_is_matched(shop: ShopifySandbox) -> None:
    # given: the start of a SKU, which the default fields do not hold
    product = next(p for p in shop.world.products if p.published)
    sku_start = product.variants[0].sku.split("-")[1]

    # when
    by_sku = await shop.storefront(
        STOREFRONT_PREDICTIVE,
        {"term": sku_start, "types": ["PRODUCT"], "fields": ["VARIANTS_SKU"], "limit": 10},
    )
    by_default = await shop.storefront(STOREFRONT_PREDICTIVE, {"term": sku_start, "types": ["PRODUCT"]})
    by_vendor = await shop.storefront(
        STOREFRONT_PREDICTIVE,
        {"term": product.vendor.split()[0], "types": ["PRODUCT"], "fields": ["VENDOR"], "limit": 10},
    )

    # then
    assert product.handle in {p["handle"] for p in by_sku.data["found"]["products"]}
    assert by_default.data["found"]["products"] == []
    vendor_word = product.vendor.split()[0].casefold()
    expected = {p.handle for p in shop.world.products if p.published and vendor_word in words(p.vendor)}
    assert {p["handle"] for p in by_vendor.data["found"]["products"]} <= expected


async def test_pages_and_articles_are_found_by_their_titles(shop: ShopifySandbox) -> None:
    # given: a page and an article of the shop, and the first word of each title, from the Storefront API
    titles = (await shop.storefront(STOREFRONT_CONTENT_TITLES)).data
    page = titles["pages"]["nodes"][0]
    article = titles["articles"]["nodes"][0]

    # when
    found = {}
    for kind, entry in (("pages", page), ("articles", article)):
        reply = await shop.storefront(
            STOREFRONT_HYDROGEN_PREDICTIVE_SEARCH,
            {
                "term": entry["title"].split()[0],
                "limit": 10,
                "limitScope": "EACH",
                "types": ["PAGE", "ARTICLE"],
            },
        )
        found[kind] = reply.data["predictiveSearch"]

    # then: each is among the results of its kind, ranked and tracked, with nothing of other kinds
    for kind, entry in (("pages", page), ("articles", article)):
        result = found[kind]
        handles = [e["handle"] for e in result[kind]]
        assert entry["handle"] in handles
        position = handles.index(entry["handle"]) + 1
        term = quote(entry["title"].split()[0])
        assert result[kind][position - 1]["trackingParameters"] == f"_pos={position}&_psq={term}&_ss=e&_v=1.0"
        assert result["products"] == result["collections"] == result["queries"] == []
    hit = next(a for a in found["articles"]["articles"] if a["handle"] == article["handle"])
    assert hit["blog"] == article["blog"]


async def test_an_empty_query_suggests_nothing(shop: ShopifySandbox) -> None:
    got = await shop.storefront(STOREFRONT_PREDICTIVE, {"term": "  "})
    assert got.data["found"] == {
        "products": [],
        "collections": [],
        "pages": [],
        "articles": [],
        "queries": [],
    }


async def test_regular_search_results_carry_tracking_parameters(shop: ShopifySandbox) -> None:
    # given
    product = next(p for p in shop.world.products if p.published)
    document = STOREFRONT_REGULAR_SEARCH % product.handle

    # when
    got = (await shop.storefront(document, {"term": "shirt"})).data

    # then: ranked and tagged with the same search id, and nothing outside a search
    nodes = got["products"]["nodes"]
    assert nodes
    params = [n["trackingParameters"] for n in nodes]
    search_id = params[0].split("&")[1]
    assert search_id.startswith("_sid=")
    assert params == [f"_pos={i}&{search_id}&_ss=r" for i in range(1, len(nodes) + 1)]
    assert [e["node"]["trackingParameters"] for e in got["products"]["edges"]] == params
    assert got["product"] == {"trackingParameters": None}


async def test_the_typed_words_travel_url_encoded(shop: ShopifySandbox) -> None:
    # given: two words of a title, the second unfinished
    first, second = next(p for p in shop.world.products if p.published).title.en_US.split()[:2]
    term = f"{first} {second[:2]}"

    # when
    got = await shop.storefront(
        STOREFRONT_HYDROGEN_PREDICTIVE_SEARCH,
        {"term": term, "limit": 3, "limitScope": "EACH", "types": ["PRODUCT"]},
    )

    # then
    products = got.data["predictiveSearch"]["products"]
    assert products
    assert " " not in quote(term)
    assert products[0]["trackingParameters"] == f"_pos=1&_psq={quote(term)}&_ss=e&_v=1.0"
