"""Shopify webhook signatures: `X-Shopify-Hmac-Sha256` is base64(HMAC-SHA256(client secret, raw body)).

The gateway's receiver checks a delivery with `verify`, on the raw request bytes (re-serialised
JSON would not verify) and in constant time. The sandbox signs with code of its own
(`sandbox/shopify/signing.py`); both meet the same known-answer vectors in the tests.

```python
assert verify(secret, body, request.headers[HMAC_HEADER])
```
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
"""The same for every retry of one delivery: receivers deduplicate on it."""
EVENT_ID_HEADER = "X-Shopify-Event-Id"
"""The same for every delivery of one event, whatever the subscription."""
TRIGGERED_AT_HEADER = "X-Shopify-Triggered-At"


def sign(secret: str, body: bytes) -> str:
    """The `X-Shopify-Hmac-Sha256` value for `body`."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def verify(secret: str, body: bytes, signature: str | None) -> bool:
    """Whether `signature` (the header's value) signs `body` with `secret`."""
    if not signature:
        return False
    # Compare the base64 text, not decoded bytes: a non-canonical encoding of the right digest
    # (other padding bits) is not what Shopify sent.
    return hmac.compare_digest(sign(secret, body).encode(), signature.strip().encode("utf-8", "replace"))


__all__ = [
    "API_VERSION_HEADER",
    "EVENT_ID_HEADER",
    "HMAC_HEADER",
    "SHOP_DOMAIN_HEADER",
    "TOPIC_HEADER",
    "TRIGGERED_AT_HEADER",
    "WEBHOOK_ID_HEADER",
    "sign",
    "verify",
]
