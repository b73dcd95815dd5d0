"""Akeneo products (as `answers.Product` has checked them) to the gateway's `ProductContent`.

Values are lists of `{locale, scope, data}`; each is read with Akeneo's fallbacks
`(locale, scope) → (locale, null) → (null, scope) → (null, null)` for the configured channel.
Attribute and category labels come from the PIM's structure, read once by the connector.

Mapped for a `Reading` (a request's locale, then the default one), each text is worked out for
that locale alone, with `Localized.get`'s fallbacks applied here: the other locales' texts are
displayed only when the preferred ones have none, not for every product of every answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from gateway.models.content import Attribute, Category, Localized, MediaFile, ProductContent, Reading

from .answers import AttributeItem, CategoryItem, LinkedData, Metric, Price, Product, Value
from .media_code import original_name

TEXT_ATTRIBUTES = ("name", "description", "features")
CORE_ATTRIBUTES = frozenset(TEXT_ATTRIBUTES)
"""Shown in their own fields of ProductContent, not in its attribute list."""
IDENTIFIER_TYPE = "pim_catalog_identifier"
MEDIA_TYPES = frozenset({"pim_catalog_image", "pim_catalog_file"})
SELECT_TYPES = frozenset({"pim_catalog_simpleselect", "pim_catalog_multiselect"})

UNIT_SYMBOLS = {"GRAM": "g", "KILOGRAM": "kg", "CENTIMETER": "cm", "MILLIMETER": "mm", "METER": "m"}
CENTS = Decimal("0.01")
PRICE_SEPARATOR = " / "
"""Between the prices of a collection, in the PIM's order: the mapped value serves every currency."""


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

    @classmethod
    def of(cls, attributes: Sequence[AttributeItem], categories: Sequence[CategoryItem]) -> Structure:
        """The structure the PIM's attribute and category lists describe."""
        return cls(
            attribute_types={a.code: a.type for a in attributes},
            attribute_labels={a.code: a.labels for a in attributes},
            attribute_order={a.code: a.sort_order for a in attributes},
            category_labels={c.code: c.labels for c in categories},
            identifier=next((a.code for a in attributes if a.type == IDENTIFIER_TYPE), "sku"),
        )

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


Entries = dict[tuple[str | None, str | None], Value]
"""One attribute's values by `(locale, scope)`."""


def _entries(values: Mapping[str, Sequence[Value]], code: str) -> Entries:
    return {(entry.locale, entry.scope): entry for entry in values.get(code, ())}


def _pick(entries: Entries, locale: str | None, scope: str) -> Value | None:
    return (
        entries.get((locale, scope))
        or entries.get((locale, None))
        or entries.get((None, scope))
        or entries.get((None, None))
    )


def text_attributes(structure: Structure, texts: Sequence[str]) -> list[str]:
    """What the PIM is asked for when only `texts` are read: the identifier and those texts'
    attributes, the ones the PIM has (it refuses to filter on an attribute it does not know)."""
    return [code for code in (structure.identifier, *texts) if code in structure.attribute_types]


def _locales(entries: Entries, locales: Sequence[str]) -> Sequence[str]:
    localized = {locale for locale, _ in entries if locale}
    return [loc for loc in locales if loc in localized] if localized else locales


def _price(price: Price) -> str | None:
    """`15.50 EUR`: at least the cents, more only where the PIM keeps them; None without an amount."""
    if price.amount is None:
        return None
    try:
        amount = Decimal(str(price.amount)).normalize()
    except InvalidOperation:
        return None
    exponent = amount.as_tuple().exponent
    if not isinstance(exponent, int):  # infinity or not a number
        return None
    return f"{amount.quantize(CENTS) if exponent >= -2 else amount:f} {price.currency}"


def _options(codes: Sequence[str], linked: Mapping[str, LinkedData], locale: str) -> str:
    """A multi-select's options by their labels in `locale`, each falling back to its code."""
    return ", ".join((linked[code].labels.get(locale) if code in linked else None) or code for code in codes)


def _display(entry: Value, attribute_type: str | None, locale: str) -> str | None:
    """The value as text in `locale`; None when it is empty or of a shape the gateway cannot show."""
    data = entry.data
    if data is None or data == "" or data == []:
        return None
    if isinstance(data, Metric):
        try:
            amount = Decimal(str(data.amount)).normalize()
        except InvalidOperation:
            amount = Decimal(0)
        return f"{amount:f} {UNIT_SYMBOLS.get(data.unit, data.unit.lower())}".strip()
    if isinstance(data, bool):
        return "yes" if data else "no"
    if isinstance(data, list) and all(isinstance(price, Price) for price in data):
        prices = [text for text in map(_price, data) if text]
        return PRICE_SEPARATOR.join(prices) or None
    if isinstance(data, list):
        if not all(isinstance(code, str) for code in data):
            return None
        linked = entry.linked_data if isinstance(entry.linked_data, dict) else {}
        return _options(data, linked, locale)
    if attribute_type in SELECT_TYPES and isinstance(data, str):
        labels = entry.linked_data.labels if isinstance(entry.linked_data, LinkedData) else {}
        return labels.get(locale) or data
    return str(data) if isinstance(data, str | int | float) else None


