"""How Shopify signs a webhook delivery, and the headers that travel with it.

Shopify puts base64(HMAC-SHA256(app secret, raw body)) in `X-Shopify-Hmac-Sha256`. This module is
the emulator's own signer: the gateway verifies with code of its own, and both are checked against
the same known-answer vectors (tests/sandbox/test_signing.py).
"""

from __future__ import annotations

import base64
import hashlib
import hmac

HMAC_HEADER = "X-Shopify-Hmac-Sha256"
TOPIC_HEADER = "X-Shopify-Topic"
SHOP_DOMAIN_HEADER = "X-Shopify-Shop-Domain"
API_VERSION_HEADER = "X-Shopify-API-Version"
WEBHOOK_ID_HEADER = "X-Shopify-Webhook-Id"
"""One value per delivery, kept by its retries."""
EVENT_ID_HEADER = "X-Shopify-Event-Id"
"""One value per event, shared by the deliveries to every subscription."""
TRIGGERED_AT_HEADER = "X-Shopify-Triggered-At"


def hmac_header(secret: str, body: bytes) -> str:
    """The `X-Shopify-Hmac-Sha256` value Shopify sends with `body`."""
    mac = hmac.new(secret.encode(), digestmod=hashlib.sha256)
    mac.update(body)
    return base64.standard_b64encode(mac.digest()).decode("ascii")


__all__ = [
    "API_VERSION_HEADER",
    "EVENT_ID_HEADER",
    "HMAC_HEADER",
    "SHOP_DOMAIN_HEADER",
    "TOPIC_HEADER",
    "TRIGGERED_AT_HEADER",
    "WEBHOOK_ID_HEADER",
    "hmac_header",
]
