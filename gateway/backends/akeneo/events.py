"""Akeneo Event Platform deliveries: CloudEvents signed with `X-AKENEO-SIGNATURE-PRIMARY`.

A product event names the product by uuid (and identifier when the subscription asks for it); a
product-model event by model code, whose variants the content connector has seen come by. Either
way the SKUs whose cached content is now stale are known without calling the PIM back.

The event's `id` is its id for deduplication, and its `time`, inside the signed body, dates it: an
event older than the replay window is refused. Akeneo retries at +5, +10 and +20 minutes with the
same event, then drops it, so the window must outlast those 35 minutes.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.backends.replay_window import ReplayWindow, parse_rfc3339
from gateway.backends.webhook_json import read_json
from gateway.models.webhooks import ContentChanged, Delivery, Incoming, Rejected

from .client import AkeneoContent
from .webhooks import verify


class AkeneoEvents:
    vendor = "akeneo"

    def __init__(self, content: AkeneoContent, secrets: Sequence[str], *, max_age_s: float) -> None:
        self.content = content
        self._secrets = tuple(secrets)
        self._window = ReplayWindow(max_age_s)

    async def accept(self, incoming: Incoming) -> Delivery:
        if not verify(incoming.body, incoming.headers, self._secrets):
            raise Rejected("X-AKENEO-SIGNATURE-PRIMARY does not match the body")
        event = read_json(incoming.body)
        if not isinstance(event, dict) or not isinstance(event.get("id"), str):
            raise Rejected("not a CloudEvent (no id)", 400)
        self._check_time(event.get("time"))
        data = event.get("data")
        if not isinstance(data, dict):
            data = {}
        skus: set[str] = set()
        product = data.get("product")
        if isinstance(product, dict):
            identifier = product.get("identifier") or await self.content.sku_of(str(product.get("uuid")))
            if identifier:
                skus.add(str(identifier))
        model = data.get("product_model")
        if isinstance(model, dict) and model.get("code"):
            skus |= await self.content.skus_of_model(str(model["code"]))
        changes = (ContentChanged(tuple(sorted(skus))),) if skus else ()
        return Delivery((f"akeneo:{event['id']}",), changes)

    def _check_time(self, value: object) -> None:
        """Refuse an event whose `time` is unreadable (400) or outside the replay window (401).

        CloudEvents make `time` optional; the Event Platform always sends it, so an event without
        one is taken on its signature alone.
        """
        if value is None:
            return
        sent_at = parse_rfc3339(value) if isinstance(value, str) else None
        if sent_at is None:
            raise Rejected("the CloudEvent's time is not an RFC 3339 timestamp", 400)
        if not self._window.admits(sent_at):
            raise Rejected(f"the CloudEvent's time is outside the {self._window.max_age_s:g} s replay window")


__all__ = ["AkeneoEvents"]
