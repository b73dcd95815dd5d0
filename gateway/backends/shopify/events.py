"""Shopify webhooks: `X-Shopify-Hmac-Sha256` over the raw body, deduplicated on the webhook id.

Catalog values are cached per market and level of detail, so a product change is left to the
catalog's short TTL rather than enumerated here; the delivery is verified and recorded so it is
never processed twice.
"""

from __future__ import annotations

import hashlib

from gateway.models.webhooks import Delivery, Incoming, Rejected

from .webhooks import EVENT_ID_HEADER, HMAC_HEADER, WEBHOOK_ID_HEADER, verify


class ShopifyEvents:
    vendor = "shopify"

    def __init__(self, secret: str) -> None:
        self._secret = secret

    def accept(self, incoming: Incoming) -> Delivery:
        if not verify(self._secret, incoming.body, incoming.headers.get(HMAC_HEADER)):
            raise Rejected("X-Shopify-Hmac-Sha256 does not match the body")
        event_id = (
            incoming.headers.get(WEBHOOK_ID_HEADER)
            or incoming.headers.get(EVENT_ID_HEADER)
            or hashlib.sha256(incoming.body).hexdigest()
        )
        return Delivery((f"shopify:{event_id}",))


__all__ = ["ShopifyEvents"]
