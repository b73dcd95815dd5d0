"""HubSpot webhooks v3: signed over method, URL, body and timestamp; a batch of events per POST.

The timestamp is read strictly (ASCII digits of a millisecond time) before anything else, and a
delivery older than HubSpot's five minutes is refused: HubSpot signs every retry afresh, so the
window costs no retry. Each event's `eventId` is its id for deduplication.

A contact event (`contact.propertyChange`, `contact.deletion`, `contact.merge`...) names the contact
by id; the CRM connector remembers the e-mail each contact's profile was read by, and the event
drops those cached profiles, so a consent changed in the CRM shows on the next request.
"""

from __future__ import annotations

from gateway.backends.webhook_json import read_json
from gateway.models.webhooks import Change, Delivery, Incoming, ProfileChanged, Rejected

from .client import HubSpotCrm
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

    def __init__(self, client_secret: str, crm: HubSpotCrm | None = None) -> None:
        self._secret = client_secret
        self._crm = crm

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
        event_ids = tuple(f"hubspot:{event_id}" for event_id in ids if event_id is not None)
        return Delivery(event_ids, await self._changes(events))

    async def _changes(self, events: list[object]) -> tuple[Change, ...]:
        if self._crm is None:
            return ()
        emails: set[str] = set()
        for event in events:
            if not isinstance(event, dict) or not str(event.get("subscriptionType", "")).startswith(
                "contact."
            ):
                continue
            contact = event.get("objectId")
            if isinstance(contact, int | str) and not isinstance(contact, bool):
                emails |= await self._crm.emails_of(str(contact))
        return (ProfileChanged(tuple(sorted(emails))),) if emails else ()


__all__ = ["HubSpotEvents"]
