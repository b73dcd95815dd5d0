"""How Akeneo's Event Platform signs a delivery: hex HMAC-SHA256 of the raw body per secret.

The primary secret's signature is always sent, the secondary's while a rotation is under way. The
emulator signs with this module; the gateway verifies with its own code, and both meet the
known-answer vectors in tests/sandbox/test_signing.py.
"""

from __future__ import annotations

import hmac

PRIMARY_HEADER = "X-AKENEO-SIGNATURE-PRIMARY"
SECONDARY_HEADER = "X-AKENEO-SIGNATURE-SECONDARY"
ALGORITHM_HEADER = "X-AKENEO-SIGNATURE-ALGORITHM"
ALGORITHM = "HmacSHA256"
USER_AGENT = "akeneo/event-platform"


def signature(secret: str, body: bytes) -> str:
    """The signature of `body` under one subscription secret."""
    return hmac.digest(secret.encode(), body, "sha256").hex()


def signature_headers(body: bytes, primary: str, secondary: str | None = None) -> dict[str, str]:
    """The headers the Event Platform sends with `body`."""
    headers = {
        "User-Agent": USER_AGENT,
        ALGORITHM_HEADER: ALGORITHM,
        PRIMARY_HEADER: signature(primary, body),
    }
    if secondary:
        headers[SECONDARY_HEADER] = signature(secondary, body)
    return headers


__all__ = [
    "ALGORITHM",
    "ALGORITHM_HEADER",
    "PRIMARY_HEADER",
    "SECONDARY_HEADER",
    "USER_AGENT",
    "signature",
    "signature_headers",
]
