"""The emulated PIM's products: one product model per world product, one variant product per variant.

Values are split the way the family variant says: the model holds the shared content (name,
description, features, material, care, dimensions, images), each variant its own SKU, colour, size
and weight. Reads merge the two, as Akeneo's API returns a variant with its inherited values, and a
variant's `updated` is the latest of its own and its model's (Akeneo's `GREATEST` rule), so editing a
model shows up in incremental syncs of its variants.

Everything is indexed (uuid, SKU, model code, category, family) so batch reads never scan.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sandbox.seed import Media, Product, Variant, World

from .structure import (
    IDENTIFIER,
    IMAGE_ATTRIBUTES,
    LOCALES,
    Structure,
    colour_code,
    family_variant_code,
    option_code,
)

ValueKey = tuple[str | None, str | None]
"""`(locale, scope)` of one value."""
Values = dict[str, dict[ValueKey, Any]]
"""Attribute code → `(locale, scope)` → data."""


@dataclass(slots=True)
class ProductModel:
    """A product model: the values every variant of one world product shares."""

    code: str
    family: str
    family_variant: str
    categories: tuple[str, ...]
    values: Values
    created: datetime
    updated: datetime
    variants: list[str] = field(default_factory=list)
    """Uuids of the model's variant products."""


@dataclass(slots=True)
class VariantProduct:
    """A variant product: its own values; the rest comes from its parent model."""

    uuid: str
    identifier: str
    parent: str
    family: str
    enabled: bool
    values: Values
    created: datetime
    updated: datetime
    categories: tuple[str, ...] = ()
    """Categories set on the variant itself; the model's are added on read."""


@dataclass(frozen=True, slots=True)
class MediaFile:
    """A media file of the catalog storage, as `GET /media-files/{code}` describes it."""

    code: str
    original_filename: str
    label: str
    """Used to tint the generated image, so each product's pictures look different."""

    @property
    def extension(self) -> str:
        return self.code.rsplit(".", 1)[-1].lower()

    @property
    def mime_type(self) -> str:
        return "image/png" if self.extension == "png" else "image/jpeg"


def _short(text: str) -> str:
    """The mobile channel's description: the first sentence only."""
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def _model_values(product: Product) -> Values:
    content = product.content
    values: Values = {
        "name": {(loc, None): content.name.get(loc) for loc in LOCALES},
        "description": {},
        # One feature per line: the copy stays plain text and the storefront decides how to bullet it.
        "features": {(loc, None): "\n".join(f.get(loc) for f in content.features) for loc in LOCALES},
        "material": {(None, None): content.material.code},
        "care": {(loc, None): content.care.get(loc) for loc in LOCALES},
        "dimensions": {(None, None): content.dimensions},
    }
    for loc in LOCALES:
        text = content.description.get(loc)
        values["description"][(loc, "ecommerce")] = text
        values["description"][(loc, "mobile")] = _short(text)
    for attribute, media in zip(IMAGE_ATTRIBUTES, content.media, strict=False):
        values[attribute] = {(None, None): media.code}
    return values


def _variant_values(variant: Variant) -> Values:
    return {
        IDENTIFIER: {(None, None): variant.sku},
        "color": {(None, None): colour_code(variant.colour)},
        "size": {(None, None): option_code(variant.size)},
        "weight": {(None, None): {"amount": f"{Decimal(variant.weight_g):.4f}", "unit": "GRAM"}},
    }


