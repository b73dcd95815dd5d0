"""The gate every GraphQL request passes: which client sent it, from where, and how often.

The key travels where a Shopify client already puts one: `X-Shopify-Storefront-Access-Token` (a
public key), `Shopify-Storefront-Private-Token` (a private one), or `Authorization: Bearer`. A
request is refused before it is read when its key is unknown (401), when no key is sent and the
gateway admits no anonymous callers (401), when a browser sends it from an origin the client does
not list (403), or past the client's rate limit (429 `THROTTLED`, with `Retry-After`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import orjson
from starlette.requests import Request
from starlette.responses import Response

from gateway.config import ClientsSection, RateLimitSection
from gateway.graphql.errors import request_error
from gateway.models.client import OPEN, Client

from .keys import key_hash
from .rate_limits import RateLimiter

PUBLIC_KEY_HEADER = "x-shopify-storefront-access-token"
PRIVATE_KEY_HEADER = "shopify-storefront-private-token"


@dataclass(frozen=True, slots=True)
class _Known:
    client: Client
    rate_limit: RateLimitSection | None


def _refusal(status: int, message: str, code: str, headers: dict[str, str] | None = None) -> Response:
    body = orjson.dumps({"errors": [request_error(message, code)]})
    return Response(body, status_code=status, media_type="application/json", headers=headers)


class ClientGate:
    """Identifies and admits the callers of one GraphQL endpoint."""

    def __init__(
        self,
        clients: ClientsSection,
        limiter: RateLimiter,
        *,
        cors_origins: tuple[str, ...] = (),
        bearer_keys: bool = True,
    ) -> None:
        """`bearer_keys`: whether `Authorization: Bearer` carries a client key (not where the
        `Authorization` header is the customer's own token, as on the Customer Account API)."""
        self._limiter = limiter
        self._bearer_keys = bearer_keys
        self._cors_origins = frozenset(cors_origins)
        self._open = not clients.clients
        self._by_hash = {
            c.key_sha256: _Known(
                Client(c.name, c.kind, frozenset(c.scopes), frozenset(c.origins)), c.rate_limit
            )
            for c in clients.clients
        }
        self._anonymous = (
            _Known(OPEN, clients.anonymous_rate_limit)
            if self._open
            else _Known(
                Client("anonymous", "anonymous", frozenset(clients.anonymous_scopes)),
                clients.anonymous_rate_limit,
            )
        )

    def origins(self) -> tuple[frozenset[str], bool]:
        """The origins a browser may call from, and whether any origin may: a public key that lists
        none (a storefront's), or callers without a key, once clients are configured."""
        listed = set(self._cors_origins)
        anywhere = False
        for known in (*self._by_hash.values(), self._anonymous):
            listed |= known.client.origins
            public = not known.client.private and bool(known.client.scopes)
            anywhere = anywhere or (not self._open and public and not known.client.origins)
        return frozenset(listed), anywhere

    def _key(self, request: Request) -> str | None:
        headers = request.headers
        key = headers.get(PUBLIC_KEY_HEADER) or headers.get(PRIVATE_KEY_HEADER)
        if key is None and self._bearer_keys:
            scheme, _, credentials = headers.get("authorization", "").partition(" ")
            if scheme.lower() == "bearer" and credentials:
                key = credentials
        return key.strip() if key is not None else None

    async def admit(self, request: Request) -> Client | Response:
        """The client of the request, or the response refusing it."""
        key = self._key(request)
        if key is None:
            known = self._anonymous
            if not known.client.scopes:
                return _refusal(
                    401,
                    "This gateway answers its clients only: send your key in "
                    "X-Shopify-Storefront-Access-Token (public) or Shopify-Storefront-Private-Token (private).",
                    "UNAUTHORIZED",
                )
            limit_key = f"ip:{request.client.host if request.client else '?'}"
        else:
            found = self._by_hash.get(key_hash(key))
            if found is None:
                return _refusal(
                    401, "The key sent is not the key of any client of this gateway.", "UNAUTHORIZED"
                )
            known, limit_key = found, f"client:{found.client.name}"
        refused = self._origin_refusal(request, known.client)
        if refused is not None:
            return refused
        if known.rate_limit is not None:
            wait = await self._limiter.hit(limit_key, known.rate_limit)
            if wait is not None:
                seconds = max(1, math.ceil(wait))
                return _refusal(
                    429,
                    f"Too many requests: {known.rate_limit.requests} per {known.rate_limit.window_s:g} s"
                    f" for {known.client.name}; try again in {seconds} s.",
                    "THROTTLED",
                    {"Retry-After": str(seconds)},
                )
        return known.client

    def _origin_refusal(self, request: Request, client: Client) -> Response | None:
        origin = request.headers.get("origin")
        if origin is None or self._open or origin in client.origins or origin in self._cors_origins:
            return None
        if client.origins or client.private:
            # A widget's key copied to another site, or a private key in a browser: neither is theirs to use.
            return _refusal(403, f"The origin {origin} may not use the key of {client.name}.", "FORBIDDEN")
        return None

    async def close(self) -> None:
        await self._limiter.close()


__all__ = ["PRIVATE_KEY_HEADER", "PUBLIC_KEY_HEADER", "ClientGate"]
