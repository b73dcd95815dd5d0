"""Akeneo's OAuth2 password grant: one access token per connector, refreshed before it expires."""

from __future__ import annotations

import asyncio
import base64
import time
from collections.abc import Callable
from dataclasses import dataclass

from gateway.backends.http.answer_shapes import read_answer
from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import BackendError

from .answers import TOKEN_GRANT

TOKEN_PATH = "/api/oauth/v1/token"  # noqa: S105 (a route, not a secret)
REFRESH_MARGIN_S = 60.0
"""Refresh this long before expiry (or at 80 % of a shorter lifetime), so no call carries a dying token."""


@dataclass(frozen=True, slots=True)
class _Token:
    access: str
    refresh: str | None
    expires_at: float
    refresh_at: float


class AkeneoToken:
    """Fetches, caches and refreshes the access token; concurrent callers share one fetch."""

    def __init__(
        self,
        client: BackendClient,
        *,
        client_id: str,
        client_secret: str,
        username: str,
        password: str,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        basic = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode()
        self._headers = {"Authorization": f"Basic {basic}"}
        self._username = username
        self._password = password
        self._clock = clock
        self._token: _Token | None = None
        self._lock = asyncio.Lock()

    async def bearer(self) -> str:
        token = self._token
        if token is None or self._clock() >= token.refresh_at:
            token = await self._renew(stale=token)
        return f"Bearer {token.access}"

    async def invalidate(self, bearer: str) -> None:
        """The API refused `bearer` (401): forget it, so the next call fetches a new one."""
        if self._token is not None and bearer == f"Bearer {self._token.access}":
            self._token = _Token(self._token.access, self._token.refresh, 0.0, 0.0)

    async def _renew(self, stale: _Token | None) -> _Token:
        async with self._lock:
            if (
                self._token is not stale
                and self._token is not None
                and self._clock() < self._token.refresh_at
            ):
                return self._token  # another caller renewed it while this one waited
            token = None
            if stale is not None and stale.refresh:
                token = await self._grant(
                    {"grant_type": "refresh_token", "refresh_token": stale.refresh}, fail_ok=True
                )
            if token is None:
                token = await self._grant(
                    {"grant_type": "password", "username": self._username, "password": self._password},
                    fail_ok=False,
                )
            assert token is not None
            self._token = token
            return token

    async def _grant(self, body: dict[str, str], *, fail_ok: bool) -> _Token | None:
        started = self._clock()
        try:
            response = await self.client.request(
                "POST", TOKEN_PATH, json=body, headers=self._headers, idempotent=False
            )
        except BackendError:
            if fail_ok:  # a refused refresh token falls back to the password grant
                return None
            raise
        grant = read_answer(response, TOKEN_GRANT, "token response")
        margin = min(REFRESH_MARGIN_S, grant.expires_in * 0.2)
        return _Token(
            grant.access_token,
            grant.refresh_token,
            started + grant.expires_in,
            started + grant.expires_in - margin,
        )


__all__ = ["AkeneoToken"]
