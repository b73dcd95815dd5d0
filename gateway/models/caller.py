"""Who sent an operation: set by the edge, read by the executors and passed on to Shopify."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Caller:
    """What the gateway knows of one request's sender."""

    buyer_ip: str | None = None
    """The buyer's IP, forwarded to Shopify as `Shopify-Storefront-Buyer-IP`."""
    authorization: str | None = None
    """The customer's own token for the Customer Account API, passed through untouched."""


ANONYMOUS = Caller()
"""A caller the gateway knows nothing of."""

__all__ = ["ANONYMOUS", "Caller"]
