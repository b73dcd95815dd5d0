"""The GraphQL documents the gateway sends to the Storefront API.

Products come at two levels of detail: the card (what a listing shows: titles, prices, the featured
image, variants with their prices and options) and the full product (descriptions, SEO, options,
the image gallery, every variant field). The resolver asking picks the level from the client's
selection, so a listing page neither waits for nor parses what it never shows; each level is
cached on its own. Documents that batch by handle are
built with one aliased field per handle: the Storefront API has no list-by-handles field, and
aliases keep such a batch to one HTTP call. Every document here validates against Shopify's own
2026-04 schema (tests/backends/shopify/test_storefront_documents.py).
"""

from __future__ import annotations

from functools import cache

from gateway.models.catalog import Detail

FRAGMENTS = {
    "GatewayImage": "fragment GatewayImage on Image { id url altText width height }",
    "GatewayMoney": "fragment GatewayMoney on MoneyV2 { amount currencyCode }",
    "GatewayPageInfo": "fragment GatewayPageInfo on PageInfo { hasNextPage hasPreviousPage startCursor endCursor }",
    "GatewayFilter": "fragment GatewayFilter on Filter { id label type values { id label count input } }",
    "GatewayCollection": (
        "fragment GatewayCollection on Collection { id handle title description descriptionHtml updatedAt "
        "image { ...GatewayImage } seo { title description } }"
    ),
    "GatewayMenuItem": "fragment GatewayMenuItem on MenuItem { id title url type resourceId }",
}

_VARIANT_CARD = (
    "id title sku availableForSale currentlyNotInStock quantityAvailable price { ...GatewayMoney } "
    "compareAtPrice { ...GatewayMoney } selectedOptions { name value }"
)
_PRODUCT_CARD = (
    "id handle title vendor productType tags availableForSale createdAt updatedAt publishedAt onlineStoreUrl "
    "totalInventory featuredImage { ...GatewayImage } "
    "priceRange { minVariantPrice { ...GatewayMoney } maxVariantPrice { ...GatewayMoney } } "
    "compareAtPriceRange { minVariantPrice { ...GatewayMoney } maxVariantPrice { ...GatewayMoney } } "
    "variants(first: 250) { nodes { ...GatewayVariant } }"
)
DETAILED = {
    Detail.CARD: {
        "GatewayVariant": f"fragment GatewayVariant on ProductVariant {{ {_VARIANT_CARD} }}",
        "GatewayProduct": f"fragment GatewayProduct on Product {{ {_PRODUCT_CARD} }}",
    },
    Detail.FULL: {
        "GatewayVariant": (
            f"fragment GatewayVariant on ProductVariant {{ {_VARIANT_CARD} barcode requiresShipping weight "
            "weightUnit image { ...GatewayImage } }"
        ),
        "GatewayProduct": (
            f"fragment GatewayProduct on Product {{ {_PRODUCT_CARD} description descriptionHtml "
            "seo { title description } options { id name optionValues { id name } } "
            "images(first: 20) { nodes { ...GatewayImage } } }"
        ),
    },
}
"""The product and variant fragments at each level of detail."""

# Which fragments each fragment spreads, so a document carries exactly the fragments it uses
# (graphql validation refuses unused ones).
_NEEDS = {
    "GatewayVariant": ("GatewayMoney", "GatewayImage"),
    "GatewayProduct": ("GatewayImage", "GatewayMoney", "GatewayVariant"),
    "GatewayCollection": ("GatewayImage",),
}

CONTEXT_VARIABLES = "$country: CountryCode, $language: LanguageCode"
IN_CONTEXT = "@inContext(country: $country, language: $language)"
PAGE_VARIABLES = "$first: Int, $after: String, $last: Int, $before: String, $reverse: Boolean"
PAGE_ARGUMENTS = "first: $first, after: $after, last: $last, before: $before, reverse: $reverse"


def _with_fragments(operation: str, *names: str, detail: Detail = Detail.FULL) -> str:
    needed: list[str] = []

    def add(name: str) -> None:
        if name in needed:
            return
        for dependency in _NEEDS.get(name, ()):
            add(dependency)
        needed.append(name)

    for name in names:
        add(name)
    fragments = {**FRAGMENTS, **DETAILED[detail]}
    return "\n".join([operation, *(fragments[name] for name in needed)])


@cache
def products_by_ids(detail: Detail) -> str:
    return _with_fragments(
        f"query GatewayProductsByIds($ids: [ID!]!, {CONTEXT_VARIABLES}) {IN_CONTEXT} "
        "{ nodes(ids: $ids) { ... on Product { ...GatewayProduct } } }",
        "GatewayProduct",
        detail=detail,
    )


VARIANTS_BY_IDS = _with_fragments(
    f"query GatewayVariantsByIds($ids: [ID!]!, {CONTEXT_VARIABLES}) {IN_CONTEXT} "
    "{ nodes(ids: $ids) { ... on ProductVariant { ...GatewayVariant product { id } } } }",
    "GatewayVariant",
)
COLLECTIONS_BY_IDS = _with_fragments(
    f"query GatewayCollectionsByIds($ids: [ID!]!, {CONTEXT_VARIABLES}) {IN_CONTEXT} "
    "{ nodes(ids: $ids) { ... on Collection { ...GatewayCollection } } }",
    "GatewayCollection",
)


