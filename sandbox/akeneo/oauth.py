"""Akeneo's OAuth2 token endpoint (password and refresh grants) and the Bearer check on the API.

`POST /api/oauth/v1/token` takes the connection's client id and secret as HTTP Basic credentials and
a JSON or form body. Errors keep the wording and the 422 status of Akeneo's token controller, in its
order of checks: grant type, client, grant permission, then the grant's own parameters. Refresh
tokens rotate (the used one is revoked); an access token stays valid until it expires, as with
Akeneo's OAuth server.
"""

from __future__ import annotations

import base64
import binascii
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web

from .errors import AkeneoError, Handler
from .responses import json_response

TOKEN_PATH = "/api/oauth/v1/token"  # noqa: S105 (a route, not a secret)
API_PREFIX = "/api/rest/v1/"
REFRESH_TTL_S = 1_209_600
"""Refresh tokens live 14 days."""
MAX_TOKEN_REQUEST_BYTES = 300
"""Akeneo refuses token requests whose body is larger than this (413)."""
MAX_KEPT_TOKENS = 10_000
"""Expired tokens are remembered (so they answer "has expired") until the store grows past this."""

TOKEN_CONTENT_TYPES = ("application/json", "application/x-www-form-urlencoded")
KNOWN_GRANT = re.compile(
    r"^(authorization_code|token|password|client_credentials|refresh_token|https?://.+|urn:.+)$"
)
ALLOWED_GRANTS = ("password", "refresh_token")

INVALID_REQUEST = 'Parameter "grant_type", "username" or "password" is missing, empty or invalid'
INVALID_REFRESH_REQUEST = 'Parameter "grant_type" or "refresh_token" is missing or empty'
INVALID_CLIENT = 'Parameter "client_id" is missing or does not match any client, or secret is invalid'
UNAUTHORIZED_CLIENT = "This grant type is not authorized for this client"
INVALID_GRANT = "No user found for the given username and password"
INVALID_REFRESH_GRANT = "Refresh token is invalid or has expired"

AUTHENTICATION_REQUIRED = "Authentication is required"
TOKEN_INVALID = "The access token provided is invalid."  # noqa: S105 (an error message)
TOKEN_EXPIRED = "The access token provided has expired."  # noqa: S105 (an error message)


@dataclass(frozen=True, slots=True)
class Credentials:
    """The Connection's credentials: what a gateway puts in its config."""

    client_id: str
    secret: str
    username: str
    password: str

    @classmethod
    def generate(cls, rng: random.Random) -> Credentials:
        # Shapes follow Akeneo's: "<id>_<random>" client ids, 50-char secrets, "<code>_<4 digits>" users.
        alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

        def token(n: int) -> str:
            return "".join(rng.choice(alphabet) for _ in range(n))

        return cls(
            client_id=f"1_{token(50)}",
            secret=token(50),
            username=f"gateway_{rng.randint(1000, 9999)}",
            password=token(24),
        )


@dataclass(slots=True)
class _Token:
    expires_at: float


