"""HubSpot webhook request signatures, verified: v3 (current), v2 and v1 (legacy).

HubSpot signs every delivery with the app's client secret. v3 covers the HTTP method, the URI
HubSpot called, the raw body and the delivery timestamp:

    X-HubSpot-Signature-v3      = base64(HMAC-SHA256(client_secret, method + uri + body + timestamp))
    X-HubSpot-Request-Timestamp = milliseconds since the epoch

A receiver must reject timestamps older than five minutes (replays) and compare in constant time.
The timestamp is read as ASCII digits of a millisecond time (`parse_timestamp_ms`), nothing else.
Legacy deliveries carry `X-HubSpot-Signature` with `X-HubSpot-Signature-Version: v1`
(hex SHA-256 of `client_secret + body`) or `v2` (hex SHA-256 of `client_secret + method + uri + body`).

The gateway's receiver verifies with `verify_v3`; the sandbox signs with code of its own
(`sandbox/hubspot/signing.py`), and both meet HubSpot's known-answer vectors in the tests.
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

MAX_AGE_MS = 5 * 60 * 1000
"""HubSpot's documented replay window: reject v3 requests whose timestamp is older than five minutes."""

# ASCII digits only, and no more than a millisecond time needs: `str.isdigit()` also accepts '²'
# (which `int()` refuses), and `int()` refuses strings of thousands of digits.
_TIMESTAMP_MS = re.compile(r"[0-9]{1,15}", re.ASCII)

# HubSpot's request-validation guide lists exactly these escapes to decode in the URI before
# hashing; decoding anything else (a space, a percent sign) would diverge from HubSpot's signer.
_DECODED_ESCAPES = {
    "%3A": ":",
    "%2F": "/",
    "%3F": "?",
    "%40": "@",
    "%21": "!",
    "%24": "$",
    "%27": "'",
    "%28": "(",
    "%29": ")",
    "%2A": "*",
    "%2C": ",",
    "%3B": ";",
}


def canonical_uri(uri: str) -> str:
    """The URI as HubSpot hashes it: the listed URL-encoded characters decoded, case-insensitively."""
    if "%" not in uri:
        return uri
    out: list[str] = []
    i = 0
    while i < len(uri):
        escape = uri[i : i + 3].upper()
        if uri[i] == "%" and escape in _DECODED_ESCAPES:
            out.append(_DECODED_ESCAPES[escape])
            i += 3
        else:
            out.append(uri[i])
            i += 1
    return "".join(out)


def parse_timestamp_ms(value: str) -> int | None:
    """The milliseconds of an `X-HubSpot-Request-Timestamp` value, or None when it is not one."""
    return int(value) if _TIMESTAMP_MS.fullmatch(value) else None


def sign_v3(client_secret: str, method: str, uri: str, body: bytes, timestamp_ms: str) -> str:
    """The `X-HubSpot-Signature-v3` value for one request."""
    message = method.upper().encode() + canonical_uri(uri).encode() + body + timestamp_ms.encode()
    digest = hmac.new(client_secret.encode(), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def sign_v2(client_secret: str, method: str, uri: str, body: bytes) -> str:
    """The legacy v2 `X-HubSpot-Signature`: hex SHA-256 of secret, method, URI and body."""
    return hashlib.sha256(client_secret.encode() + method.upper().encode() + uri.encode() + body).hexdigest()


def sign_v1(client_secret: str, body: bytes) -> str:
    """The legacy v1 `X-HubSpot-Signature`: hex SHA-256 of secret and body (what webhooks still send)."""
    return hashlib.sha256(client_secret.encode() + body).hexdigest()


def verify_v3(
    client_secret: str,
    method: str,
    uri: str,
    body: bytes,
    signature: str | None,
    timestamp: str | None,
    *,
    now_ms: int | None = None,
    max_age_ms: int = MAX_AGE_MS,
) -> bool:
    """True when `signature` is HubSpot's v3 signature of this request and `timestamp` is fresh."""
    if not signature or timestamp is None:
        return False
    sent_ms = parse_timestamp_ms(timestamp)
    if sent_ms is None:
        return False
    now = int(time.time() * 1000) if now_ms is None else now_ms
    # Future timestamps beyond the window are as suspicious as stale ones (clock games).
    if abs(now - sent_ms) > max_age_ms:
        return False
    expected = sign_v3(client_secret, method, uri, body, timestamp)
    return hmac.compare_digest(expected.encode(), signature.encode())


def verify_v2(client_secret: str, method: str, uri: str, body: bytes, signature: str | None) -> bool:
    """True when `signature` is the legacy v2 signature of this request."""
    if not signature:
        return False
    return hmac.compare_digest(sign_v2(client_secret, method, uri, body).encode(), signature.encode())


def verify_v1(client_secret: str, body: bytes, signature: str | None) -> bool:
    """True when `signature` is the legacy v1 signature of this body."""
    if not signature:
        return False
    return hmac.compare_digest(sign_v1(client_secret, body).encode(), signature.encode())


__all__ = [
    "MAX_AGE_MS",
    "SIGNATURE_HEADER",
    "SIGNATURE_V3_HEADER",
    "SIGNATURE_VERSION_HEADER",
    "TIMESTAMP_HEADER",
    "canonical_uri",
    "parse_timestamp_ms",
    "sign_v1",
    "sign_v2",
    "sign_v3",
    "verify_v1",
    "verify_v2",
    "verify_v3",
]
