"""`ProductFilter` inputs and the `Filter` facets Shopify's Search & Discovery app returns with them.

Filters of one kind are alternatives (two colours: either), filters of different kinds all apply,
as on a Shopify storefront. Each facet value counts the products it would leave, given the other
kinds' filters, and carries the `input` a client sends back to select it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from sandbox.shopify.merchandising.swatches import SwatchRecord, swatch_of
from sandbox.shopify.records import ProductRecord

from .context import StorefrontContext

Match = Callable[[ProductRecord], bool]


def _option_value(product: ProductRecord, name: str, value: str) -> bool:
    name, value = name.casefold(), value.casefold()
    for option in product.options:
        if name in {option.name.en_US.casefold(), option.name.fr_FR.casefold(), option.name.de_DE.casefold()}:
            for option_value in option.values:
                names = (option_value.name.en_US, option_value.name.fr_FR, option_value.name.de_DE)
                if value in {n.casefold() for n in names}:
                    return True
    return False


def _filter(spec: dict[str, Any], ctx: StorefrontContext) -> tuple[str, Match]:
    """The kind of one `ProductFilter` and the test it stands for."""
    if spec.get("available") is not None:
        wanted = bool(spec["available"])
        return "available", lambda product: product.available_for_sale is wanted
    if spec.get("price") is not None:
        low, high = spec["price"].get("min"), spec["price"].get("max")
        market = ctx.market

        def in_range(product: ProductRecord) -> bool:
            for variant in product.variants:
                price = market.convert(variant.price)
                if (low is None or price >= Decimal(str(low))) and (
                    high is None or price <= Decimal(str(high))
                ):
                    return True
            return False

        return "price", in_range
    if spec.get("productType") is not None:
        wanted_type = str(spec["productType"]).casefold()
        return "productType", lambda product: product.product_type.casefold() == wanted_type
    if spec.get("productVendor") is not None:
        wanted_vendor = str(spec["productVendor"]).casefold()
        return "productVendor", lambda product: product.vendor.casefold() == wanted_vendor
    if spec.get("tag") is not None:
        wanted_tag = str(spec["tag"]).casefold()
        return "tag", lambda product: any(tag.casefold() == wanted_tag for tag in product.tags)
    option = spec.get("variantOption")
    if option is not None:
        name, value = str(option.get("name", "")), str(option.get("value", ""))
        return f"variantOption:{name.casefold()}", lambda product: _option_value(product, name, value)
    # Metafield, category and taxonomy filters: no sandbox product carries those values.
    return "other", lambda product: False


class FilterSet:
    """The `ProductFilter` list of one request, grouped by kind."""

    def __init__(self, specs: Iterable[dict[str, Any]] | None, ctx: StorefrontContext) -> None:
        self.groups: dict[str, list[Match]] = {}
        for spec in specs or ():
            kind, match = _filter(spec, ctx)
            self.groups.setdefault(kind, []).append(match)

    def __bool__(self) -> bool:
        return bool(self.groups)

    def accepts(self, product: ProductRecord, *, skip: str | None = None) -> bool:
        return all(
            any(match(product) for match in matches) for kind, matches in self.groups.items() if kind != skip
        )


def _value(filter_id: str, key: str, label: str, count: int, input_: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"{filter_id}.{key}",
        "label": label,
        "count": count,
        "input": json.dumps(input_, separators=(",", ":"), ensure_ascii=False),
        "image": None,
        "swatch": None,
    }


def facets(base: list[ProductRecord], filters: FilterSet, ctx: StorefrontContext) -> list[dict[str, Any]]:
    """The `filters` of a product listing: availability, price, type, vendor, options and tags."""
    locale = ctx.locale

    def counted(kind: str) -> list[ProductRecord]:
        return [product for product in base if filters.accepts(product, skip=kind)]

    out: list[dict[str, Any]] = []
    pool = counted("available")
    out.append(
        {
            "id": "filter.v.availability",
            "label": "Availability",
            "type": "LIST",
            "presentation": "TEXT",
            "values": [
                _value(
                    "filter.v.availability",
                    "1",
                    "In stock",
                    sum(p.available_for_sale for p in pool),
                    {"available": True},
                ),
                _value(
                    "filter.v.availability",
                    "0",
                    "Out of stock",
                    sum(not p.available_for_sale for p in pool),
                    {"available": False},
                ),
            ],
        }
    )
    highest = max((ctx.market.convert(p.max_price) for p in counted("price")), default=Decimal(0))
    out.append(
        {
            "id": "filter.v.price",
            "label": "Price",
            "type": "PRICE_RANGE",
            "presentation": None,
            "values": [
                {
                    "id": "filter.v.price",
                    "label": "Price",
                    "count": 0,
                    "input": json.dumps({"price": {"min": 0, "max": float(highest)}}, separators=(",", ":")),
                }
            ],
        }
    )
    for filter_id, label, kind, get, key in (
        ("filter.p.product_type", "Product type", "productType", lambda p: [p.product_type], "productType"),
        ("filter.p.vendor", "Vendor", "productVendor", lambda p: [p.vendor], "productVendor"),
        ("filter.p.tag", "Tags", "tag", lambda p: p.tags, "tag"),
    ):
        counts: dict[str, int] = {}
        for product in counted(kind):
            for value in get(product):
                counts[value] = counts.get(value, 0) + 1
        out.append(
            {
                "id": filter_id,
                "label": label,
                "type": "LIST",
                "presentation": "TEXT",
                "values": [_value(filter_id, v, v, n, {key: v}) for v, n in sorted(counts.items())],
            }
        )
    for option_name in ("color", "size"):
        filter_id = f"filter.v.option.{option_name}"
        option_counts: dict[str, tuple[str, int]] = {}
        swatches: dict[str, SwatchRecord | None] = {}
        label = option_name.title()
        for product in counted(f"variantOption:{option_name}"):
            for option in product.options:
                if option.name.en_US.casefold() != option_name:
                    continue
                label = option.name.get(locale)
                for value in option.values:
                    name = value.name.get(locale)
                    option_counts[name] = (name, option_counts.get(name, (name, 0))[1] + 1)
                    swatches.setdefault(name, swatch_of(value))
        if option_counts:
            # Colours show as swatches, as a shop that gives its colour values one presents them.
            swatched = any(swatches.get(name) for name in option_counts)
            out.append(
                {
                    "id": filter_id,
                    "label": label,
                    "type": "LIST",
                    "presentation": "SWATCH" if swatched else "TEXT",
                    "values": [
                        _value(
                            filter_id,
                            name.casefold(),
                            name,
                            n,
                            {"variantOption": {"name": option_name, "value": name}},
                        )
                        | {"swatch": swatches.get(name)}
                        for name, n in sorted(option_counts.values())
                    ],
                }
            )
    return out


def listing_facets(
    scope: tuple[Any, ...],
    base: list[ProductRecord],
    specs: list[dict[str, Any]] | None,
    ctx: StorefrontContext,
) -> list[dict[str, Any]]:
    """The `filters` of the listing `scope` (a collection, a search), cached until the store changes.

    Counting facets walks every product of the listing and its stock; a storefront asks for the
    same listing's facets on every page, so they are computed once per listing, filters and market.
    """
    key = ("facets", *scope, json.dumps(specs, sort_keys=True, default=str), ctx.locale, ctx.market.country)
    return ctx.store.view(key, lambda: facets(base, FilterSet(specs, ctx), ctx))


__all__ = ["FilterSet", "facets", "listing_facets"]
