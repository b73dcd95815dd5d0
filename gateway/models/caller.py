"""Who sent an operation: set by the edge, read by the executors and passed on to Shopify."""

from __future__ import annotations

from dataclasses import dataclass

from .client import OPEN, Client


@dataclass(frozen=True, slots=True)
class Caller:
    """What the gateway knows of one request's sender."""

    buyer_ip: str | None = None
    """The buyer's IP, forwarded to Shopify as `Shopify-Storefront-Buyer-IP`."""
    authorization: str | None = None
    """The customer's own token for the Customer Account API, passed through untouched."""
    client: Client = OPEN
    """The configured client whose key the request carried (`gateway.clients.gate`)."""


ANONYMOUS = Caller()
"""A caller the gateway knows nothing of."""

__all__ = ["ANONYMOUS", "Caller"]
