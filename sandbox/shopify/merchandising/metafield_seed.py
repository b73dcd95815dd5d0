"""The metafields a product page reads, seeded on products, variants, collections and the shop.

Products carry `custom.material` and `custom.care` (translated, and the same material and care
text the PIM holds), `custom.specifications` (JSON), `reviews.rating` and `reviews.rating_count`
(a rating and an integer), `custom.pairs_with` (a product reference) and, for kinds sold in sizes,
`custom.size_chart` (a file reference to an image). Variants carry their colour code, and packs their
pack size; collections a translated banner and a flag; the shop its service hours and how many
shops it runs. Ids follow the owner's place in the catalog, so a seed always yields the same fields.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal

from sandbox.seed import COLLECTION_ID_BASE, EPOCH, Localized
from sandbox.shopify.ids import gid
from sandbox.shopify.records import CollectionRecord, ProductRecord, VariantRecord
from sandbox.shopify.store import Store
from sandbox.vocabulary import CARE

from .media_seed import SIZE_CHARTS
from .metafields import MetafieldRecord, MetafieldSet, Reference, same
from .product_facts import colour_of, kind_of, material_of, ordinal, variant_ordinal
from .unit_prices import SOLD_BY_MEASURE

PRODUCT_METAFIELD_BASE = 21_400_000_000_000
VARIANT_METAFIELD_BASE = 22_400_000_000_000
COLLECTION_METAFIELD_BASE = 23_400_000_000_000
SHOP_METAFIELD_BASE = 24_400_000_000_000
SLOTS = 8
"""Metafield numbers reserved per owner."""

Owner = ProductRecord | VariantRecord | CollectionRecord | Store

NO_BLEACH = Localized("Do not bleach.", "Ne pas utiliser d'eau de Javel.", "Nicht bleichen.")


class _Fields:
    """Collects one owner's metafields, numbering them in order."""

    def __init__(self, base: int, created_at: datetime, updated_at: datetime) -> None:
        self.base = base
        self.created_at = created_at
        self.updated_at = updated_at
        self.found: MetafieldSet = {}

    def add(
        self,
        namespace: str,
        key: str,
        type_: str,
        value: Localized,
        description: str,
        reference: Reference | None = None,
    ) -> None:
        number = self.base + len(self.found)
        self.found[namespace, key] = MetafieldRecord(
            number,
            gid("Metafield", number),
            namespace,
            key,
            type_,
            value,
            description,
            self.created_at,
            self.updated_at,
            reference,
        )


def _partner(product: ProductRecord) -> ProductRecord | None:
    """The product shown as "pairs well with": the next one in the product's first collection."""
    members = product.collections[0].products if product.collections else []
    if len(members) < 2:
        return None
    return members[(members.index(product) + 1) % len(members)]


def _product(product: ProductRecord) -> MetafieldSet:
    n = ordinal(product)
    kind = kind_of(product)
    fields = _Fields(PRODUCT_METAFIELD_BASE + n * SLOTS, product.created_at, product.updated_at)
    material = material_of(product)
    if material is not None:
        fields.add(
            "custom", "material", "single_line_text_field", Localized.of(material), "What it is made of."
        )
        care = CARE[material.code]
        fields.add(
            "custom",
            "care",
            "multi_line_text_field",
            Localized(
                f"{care.en}\n{NO_BLEACH.en_US}",
                f"{care.fr}\n{NO_BLEACH.fr_FR}",
                f"{care.de}\n{NO_BLEACH.de_DE}",
            ),
            "How to wash and look after it.",
        )
    specifications = {
        "category": kind.category,
        "material": material.code if material else None,
        "sizes": [value.name.en_US for option in product.options[1:] for value in option.values],
        "weight_g": kind.weight_g,
    }
    fields.add(
        "custom",
        "specifications",
        "json",
        same(json.dumps(specifications, separators=(",", ":"))),
        "Technical data.",
    )
    rating = Decimal(36 + n * 7 % 14) / 10
    fields.add(
        "reviews",
        "rating",
        "rating",
        same(
            json.dumps({"scale_min": "1.0", "scale_max": "5.0", "value": str(rating)}, separators=(",", ":"))
        ),
        "Average review rating.",
    )
    fields.add("reviews", "rating_count", "number_integer", same(str(5 + n * 37 % 240)), "Number of reviews.")
    partner = _partner(product)
    if partner is not None:
        fields.add(
            "custom", "pairs_with", "product_reference", same(partner.gid), "Shown as a suggestion.", partner
        )
    chart = SIZE_CHARTS.get(kind.word.code)
    if chart is not None:
        fields.add("custom", "size_chart", "file_reference", same(chart.gid), "Size chart image.", chart)
    return fields.found


def _variant(variant: VariantRecord) -> MetafieldSet:
    fields = _Fields(
        VARIANT_METAFIELD_BASE + variant_ordinal(variant) * SLOTS, variant.created_at, variant.updated_at
    )
    colour = next((c for c in map(colour_of, variant.option_values) if c is not None), None)
    if colour is not None:
        fields.add(
            "custom", "colour_code", "single_line_text_field", same(colour.code), "Colour code of the dye."
        )
    measure = SOLD_BY_MEASURE.get(kind_of(variant.product).word.code)
    if measure is not None:
        fields.add(
            "custom",
            "pack_size",
            "number_integer",
            same(str(int(measure.quantity_value))),
            "Pairs in one pack.",
        )
    return fields.found


def _collection(collection: CollectionRecord) -> MetafieldSet:
    number = COLLECTION_METAFIELD_BASE + (collection.id - COLLECTION_ID_BASE) * SLOTS
    fields = _Fields(number, collection.updated_at, collection.updated_at)
    title = collection.title
    fields.add(
        "custom",
        "banner_text",
        "single_line_text_field",
        Localized(
            f"{title.en_US}: free returns within 30 days.",
            f"{title.fr_FR} : retours gratuits sous 30 jours.",
            f"{title.de_DE}: kostenlose Rücksendung innerhalb von 30 Tagen.",
        ),
        "Banner above the product grid.",
    )
    fields.add(
        "custom",
        "show_filters",
        "boolean",
        same("false" if collection.handle == "frontpage" else "true"),
        "Facets.",
    )
    return fields.found


def _shop(store: Store) -> MetafieldSet:
    fields = _Fields(SHOP_METAFIELD_BASE, EPOCH, EPOCH)
    fields.add(
        "custom",
        "support_hours",
        "single_line_text_field",
        Localized("Mon–Fri, 9:00–18:00 CET", "Lun.–ven., 9 h–18 h (HNEC)", "Mo.–Fr., 9:00–18:00 Uhr MEZ"),
        "When customer service answers.",
    )
    fields.add("custom", "store_count", "number_integer", same(str(len(store.locations))), "Shops to visit.")
    return fields.found


def metafields_of(store: Store, owner: Owner) -> MetafieldSet:
    """The metafields of a product, variant, collection or the shop, built once per owner."""
    if isinstance(owner, ProductRecord):
        return store.lasting(("metafields", owner.gid), lambda: _product(owner))
    if isinstance(owner, VariantRecord):
        return store.lasting(("metafields", owner.gid), lambda: _variant(owner))
    if isinstance(owner, CollectionRecord):
        return store.lasting(("metafields", owner.gid), lambda: _collection(owner))
    return store.lasting(("metafields", store.shop_gid), lambda: _shop(store))


__all__ = ["Owner", "metafields_of"]
