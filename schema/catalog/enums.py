"""Enums of the catalog: sort keys, search options, units and image transforms.

Values and descriptions are those of the Shopify Storefront API 2026-04, so that
clients written for it send the same literals here.
"""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(
    name="ProductSortKeys",
    description="Sorting options for the [`products`](https://shopify.dev/docs/api/storefront/current/queries/products) query. Supports sorting products by criteria such as best-selling and price, and by product attributes such as type, and vendor. \n\n> Note: Use the [`RELEVANCE`](https://shopify.dev/docs/api/storefront/current/enums/ProductSortKeys#enums-RELEVANCE) key only when a search query is specified.\n",
)
class ProductSortKeys(Enum):
    BEST_SELLING = strawberry.enum_value("BEST_SELLING", description="Sort by the `best_selling` value.")
    CREATED_AT = strawberry.enum_value("CREATED_AT", description="Sort by the `created_at` value.")
    ID = strawberry.enum_value("ID", description="Sort by the `id` value.")
    PRICE = strawberry.enum_value("PRICE", description="Sort by the `price` value.")
    PRODUCT_TYPE = strawberry.enum_value("PRODUCT_TYPE", description="Sort by the `product_type` value.")
    RELEVANCE = strawberry.enum_value(
        "RELEVANCE",
        description="Sort by relevance to the search terms when the `query` parameter is specified on the connection.\nDon't use this sort key when no search query is specified.\n",
    )
    TITLE = strawberry.enum_value("TITLE", description="Sort by the `title` value.")
    UPDATED_AT = strawberry.enum_value("UPDATED_AT", description="Sort by the `updated_at` value.")
    VENDOR = strawberry.enum_value("VENDOR", description="Sort by the `vendor` value.")


@strawberry.enum(
    name="ProductCollectionSortKeys",
    description="Sort options for products within a [`Collection`](https://shopify.dev/docs/api/storefront/current/objects/Collection). Used by the [`products`](https://shopify.dev/docs/api/storefront/current/objects/Collection#field-Collection.fields.products) connection to order results by best-selling, price, title, creation date, or the collection's default and manual ordering.\n\n> Note: The [`RELEVANCE`](https://shopify.dev/docs/api/storefront/current/enums/ProductCollectionSortKeys#enums-RELEVANCE) key applies only when you specify a search query.\n",
)
class ProductCollectionSortKeys(Enum):
    BEST_SELLING = strawberry.enum_value("BEST_SELLING", description="Sort by the `best-selling` value.")
    COLLECTION_DEFAULT = strawberry.enum_value(
        "COLLECTION_DEFAULT", description="Sort by the `collection-default` value."
    )
    CREATED = strawberry.enum_value("CREATED", description="Sort by the `created` value.")
    ID = strawberry.enum_value("ID", description="Sort by the `id` value.")
    MANUAL = strawberry.enum_value("MANUAL", description="Sort by the `manual` value.")
    PRICE = strawberry.enum_value("PRICE", description="Sort by the `price` value.")
    RELEVANCE = strawberry.enum_value(
        "RELEVANCE",
        description="Sort by relevance to the search terms when the `query` parameter is specified on the connection.\nDon't use this sort key when no search query is specified.\n",
    )
    TITLE = strawberry.enum_value("TITLE", description="Sort by the `title` value.")


@strawberry.enum(
    name="CollectionSortKeys", description="The set of valid sort keys for the Collection query."
)
class CollectionSortKeys(Enum):
    ID = strawberry.enum_value("ID", description="Sort by the `id` value.")
    RELEVANCE = strawberry.enum_value(
        "RELEVANCE",
        description="Sort by relevance to the search terms when the `query` parameter is specified on the connection.\nDon't use this sort key when no search query is specified.\n",
    )
    TITLE = strawberry.enum_value("TITLE", description="Sort by the `title` value.")
    UPDATED_AT = strawberry.enum_value("UPDATED_AT", description="Sort by the `updated_at` value.")


@strawberry.enum(name="SearchSortKeys", description="The set of valid sort keys for the search query.")
class SearchSortKeys(Enum):
    PRICE = strawberry.enum_value("PRICE", description="Sort by the `price` value.")
    RELEVANCE = strawberry.enum_value("RELEVANCE", description="Sort by relevance to the search terms.")


@strawberry.enum(name="SearchType", description="The types of search items to perform search within.")
class SearchType(Enum):
    ARTICLE = strawberry.enum_value("ARTICLE", description="Returns matching articles.")
    PAGE = strawberry.enum_value("PAGE", description="Returns matching pages.")
    PRODUCT = strawberry.enum_value("PRODUCT", description="Returns matching products.")


@strawberry.enum(
    name="SearchUnavailableProductsType",
    description="Specifies whether to display results for unavailable products.",
)
class SearchUnavailableProductsType(Enum):
    HIDE = strawberry.enum_value("HIDE", description="Exclude unavailable products.")
    LAST = strawberry.enum_value(
        "LAST", description="Show unavailable products after all other matching results. This is the default."
    )
    SHOW = strawberry.enum_value(
        "SHOW", description="Show unavailable products in the order that they're found."
    )


@strawberry.enum(
    name="SearchPrefixQueryType",
    description="Specifies whether to perform a partial word match on the last search term.",
)
class SearchPrefixQueryType(Enum):
    LAST = strawberry.enum_value("LAST", description="Perform a partial word match on the last search term.")
    NONE = strawberry.enum_value(
        "NONE", description="Don't perform a partial word match on the last search term."
    )


