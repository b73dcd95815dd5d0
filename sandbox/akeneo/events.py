"""Event Platform deliveries: CloudEvents 1.0 bodies signed with the subscription's secret.

The emulator stands for one HTTPS subscription to product and product model events. Each change
posts one structured-mode CloudEvent (`com.akeneo.pim.v1.product.updated` with the product's uuid
and identifier, or `com.akeneo.pim.v1.product-model.updated` with the model's code), signed with
`X-AKENEO-SIGNATURE-PRIMARY`. Editing a product model sends only the model's event, as Akeneo does:
a receiver re-reads the model's variants itself.
"""

from __future__ import annotations

import json
import random
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from sandbox.webhooks import WebhookEmitter

from .catalog import ProductModel, VariantProduct
from .signing import signature_headers

PRODUCT_UPDATED = "com.akeneo.pim.v1.product.updated"
PRODUCT_MODEL_UPDATED = "com.akeneo.pim.v1.product-model.updated"
SCHEMA_BASE = "https://event.prd.sdk.akeneo.cloud/spec/"
SOURCE = "pim"


def uuid7(rng: random.Random, now_ms: int | None = None) -> str:
    """A UUID version 7 (time-ordered), the kind the Event Platform gives its events."""
    millis = int(time.time() * 1000) if now_ms is None else now_ms
    # 48 bits of milliseconds, version 7, 12 random bits, the RFC 4122 variant, 62 random bits.
    value = (
        (millis & (2**48 - 1)) << 80
        | 0x7 << 76
        | rng.getrandbits(12) << 64
        | 0b10 << 62
        | rng.getrandbits(62)
    )
    return str(uuid.UUID(int=value))


def _uuid4(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class EventPublisher:
    """Builds, signs and queues the emulator's Event Platform deliveries."""

    def __init__(self, emitter: WebhookEmitter, secret: str, rng: random.Random) -> None:
        self.emitter = emitter
        self.secret = secret
        self._rng = rng
        self.subscription_id = _uuid4(rng)
        """The CloudEvents `subject`: the id of the subscription the events come from."""
        self.api_user = _uuid4(rng)
        """The connection's user, author of changes made through the REST API."""
        self.ui_user = _uuid4(rng)
        """A PIM user, author of the simulated edits."""

    def body(self, event_type: str, data: dict[str, Any], at: datetime | None = None) -> bytes:
        moment = (at or datetime.now(UTC)).astimezone(UTC)
        event = {
            "specversion": "1.0",
            "id": uuid7(self._rng, int(moment.timestamp() * 1000)),
            "source": SOURCE,
            "type": event_type,
            "subject": self.subscription_id,
            "datacontenttype": "application/json",
            "dataschema": f"{SCHEMA_BASE}{event_type}.schema.json",
            "time": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "data": data,
        }
        return json.dumps(event, separators=(",", ":")).encode()

    def _author(self, by_api: bool) -> dict[str, str]:
        return (
            {"identifier": self.api_user, "type": "api"}
            if by_api
            else {"identifier": self.ui_user, "type": "user"}
        )

    def _emit(self, event_type: str, body: bytes) -> bool:
        return self.emitter.emit(event_type, body, lambda url, raw: signature_headers(raw, self.secret))

    def product_updated(self, product: VariantProduct, *, by_api: bool = True) -> bool:
        data = {
            "product": {"uuid": product.uuid, "identifier": product.identifier},
            "author": self._author(by_api),
        }
        return self._emit(PRODUCT_UPDATED, self.body(PRODUCT_UPDATED, data, product.updated))

    def product_model_updated(self, model: ProductModel, *, by_api: bool = True) -> bool:
        data = {"product_model": {"code": model.code}, "author": self._author(by_api)}
        return self._emit(PRODUCT_MODEL_UPDATED, self.body(PRODUCT_MODEL_UPDATED, data, model.updated))


__all__ = ["PRODUCT_MODEL_UPDATED", "PRODUCT_UPDATED", "SOURCE", "EventPublisher", "uuid7"]
