"""What the webhook endpoint asks of a vendor's connector: verify a request and say what it means."""

from __future__ import annotations

from typing import Protocol

from gateway.models.webhooks import Delivery, Incoming


class WebhookSource(Protocol):
    """One vendor's webhooks: verification and meaning."""

    vendor: str

    async def accept(self, incoming: Incoming) -> Delivery:
        """The delivery's meaning; raises `Rejected` when it cannot be trusted or read.

        Asynchronous because resolving what a vendor names to SKUs may ask the shared key map
        (`gateway.backends.key_maps`), which raises `KeyMapUnavailable` when it cannot answer.
        """
        ...


__all__ = ["WebhookSource"]
