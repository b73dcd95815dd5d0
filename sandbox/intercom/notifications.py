"""Webhook deliveries: Intercom's `notification_event` envelope, signed with `X-Hub-Signature`."""

from __future__ import annotations

import time
import uuid
from collections.abc import Mapping
from typing import Any

import orjson

from .signing import signature_headers
from .state import IntercomSandbox


def notification(state: IntercomSandbox, topic: str, item: dict[str, Any]) -> dict[str, Any]:
    now = int(time.time())
    return {
        "type": "notification_event",
        "app_id": state.workspace_id,
        "data": {"type": "notification_event_data", "item": item},
        "links": {},
        "id": f"notif_{uuid.uuid4()}",
        "topic": topic,
        "delivery_status": "pending",
        "delivery_attempts": 1,
        "delivered_at": 0,
        "first_sent_at": now,
        "created_at": now,
        "self": None,
    }


def emit(state: IntercomSandbox, topic: str, item: dict[str, Any]) -> bool:
    """Queue one signed delivery; False when no webhook URL is configured."""
    secret = state.client_secret

    def sign(url: str, body: bytes) -> Mapping[str, str]:
        return signature_headers(secret, body)

    return state.control.webhooks.emit(topic, orjson.dumps(notification(state, topic, item)), sign)


__all__ = ["emit", "notification"]