class Catalog:
    """The mutable product store of one emulator, built from the world at creation."""

    def __init__(self, world: World, structure: Structure) -> None:
        self.structure = structure
        self.models: dict[str, ProductModel] = {}
        self.products: dict[str, VariantProduct] = {}
        self.by_identifier: dict[str, str] = {}
        self.by_category: dict[str, set[str]] = {}
        self.by_family: dict[str, set[str]] = {}
        self.media: dict[str, MediaFile] = {}
        for product in world.products:
            self._add(product)
        self.ordered: list[str] = sorted(self.products)
        """Every uuid in ascending order: Akeneo sorts product lists by primary key."""
        self.ordered_models: list[str] = sorted(self.models)

    def _add(self, product: Product) -> None:
        content = product.content
        model = ProductModel(
            code=product.handle,
            family=content.family,
            family_variant=family_variant_code(content.family),
            categories=content.categories,
            values=_model_values(product),
            created=product.created_at,
            updated=content.updated_at,
        )
        self.models[model.code] = model
        for media in content.media:
            self.media[media.code] = _media_file(media)
        for variant in product.variants:
            item = VariantProduct(
                uuid=variant.akeneo_uuid,
                identifier=variant.sku,
                parent=model.code,
                family=model.family,
                enabled=product.published,
                values=_variant_values(variant),
                created=product.created_at,
                updated=product.updated_at,
            )
            self.products[item.uuid] = item
            self.by_identifier[item.identifier] = item.uuid
            model.variants.append(item.uuid)
            self.by_family.setdefault(item.family, set()).add(item.uuid)
            for category in model.categories:
                self.by_category.setdefault(category, set()).add(item.uuid)

    def model_of(self, product: VariantProduct) -> ProductModel:
        return self.models[product.parent]

    def categories_of(self, product: VariantProduct) -> tuple[str, ...]:
        """The variant's categories and its model's, as Akeneo returns them (model's first)."""
        inherited = self.model_of(product).categories
        return inherited + tuple(c for c in product.categories if c not in inherited)

    def updated_of(self, product: VariantProduct) -> datetime:
        return max(product.updated, self.model_of(product).updated)

    def value(self, product: VariantProduct, attribute: str) -> dict[ValueKey, Any] | None:
        """One attribute's values, from the variant or else from its model."""
        own = product.values.get(attribute)
        return own if own is not None else self.model_of(product).values.get(attribute)

    def values_of(self, product: VariantProduct) -> Values:
        """Own values over inherited ones (the levels never share an attribute)."""
        return {**self.model_of(product).values, **product.values}

    def after(self, key: str) -> int:
        """Index in `ordered` of the first uuid strictly after `key` (search_after cursors)."""
        return bisect.bisect_right(self.ordered, key)

    def move(self, product: VariantProduct, model: ProductModel) -> None:
        """Give the variant another parent model, keeping the category index in step."""
        for category in self.categories_of(product):
            self.by_category.get(category, set()).discard(product.uuid)
        self.model_of(product).variants.remove(product.uuid)
        product.parent = model.code
        model.variants.append(product.uuid)
        for category in self.categories_of(product):
            self.by_category.setdefault(category, set()).add(product.uuid)

    def reidentify(self, product: VariantProduct, old: str, new: str) -> None:
        """Keep the identifier index in step after the variant's SKU changed."""
        if new == old:
            return
        self.by_identifier.pop(old, None)
        self.by_identifier[new] = product.uuid
        product.identifier = new

    def set_model_categories(self, model: ProductModel, categories: tuple[str, ...]) -> None:
        """Replace a model's categories; its variants inherit the change."""
        variants = [self.products[u] for u in model.variants]
        for product in variants:
            for category in self.categories_of(product):
                self.by_category.get(category, set()).discard(product.uuid)
        model.categories = categories
        for product in variants:
            product.categories = tuple(c for c in product.categories if c not in categories)
            for category in self.categories_of(product):
                self.by_category.setdefault(category, set()).add(product.uuid)

    def set_categories(self, product: VariantProduct, categories: tuple[str, ...]) -> None:
        """Replace the variant's own categories, keeping the category index in step."""
        for category in self.categories_of(product):
            self.by_category.get(category, set()).discard(product.uuid)
        product.categories = tuple(c for c in categories if c not in self.model_of(product).categories)
        for category in self.categories_of(product):
            self.by_category.setdefault(category, set()).add(product.uuid)


def _media_file(media: Media) -> MediaFile:
    return MediaFile(media.code, media.filename, media.alt.en_US)


__all__ = [
    "Catalog",
    "MediaFile",
    "ProductModel",
    "ValueKey",
    "Values",
    "VariantProduct",
]
