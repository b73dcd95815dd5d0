"""Storefront API JSON to the gateway's catalog models.

Shopify's JSON is checked as it is read: a missing key or a wrong type raises `ValueError`, which
the connector reports as a bad response from Shopify instead of letting garbage reach a resolver.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from gateway.models.catalog import (
    Collection,
    Filter,
    FilterValue,
    Image,
    Menu,
    MenuItem,
    Money,
    OptionValue,
    Page,
    PageInfo,
    PriceRange,
    Product,
    ProductOption,
    SelectedOption,
    Seo,
    Shop,
    Variant,
)


def _obj(data: Any, what: str) -> dict[str, Any]:
    # Decoded JSON objects are dicts; `isinstance(x, Mapping)` would cost an ABC check per object.
    if not isinstance(data, dict):
        raise ValueError(f"{what}: expected an object, got {type(data).__name__}")
    return data


def _str(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise ValueError(f"{key}: expected a string, got {type(value).__name__}")
    return value


def _opt_str(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{key}: expected a string or null")
    return value


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise ValueError(f"{key}: expected a list")
    return value


def _datetime(data: dict[str, Any], key: str) -> datetime:
    return datetime.fromisoformat(_str(data, key))


def money(data: Any) -> Money:
    data = _obj(data, "MoneyV2")
    try:
        return Money(Decimal(_str(data, "amount")), _str(data, "currencyCode"))
    except InvalidOperation:
        raise ValueError("MoneyV2.amount: not a decimal") from None


def image(data: Any) -> Image | None:
    if data is None:
        return None
    data = _obj(data, "Image")
    return Image(
        _opt_str(data, "id"),
        _str(data, "url"),
        _opt_str(data, "altText"),
        data.get("width"),
        data.get("height"),
    )


def _seo(data: Any) -> Seo:
    data = _obj(data, "SEO")
    return Seo(_opt_str(data, "title"), _opt_str(data, "description"))


def _price_range(data: Any) -> PriceRange:
    data = _obj(data, "ProductPriceRange")
    return PriceRange(money(data.get("minVariantPrice")), money(data.get("maxVariantPrice")))


def variant(data: Any, product_id: str) -> Variant:
    data = _obj(data, "ProductVariant")
    quantity = data.get("quantityAvailable")
    weight = data.get("weight")
    return Variant(
        id=_str(data, "id"),
        product_id=product_id,
        title=_str(data, "title"),
        sku=_opt_str(data, "sku") or None,
        barcode=_opt_str(data, "barcode") or None,  # full detail only, like the fields marked so below
        price=money(data.get("price")),
        compare_at_price=money(data["compareAtPrice"]) if data.get("compareAtPrice") else None,
        available_for_sale=bool(data.get("availableForSale")),
        currently_not_in_stock=bool(data.get("currentlyNotInStock")),
        quantity_available=quantity if isinstance(quantity, int) else None,
        selected_options=tuple(
            SelectedOption(_str(o, "name"), _str(o, "value"))
            for o in (_obj(item, "SelectedOption") for item in _list(data, "selectedOptions"))
        ),
        image=image(data.get("image")),
        requires_shipping=bool(data.get("requiresShipping", True)),
        weight=float(weight) if isinstance(weight, int | float) else None,
        weight_unit=data.get("weightUnit") or "KILOGRAMS",
    )


def product(data: Any) -> Product:
    data = _obj(data, "Product")
    product_id = _str(data, "id")
    published = data.get("publishedAt")
    return Product(
        id=product_id,
        handle=_str(data, "handle"),
        title=_str(data, "title"),
        # description, descriptionHtml, seo, options and images come with the full detail only
        description=_opt_str(data, "description") or "",
        description_html=_opt_str(data, "descriptionHtml") or "",
        vendor=_str(data, "vendor"),
        product_type=_str(data, "productType"),
        tags=tuple(str(tag) for tag in _list(data, "tags")),
        available_for_sale=bool(data.get("availableForSale")),
        options=tuple(
            ProductOption(
                _str(option, "id"),
                _str(option, "name"),
                tuple(OptionValue(_str(v, "id"), _str(v, "name")) for v in _list(option, "optionValues")),
            )
            for option in data.get("options") or ()
        ),
        variants=tuple(
            variant(v, product_id) for v in _list(_obj(data.get("variants"), "variants"), "nodes")
        ),
        featured_image=image(data.get("featuredImage")),
        images=tuple(
            i
            for i in (image(n) for n in _list(_obj(data.get("images") or {"nodes": []}, "images"), "nodes"))
            if i
        ),
        price_range=_price_range(data.get("priceRange")),
        compare_at_price_range=_price_range(data.get("compareAtPriceRange")),
        seo=_seo(data.get("seo") or {}),
        created_at=_datetime(data, "createdAt"),
        updated_at=_datetime(data, "updatedAt"),
        published_at=datetime.fromisoformat(published) if isinstance(published, str) else None,
        online_store_url=_opt_str(data, "onlineStoreUrl"),
        total_inventory=data.get("totalInventory") if isinstance(data.get("totalInventory"), int) else None,
    )


def collection(data: Any) -> Collection:
    data = _obj(data, "Collection")
    return Collection(
        id=_str(data, "id"),
        handle=_str(data, "handle"),
        title=_str(data, "title"),
        description=_str(data, "description"),
        description_html=_str(data, "descriptionHtml"),
        image=image(data.get("image")),
        seo=_seo(data.get("seo")),
        updated_at=_datetime(data, "updatedAt"),
    )


def _filters(data: Any) -> tuple[Filter, ...]:
    if data is None:
        return ()
    if not isinstance(data, list):
        raise ValueError("filters: expected a list")
    filters = []
    for item in data:
        item = _obj(item, "Filter")
        values = []
        for value in _list(item, "values"):
            value = _obj(value, "FilterValue")
            raw_input = value.get("input")
            values.append(
                FilterValue(
                    _str(value, "id"),
                    _str(value, "label"),
                    int(value.get("count") or 0),
                    raw_input if isinstance(raw_input, str) else json.dumps(raw_input),
                )
            )
        filters.append(Filter(_str(item, "id"), _str(item, "label"), _str(item, "type"), tuple(values)))
    return tuple(filters)


def _page_info(data: Any) -> PageInfo:
    data = _obj(data, "PageInfo")
    return PageInfo(
        bool(data.get("hasNextPage")),
        bool(data.get("hasPreviousPage")),
        _opt_str(data, "startCursor"),
        _opt_str(data, "endCursor"),
    )


def product_page(data: Any, *, filters_key: str = "filters") -> Page[Product]:
    data = _obj(data, "ProductConnection")
    edges = []
    for edge in _list(data, "edges"):
        edge = _obj(edge, "edge")
        edges.append((_str(edge, "cursor"), product(edge.get("node"))))
    total = data.get("totalCount")
    return Page(
        tuple(edges),
        _page_info(data.get("pageInfo")),
        total_count=int(total) if isinstance(total, int | str) and str(total).isdigit() else None,
        filters=_filters(data.get(filters_key)),
    )


def collection_page(data: Any) -> Page[Collection]:
    data = _obj(data, "CollectionConnection")
    edges = tuple((_str(_obj(e, "edge"), "cursor"), collection(e.get("node"))) for e in _list(data, "edges"))
    total = data.get("totalCount")
    return Page(
        edges, _page_info(data.get("pageInfo")), total_count=int(total) if total is not None else None
    )


def shop(data: Any) -> Shop:
    data = _obj(data, "Shop")
    domain = _obj(data.get("primaryDomain"), "Domain")
    payment = _obj(data.get("paymentSettings"), "PaymentSettings")
    return Shop(
        id=_str(data, "id"),
        name=_str(data, "name"),
        description=_opt_str(data, "description"),
        primary_domain_url=_str(domain, "url"),
        primary_domain_host=_str(domain, "host"),
        currency_code=_str(payment, "currencyCode"),
    )


def _menu_item(data: Any) -> MenuItem:
    data = _obj(data, "MenuItem")
    return MenuItem(
        id=_str(data, "id"),
        title=_str(data, "title"),
        url=_opt_str(data, "url"),
        type=_str(data, "type"),
        resource_id=_opt_str(data, "resourceId"),
        items=tuple(_menu_item(child) for child in data.get("items") or ()),
    )


def menu(data: Any) -> Menu:
    data = _obj(data, "Menu")
    return Menu(
        id=_str(data, "id"),
        handle=_str(data, "handle"),
        title=_str(data, "title"),
        items=tuple(_menu_item(item) for item in _list(data, "items")),
    )


__all__ = [
    "collection",
    "collection_page",
    "image",
    "menu",
    "money",
    "product",
    "product_page",
    "shop",
    "variant",
]
