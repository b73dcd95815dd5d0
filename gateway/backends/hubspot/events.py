"""HubSpot webhooks v3: signed over method, URL, body and timestamp; a batch of events per POST.

The timestamp is read strictly (ASCII digits of a millisecond time) before anything else, and a
delivery older than HubSpot's five minutes is refused: HubSpot signs every retry afresh, so the
window costs no retry. Each event's `eventId` is its id for deduplication.
"""

from __future__ import annotations

from gateway.backends.webhook_json import read_json
from gateway.models.webhooks import Delivery, Incoming, Rejected

from .webhooks import SIGNATURE_V3_HEADER, TIMESTAMP_HEADER, parse_timestamp_ms, verify_v3


def _event_id(event: object) -> str | None:
    """An event's `eventId` (HubSpot sends a number), or None when the event has none."""
    if not isinstance(event, dict):
        return None
    event_id = event.get("eventId")
    if isinstance(event_id, bool) or not isinstance(event_id, int | str):
        return None
    return str(event_id)


class HubSpotEvents:
    vendor = "hubspot"

    def __init__(self, client_secret: str) -> None:
        self._secret = client_secret

    async def accept(self, incoming: Incoming) -> Delivery:
        signature = incoming.headers.get(SIGNATURE_V3_HEADER)
        timestamp = incoming.headers.get(TIMESTAMP_HEADER)
        if timestamp is None or parse_timestamp_ms(timestamp) is None:
            raise Rejected("X-HubSpot-Request-Timestamp is missing or not a time in milliseconds")
        if not verify_v3(self._secret, incoming.method, incoming.url, incoming.body, signature, timestamp):
            raise Rejected(
                "X-HubSpot-Signature-v3 does not match, or X-HubSpot-Request-Timestamp is older than five minutes"
            )
        events = read_json(incoming.body)
        if not isinstance(events, list):
            raise Rejected("HubSpot delivers a JSON array of events", 400)
        ids = (_event_id(event) for event in events)
        return Delivery(tuple(f"hubspot:{event_id}" for event_id in ids if event_id is not None))


__all__ = ["HubSpotEvents"]
