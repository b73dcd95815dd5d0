"""The PIM's catalog structure: attributes, options, families, channels, locales and categories.

Akeneo describes every product against this structure: an attribute's type decides the shape of its
`data`, its `localizable`/`scopable` flags decide which `locale`/`scope` a value carries, and the
family variant decides whether a value lives on the product model (shared by every variant) or on
the variant product itself. It is built once from the world's vocabulary and never changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from sandbox import vocabulary as v
from sandbox.seed import EPOCH, World

LOCALES = v.LOCALES
"""The activated locales, in the order labels are listed."""

CHANNELS = ("ecommerce", "mobile")
IDENTIFIER = "sku"
"""The main identifier attribute (type `pim_catalog_identifier`)."""

ROOT_CATEGORY = "master"
STRUCTURE_UPDATED = EPOCH - timedelta(days=420)
"""When the structure (categories, attributes, families) was last edited."""

# Locales a real PIM ships but this one has not activated: listing them shows `enabled: false`
# and asking for their values is refused, as Akeneo does.
INACTIVE_LOCALES = ("en_GB", "es_ES", "it_IT", "nl_NL")

MODEL_LEVEL = "model"
VARIANT_LEVEL = "variant"

TEXT = "pim_catalog_text"
TEXTAREA = "pim_catalog_textarea"
SIMPLE_SELECT = "pim_catalog_simpleselect"
METRIC = "pim_catalog_metric"
IMAGE = "pim_catalog_image"
IDENTIFIER_TYPE = "pim_catalog_identifier"

TEXT_TYPES = frozenset({TEXT, TEXTAREA, IDENTIFIER_TYPE})

GRAMS_PER_UNIT = {
    "MILLIGRAM": Decimal("0.001"),
    "GRAM": Decimal(1),
    "KILOGRAM": Decimal(1000),
    "TON": Decimal(1_000_000),
    "OUNCE": Decimal("28.349523125"),
    "POUND": Decimal("453.59237"),
}
"""Units of the `Weight` metric family, in grams: the units `weight` values and filters accept."""

Labels = dict[str, str]


def _labels(en: str, fr: str, de: str) -> Labels:
    return {"en_US": en, "fr_FR": fr, "de_DE": de}


@dataclass(frozen=True, slots=True)
class Attribute:
    """One attribute and where it lives in the family variant."""

    code: str
    type: str
    group: str
    labels: Labels
    level: str
    """`model` (shared by the variants of a product model) or `variant` (per variant product)."""
    sort_order: int
    localizable: bool = False
    scopable: bool = False
    metric_family: str | None = None
    default_metric_unit: str | None = None
    wysiwyg_enabled: bool | None = None
    allowed_extensions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Option:
    """An option of a simple select attribute."""

    code: str
    attribute: str
    sort_order: int
    labels: Labels


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    parent: str | None
    labels: Labels
    position: int
    updated: datetime


@dataclass(frozen=True, slots=True)
class Family:
    code: str
    labels: Labels
    variant: str
    """Code of the family's only family variant (axes color and size)."""


@dataclass(slots=True)
class Structure:
    """Everything a product is described against, indexed by code."""

    attributes: dict[str, Attribute]
    options: dict[str, dict[str, Option]]
    """Attribute code → option code → option, for the simple selects."""
    families: dict[str, Family]
    categories: dict[str, Category]
    children: dict[str, list[str]] = field(default_factory=dict)
    """Category code → codes of its direct children, in position order."""
    ordered_attributes: tuple[Attribute, ...] = ()
    """Attributes by `sort_order`: the order values are listed in."""

    def option(self, attribute: str, code: str) -> Option | None:
        return self.options.get(attribute, {}).get(code)

    def descendants(self, category: str) -> list[str]:
        """The category and every category below it (for `IN CHILDREN`)."""
        found = [category]
        for child in self.children.get(category, ()):
            found.extend(self.descendants(child))
        return found


ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute(IDENTIFIER, IDENTIFIER_TYPE, "general", _labels("SKU", "SKU", "SKU"), VARIANT_LEVEL, 1),
    Attribute("name", TEXT, "marketing", _labels("Name", "Nom", "Name"), MODEL_LEVEL, 2, localizable=True),
    Attribute(
        "description",
        TEXTAREA,
        "marketing",
        _labels("Description", "Description", "Beschreibung"),
        MODEL_LEVEL,
        3,
        localizable=True,
        scopable=True,
        wysiwyg_enabled=False,
    ),
    Attribute(
        "features",
        TEXTAREA,
        "marketing",
        _labels("Features", "Points forts", "Merkmale"),
        MODEL_LEVEL,
        4,
        localizable=True,
        wysiwyg_enabled=False,
    ),
    Attribute(
        "material", SIMPLE_SELECT, "technical", _labels("Material", "Matière", "Material"), MODEL_LEVEL, 5
    ),
    Attribute(
        "care",
        TEXT,
        "technical",
        _labels("Care instructions", "Entretien", "Pflegehinweise"),
        MODEL_LEVEL,
        6,
        localizable=True,
    ),
    Attribute(
        "dimensions", TEXT, "technical", _labels("Dimensions", "Dimensions", "Abmessungen"), MODEL_LEVEL, 7
    ),
    Attribute(
        "weight",
        METRIC,
        "technical",
        _labels("Weight", "Poids", "Gewicht"),
        VARIANT_LEVEL,
        8,
        metric_family="Weight",
        default_metric_unit="GRAM",
    ),
    Attribute("color", SIMPLE_SELECT, "variation", _labels("Color", "Couleur", "Farbe"), VARIANT_LEVEL, 9),
    Attribute("size", SIMPLE_SELECT, "variation", _labels("Size", "Taille", "Größe"), VARIANT_LEVEL, 10),
    Attribute(
        "packshot",
        IMAGE,
        "media",
        _labels("Packshot", "Packshot", "Packshot"),
        MODEL_LEVEL,
        11,
        allowed_extensions=("jpg", "jpeg", "png"),
    ),
    Attribute(
        "image_2",
        IMAGE,
        "media",
        _labels("Second image", "Deuxième image", "Zweites Bild"),
        MODEL_LEVEL,
        12,
        allowed_extensions=("jpg", "jpeg", "png"),
    ),
    Attribute(
        "image_3",
        IMAGE,
        "media",
        _labels("Third image", "Troisième image", "Drittes Bild"),
        MODEL_LEVEL,
        13,
        allowed_extensions=("jpg", "jpeg", "png"),
    ),
)
"""Every product attribute. `packshot`, `image_2` and `image_3` hold a product's media files in order."""

