"""Simulated PIM activity for the demo: merchandisers editing content, each edit sending its event.

Ticks alternate between the two levels of the catalog. A product model's description gets a new
closing sentence in every locale and channel (a `product-model.updated` event, since the
description is shared by the variants), and a variant product's weight is re-measured (a
`product.updated` event).
"""

from __future__ import annotations

import random
from decimal import Decimal

from sandbox import vocabulary as v

from .catalog import Catalog
from .events import EventPublisher
from .product_writes import now
from .structure import CHANNELS, GRAMS_PER_UNIT, LOCALES


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


class Activity:
    """One emulator's simulated edits; `tick` is the `Emulator.activity` coroutine."""

    def __init__(self, catalog: Catalog, events: EventPublisher, rng: random.Random) -> None:
        self.catalog = catalog
        self.events = events
        self._rng = rng
        self._ticks = 0

    async def tick(self) -> None:
        self._ticks += 1
        if self._ticks % 2:
            self.edit_description()
        else:
            self.remeasure_weight()

    def edit_description(self) -> str:
        """Rewrite one model's closing sentence in every locale; returns the model code."""
        catalog = self.catalog
        model = catalog.models[self._rng.choice(catalog.ordered_models)]
        feature = self._rng.choice(v.FEATURES)
        description = model.values.setdefault("description", {})
        for locale in LOCALES:
            current = description.get((locale, "ecommerce")) or ""
            text = f"{_first_sentence(current)} {feature.in_locale(locale)}".strip()
            for channel in CHANNELS:
                description[(locale, channel)] = text if channel == "ecommerce" else _first_sentence(text)
        model.updated = now()
        self.events.product_model_updated(model, by_api=False)
        return model.code

    def remeasure_weight(self) -> str:
        """Change one variant's weight by a few grams; returns its uuid."""
        catalog = self.catalog
        product = catalog.products[self._rng.choice(catalog.ordered)]
        weight = product.values.setdefault("weight", {})
        current = weight.get((None, None)) or {"amount": "100", "unit": "GRAM"}
        grams = Decimal(current["amount"]) * GRAMS_PER_UNIT[current["unit"]]
        grams = max(Decimal(1), grams + self._rng.choice((-10, -5, 5, 10)))
        weight[(None, None)] = {"amount": f"{grams:.4f}", "unit": "GRAM"}
        product.updated = now()
        self.events.product_updated(product, by_api=False)
        return product.uuid


__all__ = ["Activity"]
