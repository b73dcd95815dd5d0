"""Odoo automation rules' "Send Webhook Notification" for stock and sale order changes.

Odoo posts `{"_model", "_id", "_action": "<server action name>(#<id>)", "id", <selected fields>}`
with raw ids (`read(load=None)`), serialized with `json.dumps(sort_keys=True)` and no signature at
all: the receiver can only trust a secret URL and should treat the payload as a hint to re-read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sandbox.webhooks import WebhookEmitter

from . import base_records as b
from .env import Env
from .orm import read_rows
from .store import Store

RULES: dict[str, tuple[int, tuple[str, ...]]] = {
    "stock.quant": (
        b.QUANT_WEBHOOK_ACTION_ID,
        ("product_id", "location_id", "quantity", "reserved_quantity"),
    ),
    "sale.order": (
        b.SALE_ORDER_WEBHOOK_ACTION_ID,
        ("name", "state", "client_order_ref", "partner_id", "amount_total"),
    ),
}
"""Model → (server action id, fields the rule sends)."""

USER_AGENT = "python-requests/2.32.3"
"""Odoo posts with `requests`, which announces itself and signs nothing."""


def payload(store: Store, model: str, rid: int) -> dict[str, Any] | None:
    """The webhook body for one record, or None when the model has no rule or the record is gone."""
    rule = RULES.get(model)
    if rule is None:
        return None
    action_id, names = rule
    env = Env(store, b.ADMIN_UID)
    records = read_rows(env, env.spec(model), [rid], list(names), load=None)
    if not records:
        return None
    return {
        "_model": model,
        "_id": rid,
        "_action": f"{b.WEBHOOK_ACTION_NAME}(#{action_id})",
        **records[0],
    }


def unsigned(url: str, body: bytes) -> Mapping[str, str]:
    return {"User-Agent": USER_AGENT}


class WebhookNotifier:
    """Posts the webhooks of the records changed by the last call, once each, in change order."""

    def __init__(self, store: Store, emitter: WebhookEmitter) -> None:
        self.store = store
        self.emitter = emitter

    def flush(self) -> int:
        """Emit the pending notifications; returns how many were queued for delivery."""
        sent = 0
        for model, rid in dict.fromkeys(self.store.take_changes()):
            body = payload(self.store, model, rid)
            if body is None:
                continue
            data = json.dumps(body, sort_keys=True, default=str).encode()
            sent += self.emitter.emit(model, data, unsigned)
        return sent


__all__ = ["RULES", "USER_AGENT", "WebhookNotifier", "payload", "unsigned"]
