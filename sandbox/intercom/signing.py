"""How Intercom signs a webhook notification: `X-Hub-Signature: sha1=` and the hex HMAC-SHA1 of the body.

The emulator signs with this module; the gateway verifies with its own code, and both meet the
known-answer vectors in tests/sandbox/test_signing.py.
"""

from __future__ import annotations

import hmac

SIGNATURE_HEADER = "X-Hub-Signature"
USER_AGENT = "intercom-parrot-service-client/1.0"


def hub_signature(client_secret: str, body: bytes) -> str:
    """The `X-Hub-Signature` value Intercom sends with `body`."""
    return "sha1=" + hmac.digest(client_secret.encode(), body, "sha1").hex()


def signature_headers(client_secret: str, body: bytes) -> dict[str, str]:
    """The headers Intercom adds to a notification."""
    return {"User-Agent": USER_AGENT, SIGNATURE_HEADER: hub_signature(client_secret, body)}


__all__ = ["SIGNATURE_HEADER", "USER_AGENT", "hub_signature", "signature_headers"]
