"""Akeneo Event Platform deliveries: CloudEvents signed with `X-AKENEO-SIGNATURE-PRIMARY`.

A product event names the product by uuid (and identifier when the subscription asks for it); a
product-model event by model code, whose variants the content connector has seen come by. Either
way the SKUs whose cached content is now stale are known without calling the PIM back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from gateway.models.webhooks import ContentChanged, Delivery, Incoming, Rejected

from .client import AkeneoContent
from .webhooks import verify


class AkeneoEvents:
    vendor = "akeneo"

    def __init__(self, content: AkeneoContent, secrets: Sequence[str]) -> None:
        self.content = content
        self._secrets = tuple(secrets)

    def accept(self, incoming: Incoming) -> Delivery:
        if not verify(incoming.body, incoming.headers, self._secrets):
            raise Rejected("X-AKENEO-SIGNATURE-PRIMARY does not match the body")
        try:
            event = json.loads(incoming.body)
        except ValueError:
            raise Rejected("the body is not JSON", 400) from None
        if not isinstance(event, dict) or not isinstance(event.get("id"), str):
            raise Rejected("not a CloudEvent (no id)", 400)
        data = event.get("data")
        if not isinstance(data, dict):
            data = {}
        skus: set[str] = set()
        product = data.get("product")
        if isinstance(product, dict):
            identifier = product.get("identifier") or self.content.sku_of(str(product.get("uuid")))
            if identifier:
                skus.add(str(identifier))
        model = data.get("product_model")
        if isinstance(model, dict) and model.get("code"):
            skus |= self.content.skus_of_model(str(model["code"]))
        changes = (ContentChanged(tuple(sorted(skus))),) if skus else ()
        return Delivery((f"akeneo:{event['id']}",), changes)


__all__ = ["AkeneoEvents"]
