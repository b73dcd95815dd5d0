"""Simulated shop activity for the demo: an online sale that takes stock.

Each tick places a paid web order for one or two in-stock variants, claiming their stock. The store
publishes the order and the stock changes, so the signed `orders/create`, `inventory_levels/update`
and `customers/update` webhooks follow, as after a real checkout.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable

from .orders import NewLine, NewOrder, place_order
from .store import Store


def shop_activity(store: Store, seed: int) -> Callable[[], Awaitable[None]]:
    rng = random.Random(seed)
    variants = [variant for variant in store.variants.values() if variant.product.published]
    customers = list(store.customers.values())

    async def tick() -> None:
        picks = [
            variant for variant in rng.sample(variants, min(len(variants), 8)) if variant.available_for_sale
        ]
        if not picks:
            return
        lines = [NewLine(variant, 1) for variant in picks[: rng.choice((1, 1, 2))]]
        place_order(
            store,
            NewOrder(
                lines,
                customer=rng.choice(customers) if customers else None,
                financial_status="PAID",
                inventory_behaviour="DECREMENT_OBEYING_POLICY",
                source="web",
            ),
        )

    return tick


__all__ = ["shop_activity"]
