"""Intercom webhook signatures: `X-Hub-Signature: sha1=<hex HMAC-SHA1(client_secret, raw body)>`.

Intercom signs the raw request body with the app's client secret (Developer Hub → Basic info) and
posts with `User-Agent: intercom-parrot-service-client/1.0`. Receivers verify against the bytes
they received, before parsing, in constant time. The sandbox signs with code of its own
(`sandbox/intercom/signing.py`); both meet the same known-answer vectors in the tests.
"""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "X-Hub-Signature"
_PREFIX = "sha1="


def sign(client_secret: str, body: bytes) -> str:
    """The `X-Hub-Signature` value for `body`: `sha1=` and 40 lower-case hex digits."""
    return _PREFIX + hmac.new(client_secret.encode(), body, hashlib.sha1).hexdigest()


def verify(client_secret: str, body: bytes, signature: str | None) -> bool:
    """True when `signature` (the header value) is Intercom's signature of `body`."""
    if not signature or not signature.startswith(_PREFIX):
        return False
    return hmac.compare_digest(sign(client_secret, body).encode(), signature.strip().lower().encode())


__all__ = ["SIGNATURE_HEADER", "sign", "verify"]
