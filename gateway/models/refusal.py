"""A refusal of the caller by Shopify that the client must see as Shopify sent it."""

from __future__ import annotations

from typing import Any


class CallerRefused(Exception):
    """Shopify refused the caller's own credentials (the Customer Account API's 401 for a missing,
    forged, expired or revoked customer token).

    It is the client's to act on, not the gateway's: the client reads the status (Hydrogen signs the
    customer in again on a 401), so it is answered with Shopify's status and body, not as a
    backend failure inside a 200.
    """

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(f"shopify refused the caller ({status})")
        self.status = status
        self.body = body


__all__ = ["CallerRefused"]
