"""Shopify webhooks: `X-Shopify-Hmac-Sha256` over the raw body, deduplicated on the webhook id.

Catalog values are cached per market and level of detail, so a product change is left to the
catalog's short TTL rather than enumerated here; the delivery is verified and recorded so it is
never processed twice.

`X-Shopify-Triggered-At` dates the delivery: one triggered longer ago than the replay window is
refused. Shopify retries a failed delivery 8 times over about 4 hours, each with the first
attempt's Triggered-At, so the window must outlast those hours. The header is not covered by the
signature: the check stops a captured delivery posted again as it was, not one whose headers were
rewritten, and a delivery without the header (Shopify always sends it) is taken on its signature
alone. What a forged replay can do is bounded anyway: the receiver only drops cached values.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from gateway.backends.replay_window import ReplayWindow, parse_rfc3339
from gateway.models.webhooks import Delivery, Incoming, Rejected

from .webhooks import EVENT_ID_HEADER, HMAC_HEADER, TRIGGERED_AT_HEADER, WEBHOOK_ID_HEADER, verify


class ShopifyEvents:
    vendor = "shopify"

    def __init__(self, secret: str, *, max_age_s: float) -> None:
        self._secret = secret
        self._window = ReplayWindow(max_age_s)

    async def accept(self, incoming: Incoming) -> Delivery:
        if not verify(self._secret, incoming.body, incoming.headers.get(HMAC_HEADER)):
            raise Rejected("X-Shopify-Hmac-Sha256 does not match the body")
        self._check_triggered_at(incoming.headers)
        event_id = (
            incoming.headers.get(WEBHOOK_ID_HEADER)
            or incoming.headers.get(EVENT_ID_HEADER)
            or hashlib.sha256(incoming.body).hexdigest()
        )
        return Delivery((f"shopify:{event_id}",))

    def _check_triggered_at(self, headers: Mapping[str, str]) -> None:
        value = headers.get(TRIGGERED_AT_HEADER)
        if value is None:
            return
        triggered_at = parse_rfc3339(value)
        if triggered_at is None:
            raise Rejected("X-Shopify-Triggered-At is not an RFC 3339 timestamp")
        if not self._window.admits(triggered_at):
            raise Rejected(
                f"X-Shopify-Triggered-At is outside the {self._window.max_age_s:g} s replay window"
            )


__all__ = ["ShopifyEvents"]