class TokenStore:
    """Issues, refreshes and checks tokens for one set of credentials."""

    def __init__(
        self,
        credentials: Credentials,
        ttl_s: int,
        rng: random.Random,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.credentials = credentials
        self.ttl_s = ttl_s
        self._rng = rng
        self._clock = clock
        self._access: dict[str, _Token] = {}
        self._refresh: dict[str, _Token] = {}

    def _new_token(self) -> str:
        # Akeneo's tokens are the base64 of 64 hex digits, without padding.
        raw = f"{self._rng.getrandbits(256):064x}".encode()
        return base64.b64encode(raw).decode().rstrip("=")

    def issue(self) -> dict[str, Any]:
        now = self._clock()
        self._forget_expired(now)
        access, refresh = self._new_token(), self._new_token()
        self._access[access] = _Token(now + self.ttl_s)
        self._refresh[refresh] = _Token(now + REFRESH_TTL_S)
        return {
            "access_token": access,
            "expires_in": self.ttl_s,
            "token_type": "bearer",
            "scope": None,
            "refresh_token": refresh,
        }

    def refresh(self, refresh_token: str) -> dict[str, Any] | None:
        """A new token pair for a valid refresh token, which is revoked; None when invalid or expired."""
        token = self._refresh.pop(refresh_token, None)
        if token is None or token.expires_at <= self._clock():
            return None
        return self.issue()

    def check(self, access_token: str) -> str | None:
        """None when the token is valid, else the message Akeneo answers with."""
        token = self._access.get(access_token)
        if token is None:
            return TOKEN_INVALID
        if token.expires_at <= self._clock():
            return TOKEN_EXPIRED
        return None

    def _forget_expired(self, now: float) -> None:
        if len(self._access) + len(self._refresh) < MAX_KEPT_TOKENS:
            return
        self._access = {k: t for k, t in self._access.items() if t.expires_at > now}
        self._refresh = {k: t for k, t in self._refresh.items() if t.expires_at > now}


def _media_type(request: web.Request) -> str:
    return request.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()


def _token_params(request: web.Request, raw: bytes) -> dict[str, Any]:
    media_type = _media_type(request)
    allowed = '" or "'.join(TOKEN_CONTENT_TYPES)
    if not media_type:
        raise AkeneoError(
            415, f'The "Content-Type" header is missing. "{allowed}" has to be specified as value.'
        )
    if media_type not in TOKEN_CONTENT_TYPES:
        raise AkeneoError(
            415, f'"{media_type}" in "Content-Type" header is not valid. Only "{allowed}" are allowed.'
        )
    if media_type == "application/json":
        try:
            payload = json.loads(raw) if raw.strip() else {}
        except (ValueError, UnicodeDecodeError) as exc:
            raise AkeneoError(400, "Invalid json message received") from exc
        return payload if isinstance(payload, dict) else {}
    try:
        return dict(parse_qsl(raw.decode(), keep_blank_values=True))
    except UnicodeDecodeError:
        return {}


def _client_credentials(request: web.Request, params: dict[str, Any]) -> tuple[str, str]:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "basic":
        try:
            client_id, _, secret = base64.b64decode(value.strip(), validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return "", ""
        return client_id, secret
    # Akeneo's OAuth server also reads the client from the body when there is no Basic header.
    return str(params.get("client_id", "")), str(params.get("client_secret", ""))


class OAuth:
    """The token route and the middleware that guards `/api/rest/v1/*` with Bearer tokens."""

    def __init__(self, store: TokenStore) -> None:
        self.store = store

    async def token(self, request: web.Request) -> web.Response:
        raw = await request.read()
        if len(raw) > MAX_TOKEN_REQUEST_BYTES:
            raise AkeneoError(
                413, f"Request content exceeded the maximum allowed size of {MAX_TOKEN_REQUEST_BYTES} bytes"
            )
        params = _token_params(request, raw)
        grant_type = params.get("grant_type")
        refreshing = grant_type == "refresh_token"
        invalid_request = INVALID_REFRESH_REQUEST if refreshing else INVALID_REQUEST
        if not isinstance(grant_type, str) or not KNOWN_GRANT.match(grant_type):
            raise AkeneoError(422, invalid_request)
        client_id, secret = _client_credentials(request, params)
        expected = self.store.credentials
        if client_id != expected.client_id or secret != expected.secret:
            raise AkeneoError(422, INVALID_CLIENT)
        if grant_type not in ALLOWED_GRANTS:
            raise AkeneoError(422, UNAUTHORIZED_CLIENT)
        if refreshing:
            refresh_token = params.get("refresh_token")
            if not isinstance(refresh_token, str) or not refresh_token:
                raise AkeneoError(422, invalid_request)
            pair = self.store.refresh(refresh_token)
            if pair is None:
                raise AkeneoError(422, INVALID_REFRESH_GRANT)
            return json_response(pair)
        username, password = params.get("username"), params.get("password")
        if not isinstance(username, str) or not username or not isinstance(password, str) or not password:
            raise AkeneoError(422, invalid_request)
        if username != expected.username or password != expected.password:
            raise AkeneoError(422, INVALID_GRANT)
        return json_response(self.store.issue())

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        # Only the endpoint list and the token route are open; routing errors answer before auth,
        # as Symfony's router runs before the firewall.
        guarded = request.path.startswith(API_PREFIX) and request.path != API_PREFIX
        if guarded and request.match_info.http_exception is None:
            scheme, _, token = request.headers.get("Authorization", "").partition(" ")
            token = token.strip()
            if scheme.lower() != "bearer" or not token:
                raise AkeneoError(401, AUTHENTICATION_REQUIRED)
            problem = self.store.check(token)
            if problem is not None:
                raise AkeneoError(401, problem)
        return await handler(request)


__all__ = [
    "API_PREFIX",
    "AUTHENTICATION_REQUIRED",
    "INVALID_CLIENT",
    "INVALID_GRANT",
    "INVALID_REFRESH_GRANT",
    "INVALID_REFRESH_REQUEST",
    "INVALID_REQUEST",
    "REFRESH_TTL_S",
    "TOKEN_EXPIRED",
    "TOKEN_INVALID",
    "TOKEN_PATH",
    "UNAUTHORIZED_CLIENT",
    "Credentials",
    "OAuth",
    "TokenStore",
]
