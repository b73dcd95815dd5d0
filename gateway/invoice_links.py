"""Signed links to invoice PDFs: what lets a browser fetch a file only its owner was shown.

A link is made while the invoices are grafted onto an order Shopify returned for the customer's
own token, so the order name in it is already proven to be the caller's; the link then needs no
token of its own (a browser opening it sends none). It carries the ERP's invoice id, the order
name, the invoice number (the file's name) and an expiry, signed with HMAC-SHA256 under the
gateway's secret; changing any of them breaks the signature, and after the expiry it is refused.

```python
links = InvoiceLinks(secret, ttl_s=900)
path = links.path(invoice_id=42, order_name="#1042", number="INV/2026/00042")
grant = links.verify(path.removeprefix("/invoices/").removesuffix(".pdf"))
```
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

import orjson

log = logging.getLogger("gateway.invoice_links")

PATH_PREFIX = "/invoices/"
PATH_SUFFIX = ".pdf"
PURPOSE = b"commerce-gateway invoice pdf v1\x00"
"""Signed ahead of every payload, so a signature made for anything else never passes here."""
MIN_SECRET_BYTES = 32
"""As long as the HMAC-SHA256 output: a shorter key is easier to guess than the MAC to forge."""


class InvalidLink(Exception):
    """A token the gateway did not sign as it is, or whose time is up; `reason` is safe to show."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class InvoiceGrant:
    """What a valid link lets its holder fetch."""

    invoice_id: int
    order_name: str
    number: str
    expires_at: int
    """Unix time, in seconds."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise InvalidLink("the link is malformed") from None


class InvoiceLinks:
    """Signs and checks the gateway's invoice download links."""

    def __init__(self, secret: bytes, *, ttl_s: float, clock: Callable[[], float] = time.time) -> None:
        if len(secret) < MIN_SECRET_BYTES:
            raise ValueError(f"the signing secret must be at least {MIN_SECRET_BYTES} bytes")
        self._secret = secret
        self.ttl_s = ttl_s
        self._clock = clock

    @classmethod
    def from_secret(cls, secret: str | None, *, ttl_s: float) -> InvoiceLinks:
        """Links under the configured secret; without one, under a secret drawn for this process."""
        if secret is None:
            log.warning(
                "server.signing_secret is not set: invoice download links are signed with a key drawn "
                "for this process, so they stop working when it restarts and fail on other replicas"
            )
            return cls(secrets.token_bytes(MIN_SECRET_BYTES), ttl_s=ttl_s)
        return cls(secret.encode(), ttl_s=ttl_s)

    def path(self, *, invoice_id: int, order_name: str, number: str) -> str:
        """The gateway path that serves the invoice's PDF until `ttl_s` from now."""
        expires = int(self._clock() + self.ttl_s)
        payload = orjson.dumps([invoice_id, order_name, number, expires])
        return f"{PATH_PREFIX}{_b64(payload)}.{_b64(self._sign(payload))}{PATH_SUFFIX}"

    def verify(self, token: str) -> InvoiceGrant:
        """What `token` (the path between prefix and suffix) grants; `InvalidLink` if nothing."""
        encoded, dot, signature = token.partition(".")
        if not dot or not encoded or not signature:
            raise InvalidLink("the link is malformed")
        payload = _unb64(encoded)
        # Checked before the payload is parsed: nothing the gateway did not sign is ever read.
        if not hmac.compare_digest(_unb64(signature), self._sign(payload)):
            raise InvalidLink("the link's signature does not match")
        invoice_id, order_name, number, expires = orjson.loads(payload)
        if self._clock() >= expires:
            raise InvalidLink("the link has expired")
        return InvoiceGrant(invoice_id, order_name, number, expires)

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self._secret, PURPOSE + payload, hashlib.sha256).digest()


__all__ = ["MIN_SECRET_BYTES", "PATH_PREFIX", "PATH_SUFFIX", "InvalidLink", "InvoiceGrant", "InvoiceLinks"]
