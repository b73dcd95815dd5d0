"""Odoo's automation webhooks: unsigned, so only a secret token in the URL makes them trustworthy.

A `stock.quant` notification names its product by database id; the stock connector remembers
which SKU each product id carries (from the quants it read), which is exactly the set of stock
values the cache can hold, and the notification drops that SKU's cached stock.
"""

from __future__ import annotations

import hashlib
import hmac
import json

from gateway.models.webhooks import Delivery, Incoming, Rejected, StockChanged

from .client import OdooStock


class OdooEvents:
    vendor = "odoo"

    def __init__(self, stock: OdooStock, token: str) -> None:
        self.stock = stock
        self._token = token

    def accept(self, incoming: Incoming) -> Delivery:
        if not hmac.compare_digest(incoming.query.get("token", "").encode(), self._token.encode()):
            raise Rejected("Odoo webhooks carry no signature: the URL's token is required and did not match")
        try:
            payload = json.loads(incoming.body)
        except ValueError:
            raise Rejected("the body is not JSON", 400) from None
        if not isinstance(payload, dict) or not isinstance(payload.get("_model"), str):
            raise Rejected("not an Odoo automation payload (no _model)", 400)
        # Odoo sends no event id; a repeat of the very same body is the same notification.
        event_id = f"odoo:{hashlib.sha256(incoming.body).hexdigest()}"
        changes: tuple[StockChanged, ...] = ()
        if payload["_model"] == "stock.quant":
            product = payload.get("product_id")
            sku = self.stock.sku_of(product) if isinstance(product, int) else None
            if sku is not None:
                changes = (StockChanged((sku,)),)
        return Delivery((event_id,), changes)


__all__ = ["OdooEvents"]
