"""Faceted filtering: the ProductFilter input and the Filter facets Shopify computes for a listing."""

from __future__ import annotations

import json
from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from gateway.models import catalog as models

from .enums import FilterPresentation, FilterType


@strawberry.input(
    name="PriceRangeFilter",
    description="The input fields for a filter used to view a subset of products in a collection matching a specific price range.",
)
class PriceRangeFilter:
    min: float | None = strawberry.field(
        default=0.0, description="The minimum price in the range. Defaults to zero."
    )
    max: float | None = strawberry.field(
        default=None, description="The maximum price in the range. Empty indicates no max price."
    )


@strawberry.input(
    name="VariantOptionFilter",
    description="The input fields for a filter used to view a subset of products in a collection matching a specific variant option.",
)
class VariantOptionFilter:
    name: str = strawberry.field(description="The name of the variant option to filter on.")
    value: str = strawberry.field(description="The value of the variant option to filter on.")


@strawberry.input(
    name="ProductFilter",
    description="The input fields for a filter used to view a subset of products in a collection.",
)
class ProductFilter:
    available: bool | None = strawberry.field(
        default=None, description="Filter on if the product is available for sale."
    )
    price: PriceRangeFilter | None = strawberry.field(
        default=None, description="A range of prices to filter with-in."
    )
    product_type: str | None = strawberry.field(default=None, description="The product type to filter on.")
    product_vendor: str | None = strawberry.field(
        default=None, description="The product vendor to filter on."
    )
    tag: str | None = strawberry.field(default=None, description="A product tag to filter on.")
    variant_option: VariantOptionFilter | None = strawberry.field(
        default=None, description="A variant option to filter on."
    )


def filters_json(filters: list[ProductFilter] | None) -> str | None:
    """Canonical JSON of the filters, in Shopify's input shape: a stable cache key and the connector's input."""
    if not filters:
        return None
    encoded: list[dict[str, Any]] = []
    for item in filters:
        entry: dict[str, Any] = {}
        if item.available is not None:
            entry["available"] = item.available
        if item.price is not None:
            entry["price"] = {
                k: v for k, v in (("min", item.price.min), ("max", item.price.max)) if v is not None
            }
        if item.product_type is not None:
            entry["productType"] = item.product_type
        if item.product_vendor is not None:
            entry["productVendor"] = item.product_vendor
        if item.tag is not None:
            entry["tag"] = item.tag
        if item.variant_option is not None:
            entry["variantOption"] = {"name": item.variant_option.name, "value": item.variant_option.value}
        encoded.append(entry)
    return json.dumps(encoded, sort_keys=True, separators=(",", ":"))


@strawberry.type(name="FilterValue", description="A selectable value within a filter.")
class FilterValue:
    id: str = strawberry.field(description="A unique identifier.")
    label: str = strawberry.field(description="A human-friendly label for the filter value.")
    count: int = strawberry.field(description="The number of results that match this filter value.")
    input: JSON = strawberry.field(
        description="An input object that can be used to filter by this value on the parent field."
    )


@strawberry.type(name="Filter", description="A filter that is supported on the parent field.")
class Filter:
    id: str = strawberry.field(description="A unique identifier.")
    label: str = strawberry.field(description="A human-friendly label for the filter.")
    presentation: FilterPresentation | None = strawberry.field(
        description="Describes how to present the filter values."
    )
    type: FilterType = strawberry.field(
        description="An enumeration that denotes the type of data this filter represents."
    )
    values: list[FilterValue] = strawberry.field(description="The list of values for this filter.")

    @classmethod
    def from_model(cls, facet: models.Filter) -> Filter:
        return cls(
            id=facet.id,
            label=facet.label,
            presentation=FilterPresentation.TEXT if facet.type == "LIST" else None,
            type=FilterType(facet.type),
            values=[
                FilterValue(id=v.id, label=v.label, count=v.count, input=cast(JSON, v.input))
                for v in facet.values
            ],
        )


__all__ = [
    "Filter",
    "FilterValue",
    "PriceRangeFilter",
    "ProductFilter",
    "VariantOptionFilter",
    "filters_json",
]
