"""Odoo's automation webhooks: unsigned, so only a secret token in the URL makes them trustworthy.

A `stock.quant` notification names its product by database id; the stock connector remembers
which SKU each product id carries (from the quants it read), which is exactly the set of stock
values the cache can hold, and the notification drops that SKU's cached stock.

Odoo sends no event id, so nothing is deduplicated: two notifications with the same body are two
changes (a level that goes 5 → 3 → 5 sends the first body again), and dropping a cached value
twice is harmless, while dropping the second would serve the stale level for the whole TTL.
"""

from __future__ import annotations

import hmac

from gateway.backends.webhook_json import read_json
from gateway.models.webhooks import Delivery, Incoming, Rejected, StockChanged

from .client import OdooStock


class OdooEvents:
    vendor = "odoo"

    def __init__(self, stock: OdooStock, token: str) -> None:
        self.stock = stock
        self._token = token

    async def accept(self, incoming: Incoming) -> Delivery:
        if not hmac.compare_digest(incoming.query.get("token", "").encode(), self._token.encode()):
            raise Rejected("Odoo webhooks carry no signature: the URL's token is required and did not match")
        payload = read_json(incoming.body)
        if not isinstance(payload, dict) or not isinstance(payload.get("_model"), str):
            raise Rejected("not an Odoo automation payload (no _model)", 400)
        changes: tuple[StockChanged, ...] = ()
        if payload["_model"] == "stock.quant":
            product = payload.get("product_id")
            sku = (
                await self.stock.sku_of(product)
                if isinstance(product, int) and not isinstance(product, bool)
                else None
            )
            if sku is not None:
                changes = (StockChanged((sku,)),)
        return Delivery((), changes)


__all__ = ["OdooEvents"]
