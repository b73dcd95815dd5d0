"""What a variant picker reads: the selected variant, its neighbours, swatches and the encoded trees.

Hydrogen's product route asks, for the options in the URL, for `selectedOrFirstAvailableVariant`,
the `adjacentVariants` one option value away from it, each option value's
`firstSelectableVariant` and `swatch`, and `encodedVariantExistence` / `encodedVariantAvailability`
to grey out the combinations that do not exist or are sold out. Option names and values match in
any of the shop's languages, so a URL written in French finds the same variant.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sandbox.seed import Localized
from sandbox.shopify.merchandising.swatches import SwatchRecord, swatch_of
from sandbox.shopify.records import OptionValueRecord, ProductOptionRecord, ProductRecord, VariantRecord

from .context import Info
from .option_encoding import encode_combinations

Combination = tuple[int, ...]
"""A variant's option value indexes, one per option in the product's order."""


Named = TypeVar("Named", ProductOptionRecord, OptionValueRecord)


def _names(localized: Localized) -> set[str]:
    return {localized.en_US, localized.fr_FR, localized.de_DE}


@dataclass(frozen=True, slots=True)
class Selection:
    """The option values a request picked, read the way Shopify reads `selectedOptions`."""

    values: dict[int, OptionValueRecord]
    """The chosen value of each named option, by option id."""
    unmatched: bool
    """Some choice names a value the option lacks, or an option the product lacks (not ignored)."""

    @classmethod
    def of(cls, product: ProductRecord, args: dict[str, Any]) -> Selection:
        fold: Callable[[str], str] = str.casefold if args.get("caseInsensitiveMatch") else str
        values: dict[int, OptionValueRecord] = {}
        unmatched = False
        for choice in args.get("selectedOptions") or []:
            option = _find(product.options, fold(choice["name"]), fold)
            if option is None:
                unmatched = unmatched or not args.get("ignoreUnknownOptions")
                continue
            value = _find(option.values, fold(choice["value"]), fold)
            if value is None:
                unmatched = True
            else:
                values[option.id] = value
        return cls(values, unmatched)

    def is_complete(self, product: ProductRecord) -> bool:
        return not self.unmatched and len(self.values) == len(product.options)

    def accepts(self, variant: VariantRecord) -> bool:
        return not self.unmatched and all(
            self.values.get(value.option.id, value) is value for value in variant.option_values
        )


def _find(candidates: Sequence[Named], wanted: str, fold: Callable[[str], str]) -> Named | None:
    return next((c for c in candidates if wanted in {fold(name) for name in _names(c.name)}), None)


def combination(variant: VariantRecord) -> Combination:
    return tuple(value.option.values.index(value) for value in variant.option_values)


def first_available(product: ProductRecord) -> VariantRecord:
    return next((v for v in product.variants if v.available_for_sale), product.variants[0])


def by_selected_options(product: ProductRecord, info: Info, **args: Any) -> VariantRecord | None:
    """The first variant with every selected value; None when nothing was selected or nothing matches."""
    selection = Selection.of(product, args)
    if not selection.values:
        return None
    return next((v for v in product.variants if selection.accepts(v)), None)


def selected_or_first_available(product: ProductRecord, info: Info, **args: Any) -> VariantRecord:
    """The variant of a complete selection even when sold out; for part of one, the first variant for
    sale that has it (or the first that has it); with no match, the first variant for sale."""
    selection = Selection.of(product, args)
    matching = [v for v in product.variants if selection.accepts(v)] if selection.values else []
    if selection.is_complete(product) and matching:
        return matching[0]
    return next((v for v in matching if v.available_for_sale), None) or (
        matching[0] if matching else first_available(product)
    )


def adjacent_variants(product: ProductRecord, info: Info, **args: Any) -> list[VariantRecord]:
    """The variants differing in exactly one option value from a complete selection, or from the
    selected-or-first-available variant when the selection is partial or missing; by variant id."""
    selection = Selection.of(product, args)
    if selection.is_complete(product):
        target = tuple(option.values.index(selection.values[option.id]) for option in product.options)
    else:
        target = combination(selected_or_first_available(product, info, **args))
    adjacent = [
        variant
        for variant in product.variants
        if sum(a != b for a, b in zip(combination(variant), target, strict=True)) == 1
    ]
    return sorted(adjacent, key=lambda variant: variant.id)


def first_selectable_variant(value: OptionValueRecord, info: Info) -> VariantRecord | None:
    """The variant pairing this value with the lowest-position values of the other options."""
    with_value = [v for v in value.option.product.variants if value in v.option_values]
    return min(with_value, key=combination, default=None)


def encoded_existence(product: ProductRecord, info: Info) -> str:
    store = info.context.store
    return store.lasting(
        ("encoded-existence", product.id), lambda: encode_combinations(map(combination, product.variants))
    )


def encoded_availability(product: ProductRecord, info: Info) -> str:
    # Availability follows stock, which changes: encoded afresh on every read.
    return encode_combinations(combination(v) for v in product.variants if v.available_for_sale)


def _swatch(value: OptionValueRecord, info: Info) -> SwatchRecord | None:
    return swatch_of(value)


VARIANT_PICKER_RESOLVERS: dict[str, dict[str, Any]] = {
    "Product": {
        "adjacentVariants": adjacent_variants,
        "encodedVariantAvailability": encoded_availability,
        "encodedVariantExistence": encoded_existence,
        "selectedOrFirstAvailableVariant": selected_or_first_available,
        "variantBySelectedOptions": by_selected_options,
    },
    "ProductOptionValue": {
        "firstSelectableVariant": first_selectable_variant,
        "swatch": _swatch,
    },
    "ProductOptionValueSwatch": {
        "color": lambda swatch, info: swatch.color,
        "image": lambda swatch, info: swatch.image,
    },
}


__all__ = ["VARIANT_PICKER_RESOLVERS", "Selection", "combination", "first_available"]
