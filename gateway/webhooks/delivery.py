"""What the webhook endpoint asks of a vendor's connector: verify a request and say what it means."""

from __future__ import annotations

from typing import Protocol

from gateway.models.webhooks import Delivery, Incoming


class WebhookSource(Protocol):
    """One vendor's webhooks: verification and meaning."""

    vendor: str

    def accept(self, incoming: Incoming) -> Delivery:
        """The delivery's meaning; raises `Rejected` when it cannot be trusted or read."""
        ...


__all__ = ["WebhookSource"]
