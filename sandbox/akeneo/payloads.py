"""Store records rendered as Akeneo's JSON: products, product models, values and media files.

Values always come as lists of `{locale, scope, data}`; the `locales`, `scope` and `attributes`
parameters trim what is returned (non-localizable and non-scopable values are always kept),
`with_attribute_options` adds `linked_data` to select values, and image values carry an absolute
`_links.download.href` to this emulator.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .catalog import Catalog, MediaFile, ProductModel, Values, VariantProduct
from .structure import IDENTIFIER_TYPE, IMAGE, SIMPLE_SELECT, Structure

API = "/api/rest/v1"
ASSOCIATION_TYPES = ("PACK", "SUBSTITUTION", "UPSELL", "X_SELL")
"""Akeneo's default association types; the sandbox links nothing, but lists them as Akeneo does."""


@dataclass(frozen=True, slots=True)
class ValueView:
    """Which values a response carries (`locales`, `scope`, `attributes`, `with_attribute_options`)."""

    locales: frozenset[str] | None = None
    scope: str | None = None
    attributes: frozenset[str] | None = None
    with_options: bool = False


def timestamp(moment: datetime) -> str:
    """ISO-8601 with offset and no fraction, as Akeneo's `DateTimeNormalizer` writes dates."""
    return moment.isoformat(timespec="seconds")


def media_download_url(origin: str, code: str) -> str:
    return f"{origin}{API}/media-files/{code}/download"


def render_values(values: Values, structure: Structure, view: ValueView, origin: str) -> dict[str, Any]:
    rendered: dict[str, Any] = {}
    locales, scope, wanted = view.locales, view.scope, view.attributes
    for attribute in structure.ordered_attributes:
        code = attribute.code
        stored = values.get(code)
        if stored is None or (wanted is not None and code not in wanted):
            continue
        kind = attribute.type
        items = []
        for (locale, channel), data in stored.items():
            if locale is not None and locales is not None and locale not in locales:
                continue
            if channel is not None and scope is not None and channel != scope:
                continue
            item: dict[str, Any] = {"locale": locale, "scope": channel, "data": data}
            if kind == IDENTIFIER_TYPE:
                item["attribute_type"] = IDENTIFIER_TYPE
            elif kind == SIMPLE_SELECT and view.with_options:
                option = structure.option(code, data)
                labels = dict(option.labels) if option is not None else {}
                item["linked_data"] = {"attribute": code, "code": data, "labels": labels}
            elif kind == IMAGE:
                item["_links"] = {"download": {"href": media_download_url(origin, data)}}
            items.append(item)
        if items:
            rendered[code] = items
    return rendered


def _associations() -> dict[str, Any]:
    return {code: {"products": [], "product_models": [], "groups": []} for code in ASSOCIATION_TYPES}


def product_url(origin: str, uuid: str) -> str:
    return f"{origin}{API}/products-uuid/{uuid}"


def product_payload(
    catalog: Catalog, product: VariantProduct, view: ValueView, origin: str, *, self_link: bool = False
) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if self_link:
        body["_links"] = {"self": {"href": product_url(origin, product.uuid)}}
    body.update(
        {
            "uuid": product.uuid,
            "enabled": product.enabled,
            "family": product.family,
            "categories": list(catalog.categories_of(product)),
            "groups": [],
            "parent": product.parent,
            "values": render_values(catalog.values_of(product), catalog.structure, view, origin),
            "created": timestamp(product.created),
            "updated": timestamp(catalog.updated_of(product)),
            "associations": _associations(),
            "quantified_associations": {},
        }
    )
    return body


def model_url(origin: str, code: str) -> str:
    return f"{origin}{API}/product-models/{code}"


def model_payload(
    catalog: Catalog, model: ProductModel, view: ValueView, origin: str, *, self_link: bool = False
) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if self_link:
        body["_links"] = {"self": {"href": model_url(origin, model.code)}}
    body.update(
        {
            "code": model.code,
            "family": model.family,
            "family_variant": model.family_variant,
            "parent": None,
            "categories": list(model.categories),
            "values": render_values(model.values, catalog.structure, view, origin),
            "created": timestamp(model.created),
            "updated": timestamp(model.updated),
            "associations": _associations(),
            "quantified_associations": {},
        }
    )
    return body


def media_payload(media: MediaFile, size: int, origin: str, *, self_link: bool = False) -> dict[str, Any]:
    links: dict[str, Any] = {}
    if self_link:
        links["self"] = {"href": f"{origin}{API}/media-files/{media.code}"}
    links["download"] = {"href": media_download_url(origin, media.code)}
    body: dict[str, Any] = {"_links": links} if self_link else {}
    body.update(
        {
            "code": media.code,
            "original_filename": media.original_filename,
            "mime_type": media.mime_type,
            "size": size,
            "extension": media.extension,
        }
    )
    if not self_link:
        body["_links"] = links
    return body


__all__ = [
    "API",
    "ASSOCIATION_TYPES",
    "ValueView",
    "media_download_url",
    "media_payload",
    "model_payload",
    "model_url",
    "product_payload",
    "product_url",
    "render_values",
    "timestamp",
]
