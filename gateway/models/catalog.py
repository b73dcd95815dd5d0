"""Catalog models (products, variants, collections) in the shapes of the Storefront API."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Detail(StrEnum):
    """How much of a product a catalog read fetches (see the Storefront connector's documents)."""

    CARD = "card"
    """What a listing shows: titles, prices, the featured image, variants with prices and options."""
    FULL = "full"
    """Everything the gateway's Product holds: descriptions, SEO, options, images, all variant fields."""


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency_code: str


@dataclass(frozen=True, slots=True)
class Image:
    id: str | None
    url: str
    alt_text: str | None
    width: int | None
    height: int | None


@dataclass(frozen=True, slots=True)
class Seo:
    title: str | None
    description: str | None


@dataclass(frozen=True, slots=True)
class SelectedOption:
    name: str
    value: str


@dataclass(frozen=True, slots=True)
class OptionValue:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class ProductOption:
    id: str
    name: str
    values: tuple[OptionValue, ...]


@dataclass(frozen=True, slots=True)
class PriceRange:
    min: Money
    max: Money


@dataclass(frozen=True, slots=True)
class Variant:
    id: str
    product_id: str
    title: str
    sku: str | None
    barcode: str | None
    price: Money
    compare_at_price: Money | None
    available_for_sale: bool
    currently_not_in_stock: bool
    quantity_available: int | None
    selected_options: tuple[SelectedOption, ...]
    image: Image | None
    requires_shipping: bool
    weight: float | None
    weight_unit: str


@dataclass(frozen=True, slots=True)
class Product:
    id: str
    handle: str
    title: str
    description: str
    description_html: str
    vendor: str
    product_type: str
    tags: tuple[str, ...]
    available_for_sale: bool
    options: tuple[ProductOption, ...]
    variants: tuple[Variant, ...]
    featured_image: Image | None
    images: tuple[Image, ...]
    price_range: PriceRange
    compare_at_price_range: PriceRange
    seo: Seo
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    online_store_url: str | None
    total_inventory: int | None

    @property
    def skus(self) -> tuple[str, ...]:
        return tuple(v.sku for v in self.variants if v.sku)


@dataclass(frozen=True, slots=True)
class Collection:
    id: str
    handle: str
    title: str
    description: str
    description_html: str
    image: Image | None
    seo: Seo
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@dataclass(frozen=True, slots=True)
class FilterValue:
    id: str
    label: str
    count: int
    input: str
    """The JSON `ProductFilter` that selects this value, as Shopify returns it."""


@dataclass(frozen=True, slots=True)
class Filter:
    id: str
    label: str
    type: str
    values: tuple[FilterValue, ...]


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a Relay connection: items with their backend cursors, and where the page sits."""

    edges: tuple[tuple[str, T], ...]
    page_info: PageInfo
    total_count: int | None = None
    filters: tuple[Filter, ...] = field(default=())

    @property
    def items(self) -> tuple[T, ...]:
        return tuple(node for _, node in self.edges)


@dataclass(frozen=True, slots=True)
class MenuItem:
    id: str
    title: str
    url: str | None
    type: str
    resource_id: str | None
    items: tuple[MenuItem, ...]


@dataclass(frozen=True, slots=True)
class Menu:
    id: str
    handle: str
    title: str
    items: tuple[MenuItem, ...]


@dataclass(frozen=True, slots=True)
class Shop:
    id: str
    name: str
    description: str | None
    primary_domain_url: str
    primary_domain_host: str
    currency_code: str


@dataclass(frozen=True, slots=True)
class ListArgs:
    """Arguments of a catalog list (`products`, `collections`, `Collection.products`, `search`).

    Frozen, so that it is hashable and its repr is a stable cache key: a page is cached under its
    exact arguments, level of detail included.
    """

    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None
    reverse: bool = False
    sort_key: str | None = None
    query: str | None = None
    filters: str | None = None
    """`ProductFilter` inputs as canonical JSON (sorted keys)."""
    types: tuple[str, ...] | None = None
    unavailable_products: str | None = None
    prefix: str | None = None
    detail: Detail = Detail.FULL


__all__ = [
    "Collection",
    "Detail",
    "Filter",
    "FilterValue",
    "Image",
    "ListArgs",
    "Menu",
    "MenuItem",
    "Money",
    "OptionValue",
    "Page",
    "PageInfo",
    "PriceRange",
    "Product",
    "ProductOption",
    "SelectedOption",
    "Seo",
    "Shop",
    "Variant",
]
