"""Akeneo product JSON to the gateway's `ProductContent`, every locale at once.

Values are lists of `{locale, scope, data}`; each is read with Akeneo's fallbacks
`(locale, scope) → (locale, null) → (null, scope) → (null, null)` for the configured channel.
Attribute and category labels come from the PIM's structure, read once by the connector.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from gateway.models.content import Attribute, Category, Localized, MediaFile, ProductContent

CORE_ATTRIBUTES = frozenset({"name", "description", "features"})
"""Shown in their own fields of ProductContent, not in its attribute list."""

UNIT_SYMBOLS = {"GRAM": "g", "KILOGRAM": "kg", "CENTIMETER": "cm", "MILLIMETER": "mm", "METER": "m"}


@dataclass(frozen=True, slots=True)
class Structure:
    """What the PIM says about its attributes and categories."""

    attribute_types: Mapping[str, str]
    attribute_labels: Mapping[str, Mapping[str, str]]
    attribute_order: Mapping[str, int]
    category_labels: Mapping[str, Mapping[str, str]]
    identifier: str = "sku"
    _labels: dict[str, Localized] = field(default_factory=dict)
    _categories: dict[str, Category] = field(default_factory=dict)

    def label_of(self, code: str) -> Localized:
        """An attribute's labels, built once and shared by every product that has the attribute."""
        label = self._labels.get(code)
        if label is None:
            label = self._labels[code] = Localized(dict(self.attribute_labels.get(code, {})))
        return label

    def category_of(self, code: str) -> Category:
        category = self._categories.get(code)
        if category is None:
            category = self._categories[code] = Category(
                code, Localized(dict(self.category_labels.get(code, {})))
            )
        return category


Entries = dict[tuple[str | None, str | None], dict[str, Any]]
"""One attribute's values by `(locale, scope)`."""


def _entries(values: Mapping[str, Any], code: str) -> Entries:
    entries = values.get(code)
    if entries is None:
        return {}
    if not isinstance(entries, list):
        raise ValueError(f"values.{code}: expected a list of {{locale, scope, data}}")
    indexed: Entries = {}
    for entry in entries:
        if not isinstance(entry, dict):
            raise ValueError(f"values.{code}: expected a list of {{locale, scope, data}}")
        indexed[(entry.get("locale"), entry.get("scope"))] = entry
    return indexed


def _pick(entries: Entries, locale: str | None, scope: str) -> dict[str, Any] | None:
    return (
        entries.get((locale, scope))
        or entries.get((locale, None))
        or entries.get((None, scope))
        or entries.get((None, None))
    )


def _locales(entries: Entries, locales: Sequence[str]) -> Sequence[str]:
    localized = {locale for locale, _ in entries if locale}
    return [loc for loc in locales if loc in localized] if localized else locales


def _display(entry: dict[str, Any], attribute_type: str, locale: str) -> str:
    data = entry.get("data")
    if attribute_type in ("pim_catalog_simpleselect", "pim_catalog_multiselect"):
        labels = (entry.get("linked_data") or {}).get("labels") or {}
        if isinstance(data, list):
            return ", ".join(str(code) for code in data)
        return str(labels.get(locale) or data)
    if attribute_type == "pim_catalog_metric" and isinstance(data, dict):
        try:
            amount = Decimal(str(data.get("amount"))).normalize()
        except InvalidOperation:
            amount = Decimal(0)
        unit = str(data.get("unit", ""))
        return f"{amount:f} {UNIT_SYMBOLS.get(unit, unit.lower())}".strip()
    if attribute_type == "pim_catalog_boolean":
        return "yes" if data else "no"
    return "" if data is None else str(data)


def _localized(entries: Entries, scope: str, locales: Sequence[str], attribute_type: str) -> Localized:
    texts: dict[str, str] = {}
    for locale in locales:
        entry = _pick(entries, locale, scope)
        if entry is not None and entry.get("data") not in (None, ""):
            texts[locale] = _display(entry, attribute_type, locale)
    return Localized(texts)


def product_content(item: Any, structure: Structure, *, scope: str, locales: Sequence[str]) -> ProductContent:
    if not isinstance(item, dict):
        raise ValueError("product: expected an object")
    values = item.get("values")
    if not isinstance(values, dict):
        raise ValueError("product.values: expected an object")
    sku_entry = _pick(_entries(values, structure.identifier), None, scope)
    sku = str(sku_entry["data"]) if sku_entry else str(item.get("identifier", ""))
    uuid = item.get("uuid")
    if not isinstance(uuid, str) or not sku:
        raise ValueError("product: uuid and identifier are required")

    features: dict[str, tuple[str, ...]] = {}
    feature_entries = _entries(values, "features")
    for locale in locales:
        entry = _pick(feature_entries, locale, scope)
        data = entry.get("data") if entry else None
        lines = data if isinstance(data, list) else str(data or "").splitlines()
        bullets = tuple(line.strip().lstrip("-•* ").strip() for line in lines if str(line).strip())
        if bullets:
            features[locale] = bullets

    attributes: list[Attribute] = []
    media: list[MediaFile] = []
    for code in sorted(values, key=lambda c: (structure.attribute_order.get(c, 10_000), c)):
        if code in CORE_ATTRIBUTES or code == structure.identifier:
            continue
        entries = _entries(values, code)
        attribute_type = structure.attribute_types.get(code, "pim_catalog_text")
        if attribute_type in ("pim_catalog_image", "pim_catalog_file"):
            entry = _pick(entries, None, scope)
            if entry and isinstance(entry.get("data"), str):
                path = entry["data"]
                media.append(
                    MediaFile(
                        code=path, filename=path.rsplit("/", 1)[-1], download_path=f"/media/akeneo/{path}"
                    )
                )
            continue
        value = _localized(entries, scope, _locales(entries, locales), attribute_type)
        if value.values:
            attributes.append(Attribute(code, structure.label_of(code), value))

    categories = item.get("categories") or []
    updated = item.get("updated")
    return ProductContent(
        sku=sku,
        uuid=uuid,
        name=_localized(_entries(values, "name"), scope, locales, "pim_catalog_text"),
        description=_localized(_entries(values, "description"), scope, locales, "pim_catalog_textarea"),
        features=features,
        attributes=tuple(attributes),
        media=tuple(media),
        categories=tuple(structure.category_of(str(code)) for code in categories if code != "master"),
        updated_at=datetime.fromisoformat(updated) if isinstance(updated, str) else None,
    )


__all__ = ["Structure", "product_content"]
