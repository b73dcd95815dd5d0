"""What the merchandising seed reads off the store's records: a product's kind, material and place."""

from __future__ import annotations

from sandbox.seed import PRODUCT_ID_BASE, VARIANT_ID_BASE
from sandbox.shopify.records import OptionValueRecord, ProductRecord, VariantRecord
from sandbox.shopify.store import COLOR
from sandbox.vocabulary import COLOURS, KINDS, MATERIALS, ProductKind, Word

_KINDS = {kind.word.en: kind for kind in KINDS}
_MATERIALS = {material.code: material for material in MATERIALS}
_COLOURS = {colour.en: colour for colour in COLOURS}


def kind_of(product: ProductRecord) -> ProductKind:
    """The vocabulary kind a product was generated from (its product type is the kind's English name)."""
    return _KINDS[product.product_type]


def kind_code(variant: VariantRecord) -> str:
    return kind_of(variant.product).word.code


def material_of(product: ProductRecord) -> Word | None:
    """The material the generator tagged the product with, as the PIM holds it."""
    return next((_MATERIALS[tag] for tag in product.tags if tag in _MATERIALS), None)


def colour_of(value: OptionValueRecord) -> Word | None:
    """The vocabulary colour of a value of the Color option; None for other options."""
    return _COLOURS.get(value.name.en_US) if value.option.name == COLOR else None


def ordinal(product: ProductRecord) -> int:
    """The product's place in the generated catalog, from 0."""
    return product.id - PRODUCT_ID_BASE


def variant_ordinal(variant: VariantRecord) -> int:
    """The variant's place among all generated variants, from 0."""
    return variant.id - VARIANT_ID_BASE - 1


__all__ = ["colour_of", "kind_code", "kind_of", "material_of", "ordinal", "variant_ordinal"]
