"""Choosing a variant from selected options, as the Storefront API's variant selectors do."""

from __future__ import annotations

from collections.abc import Sequence

from gateway.models.catalog import Product, Variant


def _norm(text: str, case_insensitive: bool) -> str:
    return text.casefold() if case_insensitive else text


def by_selected_options(
    product: Product, selected: Sequence[tuple[str, str]], *, ignore_unknown: bool, case_insensitive: bool
) -> Variant | None:
    """The variant whose options match every selected option (unknown option names ignored if asked)."""
    known = {_norm(option.name, case_insensitive) for option in product.options}
    wanted: dict[str, str] = {}
    for name, value in selected:
        key = _norm(name, case_insensitive)
        if key not in known:
            if ignore_unknown:
                continue
            return None
        wanted[key] = _norm(value, case_insensitive)
    if not wanted:
        return None
    for variant in product.variants:
        options = {
            _norm(o.name, case_insensitive): _norm(o.value, case_insensitive)
            for o in variant.selected_options
        }
        if all(options.get(name) == value for name, value in wanted.items()):
            return variant
    return None


def selected_or_first_available(
    product: Product, selected: Sequence[tuple[str, str]], *, ignore_unknown: bool, case_insensitive: bool
) -> Variant | None:
    if selected:
        match = by_selected_options(
            product, selected, ignore_unknown=ignore_unknown, case_insensitive=case_insensitive
        )
        if match is not None:
            return match
    for variant in product.variants:
        if variant.available_for_sale:
            return variant
    return product.variants[0] if product.variants else None


def sorted_variants(variants: Sequence[Variant], sort_key: str) -> Sequence[Variant]:
    """POSITION keeps the merchant's order; the other ProductVariantSortKeys sort by their field."""
    if sort_key == "SKU":
        return sorted(variants, key=lambda v: v.sku or "")
    if sort_key == "TITLE":
        return sorted(variants, key=lambda v: v.title)
    if sort_key == "ID":
        return sorted(
            variants, key=lambda v: int(v.id.rsplit("/", 1)[-1]) if v.id.rsplit("/", 1)[-1].isdigit() else 0
        )
    return variants


__all__ = ["by_selected_options", "selected_or_first_available", "sorted_variants"]
