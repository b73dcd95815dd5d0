"""Simulated shop activity for the demo: a point-of-sale sale taking one or two units off a shelf."""

from __future__ import annotations

import random

from . import base_records as b
from .env import Env
from .stock_moves import adjust_quant
from .store import Store
from .webhooks import WebhookNotifier

ATTEMPTS = 50
"""Random quants tried per tick before giving up on finding one with free stock."""


class PointOfSale:
    """Each tick sells 1-2 units of a stocked variant in one warehouse and emits the quant webhook."""

    def __init__(self, store: Store, notifier: WebhookNotifier, seed: int) -> None:
        self.store = store
        self.notifier = notifier
        self.rng = random.Random(f"odoo-pos-{seed}")

    async def tick(self) -> None:
        quants = self.store.table("stock.quant")
        ids = list(quants.rows)
        internal = {
            lid
            for lid, row in self.store.table("stock.location").rows.items()
            if row.get("usage") == "internal"
        }
        for _ in range(ATTEMPTS if ids else 0):
            quant = quants.rows[self.rng.choice(ids)]
            free = quant["quantity"] - quant["reserved_quantity"]
            if quant["location_id"] in internal and free >= 1:
                sold = float(min(self.rng.randint(1, 2), int(free)))
                adjust_quant(
                    Env(self.store, b.ADMIN_UID), quant["product_id"], quant["location_id"], quantity=-sold
                )
                break
        self.notifier.flush()


__all__ = ["ATTEMPTS", "PointOfSale"]
