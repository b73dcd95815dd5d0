"""Turns store changes into Shopify's signed webhook deliveries.

Each change becomes one event (its own `X-Shopify-Event-Id`) with a REST topic and payload. The
event goes to the sandbox control's webhook URL (every topic, like a store-level notification) and
to each Admin API subscription of that topic over HTTP(S), each with its own `X-Shopify-Webhook-Id`,
kept across retries. `includeFields` trims a subscription's payload to those fields.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

import orjson

from sandbox.webhooks import WebhookEmitter

from . import signing as signature, webhook_payloads as payloads
from .admin.state import AdminState
from .changes import (
    Change,
    InventoryLevelChanged,
    OrderCancelled,
    OrderCreated,
    OrderUpdated,
)

API_VERSION = "2026-07"


def topic_and_payload(change: Change) -> tuple[str, dict[str, Any]]:
    """Shopify's REST topic (`orders/create`) and payload for a store change."""
    if isinstance(change, OrderCreated):
        return "orders/create", payloads.order(change.order)
    if isinstance(change, OrderUpdated):
        return "orders/updated", payloads.order(change.order)
    if isinstance(change, OrderCancelled):
        return "orders/cancelled", payloads.order(change.order)
    if isinstance(change, InventoryLevelChanged):
        return "inventory_levels/update", payloads.inventory_level(change.level)
    return "customers/update", payloads.customer(change.customer)


def graphql_topic(topic: str) -> str:
    """`orders/create` → `ORDERS_CREATE`, the `WebhookSubscriptionTopic` of a REST topic."""
    return topic.upper().replace("/", "_")


class WebhookDispatcher:
    """Listens to the store's changes and delivers them, signed with the app's client secret."""

    def __init__(self, emitter: WebhookEmitter, state: AdminState, secret: str, shop_domain: str) -> None:
        self.emitter = emitter
        self.state = state
        self.secret = secret
        self.shop_domain = shop_domain

    def __call__(self, change: Change) -> None:
        topic, payload = topic_and_payload(change)
        event_id = str(uuid.uuid4())
        triggered_at = datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
        targets: list[tuple[str | None, dict[str, Any]]] = []
        if self.emitter.url:
            targets.append((None, payload))
        for subscription in self.state.subscriptions.values():
            if subscription.topic == graphql_topic(topic) and subscription.uri.startswith(
                ("http://", "https://")
            ):
                fields = subscription.include_fields
                trimmed = (
                    {key: value for key, value in payload.items() if key in fields} if fields else payload
                )
                targets.append((subscription.uri, trimmed))
        for url, body in targets:
            self.emitter.emit(topic, orjson.dumps(body), self._signer(topic, event_id, triggered_at), url=url)

    def _signer(
        self, topic: str, event_id: str, triggered_at: str
    ) -> Callable[[str, bytes], Mapping[str, str]]:
        webhook_id = str(uuid.uuid4())  # one per delivery, unchanged by retries

        def sign(url: str, body: bytes) -> Mapping[str, str]:
            return {
                signature.TOPIC_HEADER: topic,
                signature.HMAC_HEADER: signature.hmac_header(self.secret, body),
                signature.SHOP_DOMAIN_HEADER: self.shop_domain,
                signature.API_VERSION_HEADER: API_VERSION,
                signature.WEBHOOK_ID_HEADER: webhook_id,
                signature.EVENT_ID_HEADER: event_id,
                signature.TRIGGERED_AT_HEADER: triggered_at,
            }

        return sign


__all__ = ["API_VERSION", "WebhookDispatcher", "graphql_topic", "topic_and_payload"]
