"""The one OAuth client the sandbox registers for the Customer Account API.

Shopify gives every headless or Hydrogen storefront a client id (`shp_` and a UUID). The same id
serves a public client (a browser or app: no secret, PKCE required) and a confidential one (a
server that proves itself with the secret over HTTP Basic). Redirect URIs are not registered: any
`http` or `https` address is accepted, since a gateway or demo in front of the sandbox listens on a
port chosen at run time; the token exchange must still repeat the exact same URI.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

CLIENT_ID = "shp_6f1d2c3b-5a4e-4d7f-9b8a-0c1e2d3f4a5b"
CLIENT_SECRET = "sandbox-customer-account-secret"  # noqa: S105 (published sandbox credentials)


@dataclass(frozen=True, slots=True)
class ClientProof:
    """Who the token request says it is, and whether it proved it with the secret."""

    client_id: str | None
    confidential: bool
    bad_secret: bool = False


def client_proof(authorization: str | None, form_client_id: str | None) -> ClientProof:
    """Read HTTP Basic client credentials (RFC 6749 §2.3.1), falling back to the form's `client_id`."""
    if authorization and authorization[:6].lower() == "basic ":
        try:
            decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return ClientProof(None, confidential=True, bad_secret=True)
        client_id, _, secret = decoded.partition(":")
        client_id, secret = unquote(client_id), unquote(secret)
        return ClientProof(client_id, confidential=True, bad_secret=secret != CLIENT_SECRET)
    return ClientProof(form_client_id, confidential=False)


def acceptable_redirect(uri: str) -> bool:
    parts = urlsplit(uri)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not parts.fragment


__all__ = ["CLIENT_ID", "CLIENT_SECRET", "ClientProof", "acceptable_redirect", "client_proof"]