def _localized(entries: Entries, scope: str, locales: Sequence[str], attribute_type: str | None) -> Localized:
    texts: dict[str, str] = {}
    for locale in locales:
        entry = _pick(entries, locale, scope)
        text = _display(entry, attribute_type, locale) if entry is not None else None
        if text:
            texts[locale] = text
    return Localized(texts)


def _preferred(
    entries: Entries, scope: str, locales: Sequence[str], attribute_type: str | None, reading: Reading
) -> Localized:
    """What `_localized(...).get(reading.locale, reading.default_locale)` gives, held under
    `reading.locale`, displaying only the texts needed to find it (usually one)."""
    tried: set[str] = set()
    for locale in (reading.locale, reading.default_locale, *locales):
        if locale in tried or locale not in locales:
            continue
        tried.add(locale)
        entry = _pick(entries, locale, scope)
        text = _display(entry, attribute_type, locale) if entry is not None else None
        if text:
            return Localized({reading.locale: text})
    return Localized({})


def _bullets(entries: Entries, scope: str, locale: str) -> tuple[str, ...]:
    entry = _pick(entries, locale, scope)
    data = entry.data if entry is not None else None
    lines = data if isinstance(data, list) else str(data or "").splitlines()
    return tuple(line.strip().lstrip("-•* ").strip() for line in lines if line.strip())


def _features(
    entries: Entries, scope: str, locales: Sequence[str], reading: Reading | None
) -> dict[str, tuple[str, ...]]:
    if reading is not None:
        # `ProductContent.features_in`'s fallback: the default locale's bullets, then none.
        for locale in (reading.locale, reading.default_locale):
            if locale in locales and (bullets := _bullets(entries, scope, locale)):
                return {reading.locale: bullets}
        return {}
    features: dict[str, tuple[str, ...]] = {}
    for locale in locales:
        if bullets := _bullets(entries, scope, locale):
            features[locale] = bullets
    return features


def product_content(
    product: Product,
    structure: Structure,
    *,
    scope: str,
    locales: Sequence[str],
    reading: Reading | None = None,
) -> ProductContent:
    """The product's content in `locales`; ValueError when it has no SKU at all.

    With `reading`, every text is the one `reading` picks among `locales`, under `reading.locale`
    alone: the content read in that locale gives the same texts as the content in every locale.
    A reading of some texts only maps those, and no attributes or media.
    """

    def localized(entries: Entries, candidates: Sequence[str], attribute_type: str | None) -> Localized:
        if reading is None:
            return _localized(entries, scope, candidates, attribute_type)
        return _preferred(entries, scope, candidates, attribute_type, reading)

    values = product.values
    sku_entry = _pick(_entries(values, structure.identifier), None, scope)
    sku = sku_entry.data if sku_entry is not None and isinstance(sku_entry.data, str) else None
    sku = sku or product.identifier
    if not sku:
        raise ValueError(f"product {product.uuid}: no identifier value")

    attributes: list[Attribute] = []
    media: list[MediaFile] = []
    # Read for some texts only, the content has those alone, whatever the PIM sent.
    texts = TEXT_ATTRIBUTES if reading is None or reading.texts is None else reading.texts
    shown = values if reading is None or reading.texts is None else ()
    for code in sorted(shown, key=lambda c: (structure.attribute_order.get(c, 10_000), c)):
        if code in CORE_ATTRIBUTES or code == structure.identifier:
            continue
        entries = _entries(values, code)
        attribute_type = structure.attribute_types.get(code)
        if attribute_type in MEDIA_TYPES:
            entry = _pick(entries, None, scope)
            if entry is not None and isinstance(entry.data, str) and entry.data:
                path = entry.data
                media.append(
                    MediaFile(code=path, filename=original_name(path), download_path=f"/media/akeneo/{path}")
                )
            continue
        value = localized(entries, _locales(entries, locales), attribute_type)
        if value.values:
            attributes.append(Attribute(code, structure.label_of(code), value))

    def text(code: str) -> Localized:
        if code not in texts:
            return Localized({})
        return localized(_entries(values, code), locales, structure.attribute_types.get(code))

    return ProductContent(
        sku=sku,
        uuid=product.uuid,
        name=text("name"),
        description=text("description"),
        features=_features(_entries(values, "features"), scope, locales, reading)
        if "features" in texts
        else {},
        attributes=tuple(attributes),
        media=tuple(media),
        categories=tuple(structure.category_of(code) for code in product.categories if code != "master"),
        updated_at=product.updated,
    )


__all__ = ["TEXT_ATTRIBUTES", "Structure", "product_content", "text_attributes"]