IMAGE_ATTRIBUTES = ("packshot", "image_2", "image_3")
AXES = ("color", "size")

# Top-level category labels; the leaves take the product kind's own word.
CATEGORY_LABELS: dict[str, Labels] = {
    ROOT_CATEGORY: _labels("Master catalog", "Catalogue principal", "Hauptkatalog"),
    "tops": _labels("Tops", "Hauts", "Oberteile"),
    "knitwear": _labels("Knitwear", "Mailles", "Strickwaren"),
    "outerwear": _labels("Outerwear", "Vestes et manteaux", "Oberbekleidung"),
    "bottoms": _labels("Bottoms", "Bas", "Hosen"),
    "dresses": _labels("Dresses", "Robes", "Kleider"),
    "footwear": _labels("Footwear", "Chaussures", "Schuhe"),
    "accessories": _labels("Accessories", "Accessoires", "Accessoires"),
}

SIZE_LABELS: dict[str, Labels] = {"OS": _labels("One size", "Taille unique", "Einheitsgröße")}


def option_code(text: str) -> str:
    """Akeneo codes allow letters, digits and underscores only: `S/M` becomes `s_m`."""
    return "".join(ch if ch.isalnum() else "_" for ch in text.lower())


def colour_code(word: v.Word) -> str:
    return option_code(word.en)


def family_variant_code(family: str) -> str:
    return f"{family}_by_color_size"


def _options() -> dict[str, dict[str, Option]]:
    materials = {
        m.code: Option(m.code, "material", i + 1, _labels(m.en, m.fr, m.de))
        for i, m in enumerate(v.MATERIALS)
    }
    colours = {
        colour_code(c): Option(colour_code(c), "color", i + 1, _labels(c.en, c.fr, c.de))
        for i, c in enumerate(v.COLOURS)
    }
    sizes: dict[str, Option] = {}
    for kind in v.KINDS:
        for size in kind.sizes:
            code = option_code(size)
            if code not in sizes:
                labels = SIZE_LABELS.get(size, _labels(size, size, size))
                sizes[code] = Option(code, "size", len(sizes) + 1, labels)
    return {"material": materials, "color": colours, "size": sizes}


def _categories() -> dict[str, Category]:
    categories = {
        ROOT_CATEGORY: Category(ROOT_CATEGORY, None, CATEGORY_LABELS[ROOT_CATEGORY], 1, STRUCTURE_UPDATED)
    }
    for kind in v.KINDS:
        if kind.category not in categories:
            position = sum(1 for c in categories.values() if c.parent == ROOT_CATEGORY) + 1
            categories[kind.category] = Category(
                kind.category, ROOT_CATEGORY, CATEGORY_LABELS[kind.category], position, STRUCTURE_UPDATED
            )
        leaf = f"{kind.category}_{kind.word.code.lower()}"
        position = sum(1 for c in categories.values() if c.parent == kind.category) + 1
        categories[leaf] = Category(
            leaf,
            kind.category,
            _labels(kind.word.en, kind.word.fr, kind.word.de),
            position,
            STRUCTURE_UPDATED,
        )
    return categories


def build_structure(world: World) -> Structure:
    """The structure every product of `world` is described against (the world only picks families)."""
    del world  # the structure comes from the shared vocabulary, so every world size has the same one
    families = {
        kind.word.code.lower(): Family(
            kind.word.code.lower(),
            _labels(kind.word.en, kind.word.fr, kind.word.de),
            family_variant_code(kind.word.code.lower()),
        )
        for kind in v.KINDS
    }
    categories = _categories()
    children: dict[str, list[str]] = {}
    for category in sorted(categories.values(), key=lambda c: c.position):
        if category.parent is not None:
            children.setdefault(category.parent, []).append(category.code)
    return Structure(
        attributes={a.code: a for a in ATTRIBUTES},
        options=_options(),
        families=families,
        categories=categories,
        children=children,
        ordered_attributes=tuple(sorted(ATTRIBUTES, key=lambda a: a.sort_order)),
    )


__all__ = [
    "ATTRIBUTES",
    "AXES",
    "CHANNELS",
    "GRAMS_PER_UNIT",
    "IDENTIFIER",
    "IDENTIFIER_TYPE",
    "IMAGE",
    "IMAGE_ATTRIBUTES",
    "INACTIVE_LOCALES",
    "LOCALES",
    "METRIC",
    "MODEL_LEVEL",
    "ROOT_CATEGORY",
    "SIMPLE_SELECT",
    "STRUCTURE_UPDATED",
    "TEXT",
    "TEXTAREA",
    "TEXT_TYPES",
    "VARIANT_LEVEL",
    "Attribute",
    "Category",
    "Family",
    "Labels",
    "Option",
    "Structure",
    "build_structure",
    "colour_code",
    "family_variant_code",
    "option_code",
]
