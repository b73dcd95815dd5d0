"""How HubSpot signs a webhook delivery: v3 with its timestamp, plus the legacy v1 pair.

v3 is base64(HMAC-SHA256(client secret, METHOD + URI + body + timestamp in ms)), where the URI has
the few characters HubSpot's validation guide lists decoded first; v1 is hex SHA-256 of the
secret followed by the body. The emulator signs with this module; the gateway verifies with its
own code, and both meet the known-answer vectors in tests/sandbox/test_signing.py.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import time

SIGNATURE_V3_HEADER = "X-HubSpot-Signature-v3"
TIMESTAMP_HEADER = "X-HubSpot-Request-Timestamp"
SIGNATURE_HEADER = "X-HubSpot-Signature"
SIGNATURE_VERSION_HEADER = "X-HubSpot-Signature-Version"

# The escapes HubSpot decodes in the URI before hashing it (':', '/', '?', '@', '!', '$', "'",
# '(', ')', '*', ',', ';'); every other escape is hashed as sent.
_SIGNED_DECODED = re.compile(r"%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)", re.IGNORECASE)


def v3(client_secret: str, method: str, uri: str, body: bytes, timestamp_ms: str) -> str:
    """The `X-HubSpot-Signature-v3` value for one delivery."""
    decoded = _SIGNED_DECODED.sub(lambda escape: chr(int(escape[1], 16)), uri)
    message = b"".join((method.upper().encode(), decoded.encode(), body, timestamp_ms.encode()))
    return base64.b64encode(hmac.digest(client_secret.encode(), message, "sha256")).decode()


def v1(client_secret: str, body: bytes) -> str:
    """The legacy `X-HubSpot-Signature` (version v1) of a body."""
    digest = hashlib.sha256()
    digest.update(client_secret.encode())
    digest.update(body)
    return digest.hexdigest()


def v2(client_secret: str, method: str, uri: str, body: bytes) -> str:
    """The legacy `X-HubSpot-Signature` (version v2): the method and URI are hashed too."""
    return hashlib.sha256(
        b"".join((client_secret.encode(), method.upper().encode(), uri.encode(), body))
    ).hexdigest()


def signature_headers(
    client_secret: str, method: str, uri: str, body: bytes, *, timestamp_ms: int | None = None
) -> dict[str, str]:
    """Every signature header HubSpot adds to one webhook delivery."""
    timestamp = str(time.time_ns() // 1_000_000 if timestamp_ms is None else timestamp_ms)
    return {
        SIGNATURE_V3_HEADER: v3(client_secret, method, uri, body, timestamp),
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: v1(client_secret, body),
        SIGNATURE_VERSION_HEADER: "v1",
    }


__all__ = [
    "SIGNATURE_HEADER",
    "SIGNATURE_V3_HEADER",
    "SIGNATURE_VERSION_HEADER",
    "TIMESTAMP_HEADER",
    "signature_headers",
    "v1",
    "v2",
    "v3",
]