@cache
def products(detail: Detail) -> str:
    return _with_fragments(
        f"query GatewayProducts({PAGE_VARIABLES}, $query: String, $sortKey: ProductSortKeys, {CONTEXT_VARIABLES}) "
        f"{IN_CONTEXT} {{ products({PAGE_ARGUMENTS}, query: $query, sortKey: $sortKey) "
        "{ edges { cursor node { ...GatewayProduct } } pageInfo { ...GatewayPageInfo } filters { ...GatewayFilter } } }",
        "GatewayProduct",
        "GatewayPageInfo",
        "GatewayFilter",
        detail=detail,
    )


COLLECTIONS = _with_fragments(
    f"query GatewayCollections({PAGE_VARIABLES}, $query: String, $sortKey: CollectionSortKeys, {CONTEXT_VARIABLES}) "
    f"{IN_CONTEXT} {{ collections({PAGE_ARGUMENTS}, query: $query, sortKey: $sortKey) "
    "{ edges { cursor node { ...GatewayCollection } } pageInfo { ...GatewayPageInfo } totalCount } }",
    "GatewayCollection",
    "GatewayPageInfo",
)


@cache
def collection_products(detail: Detail) -> str:
    return _with_fragments(
        f"query GatewayCollectionProducts($ids: [ID!]!, {PAGE_VARIABLES}, $filters: [ProductFilter!], "
        f"$sortKey: ProductCollectionSortKeys, {CONTEXT_VARIABLES}) {IN_CONTEXT} "
        f"{{ nodes(ids: $ids) {{ ... on Collection {{ id products({PAGE_ARGUMENTS}, filters: $filters, "
        "sortKey: $sortKey) { edges { cursor node { ...GatewayProduct } } pageInfo { ...GatewayPageInfo } "
        "filters { ...GatewayFilter } } } } }",
        "GatewayProduct",
        "GatewayPageInfo",
        "GatewayFilter",
        detail=detail,
    )


@cache
def collection_with_products(by: str, detail: Detail) -> str:
    """A collection (by `handle` or `id`) and one page of its products, in one call: a collection page."""
    key_type = {"handle": "String!", "id": "ID!"}[by]
    return _with_fragments(
        f"query GatewayCollectionWithProducts($key: {key_type}, {PAGE_VARIABLES}, $filters: [ProductFilter!], "
        f"$sortKey: ProductCollectionSortKeys, {CONTEXT_VARIABLES}) {IN_CONTEXT} "
        f"{{ collection({by}: $key) {{ ...GatewayCollection products({PAGE_ARGUMENTS}, filters: $filters, "
        "sortKey: $sortKey) { edges { cursor node { ...GatewayProduct } } pageInfo { ...GatewayPageInfo } "
        "filters { ...GatewayFilter } } } }",
        "GatewayCollection",
        "GatewayProduct",
        "GatewayPageInfo",
        "GatewayFilter",
        detail=detail,
    )


@cache
def search(detail: Detail) -> str:
    return _with_fragments(
        f"query GatewaySearch($query: String!, {PAGE_VARIABLES}, $productFilters: [ProductFilter!], "
        "$sortKey: SearchSortKeys, $types: [SearchType!], $unavailableProducts: SearchUnavailableProductsType, "
        f"$prefix: SearchPrefixQueryType, {CONTEXT_VARIABLES}) {IN_CONTEXT} "
        f"{{ search(query: $query, {PAGE_ARGUMENTS}, productFilters: $productFilters, sortKey: $sortKey, "
        "types: $types, unavailableProducts: $unavailableProducts, prefix: $prefix) "
        "{ edges { cursor node { ... on Product { ...GatewayProduct } } } pageInfo { ...GatewayPageInfo } "
        "productFilters { ...GatewayFilter } totalCount } }",
        "GatewayProduct",
        "GatewayPageInfo",
        "GatewayFilter",
        detail=detail,
    )


SHOP = (
    f"query GatewayShop({CONTEXT_VARIABLES}) {IN_CONTEXT} "
    "{ shop { id name description primaryDomain { host url } paymentSettings { currencyCode } } }"
)


@cache
def by_handles(field: str, count: int, detail: Detail = Detail.FULL) -> str:
    """`product` or `collection` for `count` handles, one aliased field each (cached per shape)."""
    fragment = {"product": "GatewayProduct", "collection": "GatewayCollection"}[field]
    variables = ", ".join(f"$h{i}: String!" for i in range(count))
    fields = " ".join(f"h{i}: {field}(handle: $h{i}) {{ ...{fragment} }}" for i in range(count))
    name = f"Gateway{field.capitalize()}sByHandles"
    return _with_fragments(
        f"query {name}({variables}, {CONTEXT_VARIABLES}) {IN_CONTEXT} {{ {fields} }}", fragment, detail=detail
    )


@cache
def menus(count: int) -> str:
    variables = ", ".join(f"$h{i}: String!" for i in range(count))
    item = "...GatewayMenuItem"
    fields = " ".join(
        f"h{i}: menu(handle: $h{i}) {{ id handle title items {{ {item} items {{ {item} items {{ {item} }} }} }} }}"
        for i in range(count)
    )
    return _with_fragments(
        f"query GatewayMenus({variables}, {CONTEXT_VARIABLES}) {IN_CONTEXT} {{ {fields} }}", "GatewayMenuItem"
    )


__all__ = [
    "COLLECTIONS",
    "COLLECTIONS_BY_IDS",
    "DETAILED",
    "SHOP",
    "VARIANTS_BY_IDS",
    "by_handles",
    "collection_products",
    "collection_with_products",
    "menus",
    "products",
    "products_by_ids",
    "search",
]
