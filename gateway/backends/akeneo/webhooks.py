"""Akeneo Event Platform signatures, verified on the raw body of each delivery.

Every HTTPS delivery carries `X-AKENEO-SIGNATURE-PRIMARY`, the hex HMAC-SHA256 of the raw body under
the subscription's primary secret, `X-AKENEO-SIGNATURE-SECONDARY` under the secondary secret when one
is set (for rotation), and `X-AKENEO-SIGNATURE-ALGORITHM: HmacSHA256`.

```python
assert verify(body, request.headers, ["s3cret"])
```

The sandbox signs with code of its own (`sandbox/akeneo/signing.py`); both meet the same
known-answer vectors in the tests.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping

PRIMARY_HEADER = "X-AKENEO-SIGNATURE-PRIMARY"
SECONDARY_HEADER = "X-AKENEO-SIGNATURE-SECONDARY"
ALGORITHM_HEADER = "X-AKENEO-SIGNATURE-ALGORITHM"
ALGORITHM = "HmacSHA256"


def sign(secret: str, body: bytes) -> str:
    """Hex HMAC-SHA256 of the raw body."""
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _header(headers: Mapping[str, str], name: str) -> str | None:
    # Header names are case-insensitive; plain dicts (tests, queues) are searched without case.
    value = headers.get(name)
    if value is not None:
        return value
    lowered = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lowered), None)


def verify(body: bytes, headers: Mapping[str, str], secrets: Iterable[str]) -> bool:
    """True when a signature header matches the raw body under one of `secrets` (constant time).

    Either signature may match either secret, so a receiver keeps working while the subscription's
    secrets are rotated.
    """
    algorithm = _header(headers, ALGORITHM_HEADER)
    if algorithm is not None and algorithm != ALGORITHM:
        return False
    signatures = [s for s in (_header(headers, PRIMARY_HEADER), _header(headers, SECONDARY_HEADER)) if s]
    if not signatures:
        return False
    matched = False
    for secret in secrets:
        expected = sign(secret, body).encode()
        for signature in signatures:
            # Bytes, so a non-ASCII header cannot raise; every pair is compared, whatever matched first.
            matched |= hmac.compare_digest(expected, signature.strip().lower().encode("utf-8", "replace"))
    return matched


__all__ = [
    "ALGORITHM",
    "ALGORITHM_HEADER",
    "PRIMARY_HEADER",
    "SECONDARY_HEADER",
    "sign",
    "verify",
]
