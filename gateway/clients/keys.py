"""Client keys: random, shown once, stored only as their SHA-256.

A key is 32 random bytes, so a plain SHA-256 is as strong as any password hash for it (there is no
dictionary to try); it also lets a request be matched by one dictionary lookup. The prefix says
what kind of key it is, so a leaked one is recognisable (`gwpub_` ships to browsers, `gwprv_`
must not).
"""

from __future__ import annotations

import hashlib
import secrets

PUBLIC_PREFIX = "gwpub_"
PRIVATE_PREFIX = "gwprv_"


def new_key(*, private: bool) -> str:
    return (PRIVATE_PREFIX if private else PUBLIC_PREFIX) + secrets.token_urlsafe(32)


def key_hash(key: str) -> str:
    """The SHA-256 of a key, in hex, as `clients[].key_sha256` holds it."""
    return hashlib.sha256(key.encode()).hexdigest()


__all__ = ["PRIVATE_PREFIX", "PUBLIC_PREFIX", "key_hash", "new_key"]
