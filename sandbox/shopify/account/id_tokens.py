"""OpenID Connect ID tokens: ES256-signed JWTs and the key set that verifies them.

The signing key is derived from the sandbox seed, so a run's tokens, and the published key set,
are the same every time. Clients (Hydrogen among them) read the `nonce` claim to tie the token to
their sign-in request and keep the token for the logout's `id_token_hint`.
"""

from __future__ import annotations

import base64
import hashlib
import time
from typing import Any

import orjson
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

ALGORITHM = "ES256"


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


class IdTokenSigner:
    """Signs ID tokens for one issuer with a P-256 key drawn from the seed."""

    def __init__(self, seed: int) -> None:
        secret = int.from_bytes(hashlib.sha256(f"customer-account-id-token:{seed}".encode()).digest(), "big")
        order = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
        self._key = ec.derive_private_key(secret % (order - 1) + 1, ec.SECP256R1())
        numbers = self._key.public_key().public_numbers()
        self.key_id = _b64(hashlib.sha256(f"{numbers.x}:{numbers.y}".encode()).digest()[:12])
        self.jwk = {
            "kty": "EC",
            "crv": "P-256",
            "x": _b64(numbers.x.to_bytes(32, "big")),
            "y": _b64(numbers.y.to_bytes(32, "big")),
            "use": "sig",
            "alg": ALGORITHM,
            "kid": self.key_id,
        }

    def sign(self, claims: dict[str, Any]) -> str:
        header = _b64(orjson.dumps({"alg": ALGORITHM, "kid": self.key_id, "typ": "JWT"}))
        payload = _b64(orjson.dumps(claims))
        der = self._key.sign(f"{header}.{payload}".encode(), ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        return f"{header}.{payload}.{_b64(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"

    def id_token(
        self, *, issuer: str, subject: str, audience: str, nonce: str | None, session_id: str, email: str
    ) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": issuer,
            "sub": subject,
            "aud": audience,
            "iat": now,
            "exp": now + 3600,
            "auth_time": now,
            "sid": session_id,
            "email": email,
            "email_verified": True,
        }
        if nonce is not None:
            claims["nonce"] = nonce
        return self.sign(claims)


__all__ = ["ALGORITHM", "IdTokenSigner"]
