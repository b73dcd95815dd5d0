"""What the sign-in flow remembers: authorization codes, sessions and their refresh tokens.

A session is one sign-in of one customer; every access token and refresh token belongs to one.
Access tokens are self-contained (`shcat_` + payload + HMAC) so that checking one needs no lookup
beyond the session's revocation; refresh tokens are opaque and rotate on every use. A refresh token
presented a second time means it leaked: the whole session is revoked, as RFC 9700 §4.14 advises.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import random
import time
from dataclasses import dataclass, field

import orjson

from sandbox.shopify.records import CustomerRecord

CODE_LIFETIME_S = 600
"""An authorization code is good for ten minutes, the upper bound RFC 6749 §4.1.2 recommends."""
REFRESH_LIFETIME_S = 90 * 24 * 3600
"""How long a refresh token may wait before it is used."""
ACCESS_PREFIX = "shcat_"
REFRESH_PREFIX = "shcrt_"


@dataclass(slots=True)
class AuthorizationCode:
    customer: CustomerRecord
    client_id: str
    redirect_uri: str
    code_challenge: str | None
    scope: str
    nonce: str | None
    expires_at: float


@dataclass(slots=True)
class Session:
    id: str
    customer: CustomerRecord
    client_id: str
    scope: str
    revoked: bool = False
    refresh_token: str | None = None
    """The one refresh token still usable; earlier ones are in `Grants.spent`."""
    refresh_expires_at: float = 0.0
    id_tokens: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class IssuedTokens:
    access_token: str
    refresh_token: str
    expires_in: int
    session: Session


class Grants:
    """Codes, sessions and token signing of one emulator."""

    def __init__(self, seed: int, access_ttl_s: int) -> None:
        self._rng = random.Random(f"customer-account:{seed}")
        self._key = hashlib.sha256(f"customer-account-signing:{seed}".encode()).digest()
        self.access_ttl_s = access_ttl_s
        self.codes: dict[str, AuthorizationCode] = {}
        self.sessions: dict[str, Session] = {}
        self.refresh_tokens: dict[str, Session] = {}
        self.spent: dict[str, Session] = {}
        """Refresh tokens already exchanged, kept to notice a replay."""

    def _random(self, bits: int = 192) -> str:
        raw = self._rng.getrandbits(bits).to_bytes(bits // 8, "big")
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def new_code(self, code: AuthorizationCode) -> str:
        value = self._random()
        self.codes[value] = code
        return value

    def take_code(self, value: str) -> AuthorizationCode | None:
        """The code's grant, removed so that it works once; None when unknown or expired."""
        code = self.codes.pop(value, None)
        if code is None or code.expires_at <= time.time():
            return None
        return code

    def open_session(self, code: AuthorizationCode) -> IssuedTokens:
        session = Session(self._random(96), code.customer, code.client_id, code.scope)
        self.sessions[session.id] = session
        return self._issue(session)

    def refresh(self, value: str, client_id: str | None) -> IssuedTokens | None:
        """New tokens for a refresh token, which stops working; None when it is not usable."""
        replayed = self.spent.get(value)
        if replayed is not None:
            self.revoke(replayed)
            return None
        session = self.refresh_tokens.get(value)
        if session is None or session.revoked or session.refresh_expires_at <= time.time():
            return None
        if client_id is not None and client_id != session.client_id:
            return None
        del self.refresh_tokens[value]
        self.spent[value] = session
        return self._issue(session)

    def _issue(self, session: Session) -> IssuedTokens:
        refresh = REFRESH_PREFIX + self._random()
        session.refresh_token = refresh
        session.refresh_expires_at = time.time() + REFRESH_LIFETIME_S
        self.refresh_tokens[refresh] = session
        return IssuedTokens(self._sign_access(session), refresh, self.access_ttl_s, session)

    def _sign_access(self, session: Session) -> str:
        payload = orjson.dumps(
            {"sid": session.id, "sub": session.customer.id, "exp": time.time() + self.access_ttl_s}
        )
        body = base64.urlsafe_b64encode(payload).decode().rstrip("=")
        return f"{ACCESS_PREFIX}{body}.{self._mac(body)}"

    def _mac(self, body: str) -> str:
        digest = hmac.new(self._key, body.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def customer_for(self, token: str) -> CustomerRecord | None:
        """The customer a valid, unexpired access token of a live session belongs to."""
        if not token.startswith(ACCESS_PREFIX):
            return None
        body, _, mac = token[len(ACCESS_PREFIX) :].partition(".")
        if not hmac.compare_digest(mac, self._mac(body)):
            return None
        try:
            claims = orjson.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        except (ValueError, orjson.JSONDecodeError):
            return None
        session = self.sessions.get(claims.get("sid", ""))
        if session is None or session.revoked or claims.get("exp", 0) <= time.time():
            return None
        return session.customer

    def session_of_id_token(self, id_token: str) -> Session | None:
        return next((s for s in self.sessions.values() if id_token in s.id_tokens), None)

    def revoke(self, session: Session) -> None:
        """End a session: its access tokens and refresh token stop working at once."""
        session.revoked = True
        if session.refresh_token is not None:
            self.refresh_tokens.pop(session.refresh_token, None)


__all__ = [
    "ACCESS_PREFIX",
    "CODE_LIFETIME_S",
    "REFRESH_PREFIX",
    "AuthorizationCode",
    "Grants",
    "IssuedTokens",
    "Session",
]
