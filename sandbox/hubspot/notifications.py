"""Webhook v3 deliveries: `contact.propertyChange` and `contact.creation` events, signed per delivery.

HubSpot batches events into a JSON array of up to 100 per POST, one `propertyChange` event per
changed property. Each delivery is signed when it is sent (the v3 signature covers the target URL
and the delivery timestamp).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import orjson

from .properties import CONTACT_PROPERTIES
from .signing import signature_headers
from .state import HubSpotSandbox

Tick = Callable[[], Awaitable[None]]

EVENTS_PER_DELIVERY = 100
CREATION_SUBSCRIPTION_ID = 2_100_001
# One propertyChange subscription per property, as an app would configure them.
_SUBSCRIPTION_IDS = {p.name: 2_100_100 + index for index, p in enumerate(CONTACT_PROPERTIES)}
_UNSUBSCRIBED = frozenset({"lastmodifieddate", "hs_email_domain"})
"""Calculated on every write; an app does not subscribe to their noise."""


def _event(
    state: HubSpotSandbox, subscription_type: str, subscription_id: int, object_id: str
) -> dict[str, Any]:
    return {
        "eventId": state.next_event_id(),
        "subscriptionId": subscription_id,
        "portalId": state.portal_id,
        "appId": int(state.app_id),
        "occurredAt": int(time.time() * 1000),
        "subscriptionType": subscription_type,
        "attemptNumber": 0,
        "objectId": int(object_id),
    }


def property_changes(
    state: HubSpotSandbox, object_id: str, changed: Mapping[str, str | None], source: str = "INTEGRATION"
) -> list[dict[str, Any]]:
    events = []
    for name, value in changed.items():
        if name in _UNSUBSCRIBED or name not in _SUBSCRIPTION_IDS:
            continue
        event = _event(state, "contact.propertyChange", _SUBSCRIPTION_IDS[name], object_id)
        event.update(
            {
                "propertyName": name,
                "propertyValue": value or "",
                "changeSource": source,
                "sourceId": state.app_id,
            }
        )
        events.append(event)
    return events


def creation(state: HubSpotSandbox, object_id: str) -> list[dict[str, Any]]:
    event = _event(state, "contact.creation", CREATION_SUBSCRIPTION_ID, object_id)
    event.update({"changeSource": "INTEGRATION", "sourceId": state.app_id})
    return [event]


def emit(state: HubSpotSandbox, events: list[dict[str, Any]]) -> int:
    """Queue the events for delivery, 100 per POST; returns how many deliveries were queued."""
    secret = state.client_secret

    def sign(url: str, body: bytes) -> Mapping[str, str]:
        return signature_headers(secret, "POST", url, body)

    queued = 0
    for start in range(0, len(events), EVENTS_PER_DELIVERY):
        chunk = events[start : start + EVENTS_PER_DELIVERY]
        topic = str(chunk[0]["subscriptionType"])
        if state.control.webhooks.emit(topic, orjson.dumps(chunk), sign):
            queued += 1
    return queued


__all__ = ["EVENTS_PER_DELIVERY", "Tick", "creation", "emit", "property_changes"]
