"""HubSpot webhooks v3: signed over method, URL, body and timestamp; a batch of events per POST."""

from __future__ import annotations

import json

from gateway.models.webhooks import Delivery, Incoming, Rejected

from .webhooks import SIGNATURE_V3_HEADER, TIMESTAMP_HEADER, verify_v3


class HubSpotEvents:
    vendor = "hubspot"

    def __init__(self, client_secret: str) -> None:
        self._secret = client_secret

    def accept(self, incoming: Incoming) -> Delivery:
        signature = incoming.headers.get(SIGNATURE_V3_HEADER)
        timestamp = incoming.headers.get(TIMESTAMP_HEADER)
        if not verify_v3(self._secret, incoming.method, incoming.url, incoming.body, signature, timestamp):
            raise Rejected(
                "X-HubSpot-Signature-v3 does not match, or its timestamp is older than five minutes"
            )
        try:
            events = json.loads(incoming.body)
        except ValueError:
            raise Rejected("the body is not JSON", 400) from None
        if not isinstance(events, list):
            raise Rejected("HubSpot delivers a JSON array of events", 400)
        ids = tuple(f"hubspot:{e['eventId']}" for e in events if isinstance(e, dict) and "eventId" in e)
        return Delivery(ids)


__all__ = ["HubSpotEvents"]
