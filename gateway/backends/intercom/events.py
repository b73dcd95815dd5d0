"""Intercom webhooks: `X-Hub-Signature: sha1=<hex HMAC-SHA1>` over the raw body; one event per POST."""

from __future__ import annotations

import json

from gateway.models.webhooks import Delivery, Incoming, Rejected

from .webhooks import SIGNATURE_HEADER, verify


class IntercomEvents:
    vendor = "intercom"

    def __init__(self, client_secret: str) -> None:
        self._secret = client_secret

    def accept(self, incoming: Incoming) -> Delivery:
        if not verify(self._secret, incoming.body, incoming.headers.get(SIGNATURE_HEADER)):
            raise Rejected("X-Hub-Signature does not match the body")
        try:
            event = json.loads(incoming.body)
        except ValueError:
            raise Rejected("the body is not JSON", 400) from None
        if not isinstance(event, dict) or not event.get("id"):
            raise Rejected("not an Intercom notification (no id)", 400)
        return Delivery((f"intercom:{event['id']}",))


__all__ = ["IntercomEvents"]