@strawberry.enum(
    name="WeightUnit",
    description="Units of measurement for weight, supporting both metric and imperial systems. Used by [`ProductVariant`](https://shopify.dev/docs/api/storefront/current/objects/ProductVariant) to specify the unit for the variant's weight value.\n",
)
class WeightUnit(Enum):
    GRAMS = strawberry.enum_value("GRAMS", description="Metric system unit of mass.")
    KILOGRAMS = strawberry.enum_value("KILOGRAMS", description="1 kilogram equals 1000 grams.")
    OUNCES = strawberry.enum_value("OUNCES", description="Imperial system unit of mass.")
    POUNDS = strawberry.enum_value("POUNDS", description="1 pound equals 16 ounces.")


@strawberry.enum(name="CropRegion", description="The part of the image that should remain after cropping.")
class CropRegion(Enum):
    BOTTOM = strawberry.enum_value("BOTTOM", description="Keep the bottom of the image.")
    CENTER = strawberry.enum_value("CENTER", description="Keep the center of the image.")
    LEFT = strawberry.enum_value("LEFT", description="Keep the left of the image.")
    RIGHT = strawberry.enum_value("RIGHT", description="Keep the right of the image.")
    TOP = strawberry.enum_value("TOP", description="Keep the top of the image.")


@strawberry.enum(name="ImageContentType", description="List of supported image content types.")
class ImageContentType(Enum):
    JPG = strawberry.enum_value("JPG", description="A JPG image.")
    PNG = strawberry.enum_value("PNG", description="A PNG image.")
    WEBP = strawberry.enum_value("WEBP", description="A WEBP image.")


@strawberry.enum(
    name="FilterType",
    description="The type of data that the filter group represents.\n\nFor more information, refer to [Filter products in a collection with the Storefront API]\n(https://shopify.dev/custom-storefronts/products-collections/filter-products).\n",
)
class FilterType(Enum):
    BOOLEAN = strawberry.enum_value("BOOLEAN", description="A boolean value.")
    LIST = strawberry.enum_value("LIST", description="A list of selectable values.")
    PRICE_RANGE = strawberry.enum_value("PRICE_RANGE", description="A range of prices.")


@strawberry.enum(
    name="FilterPresentation",
    description="Defines how to present the filter values, specifies the presentation of the filter.\n",
)
class FilterPresentation(Enum):
    IMAGE = strawberry.enum_value("IMAGE", description="Image presentation, filter values display an image.")
    SWATCH = strawberry.enum_value(
        "SWATCH", description="Swatch presentation, filter values display color or image patterns."
    )
    TEXT = strawberry.enum_value(
        "TEXT", description="Text presentation, no additional visual display for filter values."
    )


@strawberry.enum(name="MenuItemType", description="A menu item type.")
class MenuItemType(Enum):
    ARTICLE = strawberry.enum_value("ARTICLE", description="An article link.")
    BLOG = strawberry.enum_value("BLOG", description="A blog link.")
    CATALOG = strawberry.enum_value("CATALOG", description="A catalog link.")
    COLLECTION = strawberry.enum_value("COLLECTION", description="A collection link.")
    COLLECTIONS = strawberry.enum_value("COLLECTIONS", description="A collection link.")
    CUSTOMER_ACCOUNT_PAGE = strawberry.enum_value(
        "CUSTOMER_ACCOUNT_PAGE", description="A customer account page link."
    )
    FRONTPAGE = strawberry.enum_value("FRONTPAGE", description="A frontpage link.")
    HTTP = strawberry.enum_value("HTTP", description="An http link.")
    METAOBJECT = strawberry.enum_value("METAOBJECT", description="A metaobject page link.")
    PAGE = strawberry.enum_value("PAGE", description="A page link.")
    PRODUCT = strawberry.enum_value("PRODUCT", description="A product link.")
    SEARCH = strawberry.enum_value("SEARCH", description="A search link.")
    SHOP_POLICY = strawberry.enum_value("SHOP_POLICY", description="A shop policy link.")


@strawberry.enum(
    name="ProductVariantSortKeys", description="The set of valid sort keys for the ProductVariant query."
)
class ProductVariantSortKeys(Enum):
    ID = strawberry.enum_value("ID", description="Sort by the `id` value.")
    POSITION = strawberry.enum_value("POSITION", description="Sort by the `position` value.")
    RELEVANCE = strawberry.enum_value(
        "RELEVANCE",
        description="Sort by relevance to the search terms when the `query` parameter is specified on the connection.\nDon't use this sort key when no search query is specified.\n",
    )
    SKU = strawberry.enum_value("SKU", description="Sort by the `sku` value.")
    TITLE = strawberry.enum_value("TITLE", description="Sort by the `title` value.")


@strawberry.enum(
    name="ProductImageSortKeys", description="The set of valid sort keys for the ProductImage query."
)
class ProductImageSortKeys(Enum):
    CREATED_AT = strawberry.enum_value("CREATED_AT", description="Sort by the `created_at` value.")
    ID = strawberry.enum_value("ID", description="Sort by the `id` value.")
    POSITION = strawberry.enum_value("POSITION", description="Sort by the `position` value.")
    RELEVANCE = strawberry.enum_value(
        "RELEVANCE",
        description="Sort by relevance to the search terms when the `query` parameter is specified on the connection.\nDon't use this sort key when no search query is specified.\n",
    )


__all__ = [
    "CollectionSortKeys",
    "CropRegion",
    "FilterPresentation",
    "FilterType",
    "ImageContentType",
    "MenuItemType",
    "ProductCollectionSortKeys",
    "ProductImageSortKeys",
    "ProductSortKeys",
    "ProductVariantSortKeys",
    "SearchPrefixQueryType",
    "SearchSortKeys",
    "SearchType",
    "SearchUnavailableProductsType",
    "WeightUnit",
]
