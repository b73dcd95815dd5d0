"""Webhook deliveries as each vendor builds and signs them, with the sandbox's own signers.

The gateway verifies with code of its own; signing here with `sandbox/<vendor>/signing.py` keeps a
test from checking the gateway's verifier against itself.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sandbox.akeneo import signing as akeneo
from sandbox.hubspot import signing as hubspot
from sandbox.intercom import signing as intercom
from sandbox.runner import Sandbox, odoo_webhook_token
from sandbox.shopify import signing as shopify

from .raw_http import Reply, post

VENDORS = ("shopify", "odoo", "hubspot", "akeneo", "intercom")


def rfc3339(at: float) -> str:
    """A Unix time as Shopify writes `X-Shopify-Triggered-At`: `2026-08-21T10:00:00.123456Z`."""
    moment = datetime.fromtimestamp(at, UTC)
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


def cloudevent_time(at: float) -> str:
    """A Unix time as Akeneo writes a CloudEvent's `time`: `2026-08-21T10:00:00Z`."""
    return datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def shopify_body() -> bytes:
    return json.dumps({"id": 820982911946154508, "email": "jon@example.com"}).encode()


def hubspot_body(*event_ids: int) -> bytes:
    return json.dumps(
        [{"eventId": e, "subscriptionType": "contact.propertyChange", "objectId": 5} for e in event_ids]
    ).encode()


def intercom_body(notification_id: str, *, created_at: int | None = None) -> bytes:
    created = int(time.time()) if created_at is None else created_at
    return json.dumps(
        {
            "type": "notification_event",
            "id": notification_id,
            "topic": "ping",
            "created_at": created,
            "first_sent_at": created,
            "data": {"type": "notification_event_data", "item": {"type": "ping"}},
        }
    ).encode()


def akeneo_body(event_id: str, *, model: str | None = None, at: str | None = None, data: Any = None) -> bytes:
    payload = data if data is not None else {"product_model": {"code": model or "no-such-model"}}
    return json.dumps(
        {
            "specversion": "1.0",
            "id": event_id,
            "source": "pim",
            "type": "com.akeneo.pim.v1.product-model.updated",
            "time": at or cloudevent_time(time.time()),
            "data": payload,
        }
    ).encode()


def odoo_quant(product_id: int, quantity: float, *, quant_id: int = 7) -> bytes:
    """Odoo's "Send Webhook Notification" body for a stock.quant (sorted keys, raw ids)."""
    return json.dumps(
        {
            "_action": "Send Webhook Notification(#1)",
            "_id": quant_id,
            "_model": "stock.quant",
            "id": quant_id,
            "location_id": 8,
            "product_id": product_id,
            "quantity": quantity,
            "reserved_quantity": 0.0,
        },
        sort_keys=True,
    ).encode()


def typical_body(vendor: str) -> bytes:
    """A well-formed delivery for `vendor`, with a fresh event id where the vendor has ids."""
    unique = uuid.uuid4().hex
    match vendor:
        case "shopify":
            return shopify_body()
        case "hubspot":
            return hubspot_body(int(unique[:12], 16))
        case "intercom":
            return intercom_body(f"notif_{unique}")
        case "akeneo":
            return akeneo_body(unique)
        case _:
            return odoo_quant(1, 5.0)


class Deliveries:
    """Signs and posts deliveries to one running gateway with the sandbox's credentials."""

    def __init__(self, sandbox: Sandbox, gateway_url: str) -> None:
        self.credentials = sandbox.backends_config()
        self.gateway_url = gateway_url
        self.odoo_token = odoo_webhook_token(sandbox.settings.options.seed)

    def url(self, vendor: str) -> str:
        url = f"{self.gateway_url}/webhooks/{vendor}"
        return f"{url}?token={self.odoo_token}" if vendor == "odoo" else url

    def secret(self, vendor: str) -> str:
        key = {"shopify": "webhook_secret", "akeneo": "event_secret"}.get(vendor, "client_secret")
        value: str = self.credentials[vendor][key]
        return value

    def sign(
        self, vendor: str, body: bytes, *, webhook_id: str | None = None, triggered_at: str | None = None
    ) -> dict[str, str]:
        """Every header the vendor sends with `body` now (Odoo signs nothing: its token is in the URL)."""
        match vendor:
            case "shopify":
                return {
                    shopify.TOPIC_HEADER: "customers/update",
                    shopify.HMAC_HEADER: shopify.hmac_header(self.secret(vendor), body),
                    shopify.WEBHOOK_ID_HEADER: webhook_id or str(uuid.uuid4()),
                    shopify.EVENT_ID_HEADER: str(uuid.uuid4()),
                    shopify.TRIGGERED_AT_HEADER: triggered_at or rfc3339(time.time()),
                }
            case "hubspot":
                return hubspot.signature_headers(self.secret(vendor), "POST", self.url(vendor), body)
            case "intercom":
                return intercom.signature_headers(self.secret(vendor), body)
            case "akeneo":
                return akeneo.signature_headers(body, self.secret(vendor))
            case _:
                return {"User-Agent": "python-requests/2.32.3"}

    async def post(self, vendor: str, body: bytes, headers: Mapping[str, str] | None = None) -> Reply:
        """POST `body` signed as the vendor signs it, or with exactly `headers` when given."""
        sent = self.sign(vendor, body) if headers is None else headers
        return await post(self.url(vendor), body, {"Content-Type": "application/json", **sent})


__all__ = [
    "VENDORS",
    "Deliveries",
    "akeneo_body",
    "cloudevent_time",
    "hubspot_body",
    "intercom_body",
    "odoo_quant",
    "rfc3339",
    "shopify_body",
    "typical_body",
]
