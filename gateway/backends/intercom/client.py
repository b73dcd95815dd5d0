"""The Intercom connector. The gateway reads no conversations yet; what it asks Intercom today is
whether the workspace answers with the gateway's token, which readiness reports (`/readyz?verbose`)."""

from __future__ import annotations

from gateway.backends.http.client import BackendClient

SERVICE = "intercom"
API_VERSION = "2.14"
"""Sent as `Intercom-Version` on every call, so a change of the workspace's default changes nothing."""
ME_PATH = "/me"


class IntercomChat:
    """The chat system behind the gateway (conversations and messages)."""

    service = SERVICE

    def __init__(self, client: BackendClient, *, token: str) -> None:
        self.client = client
        self._headers = {"Authorization": f"Bearer {token}", "Intercom-Version": API_VERSION}

    async def check(self) -> bool:
        """Readiness: `GET /me` (the token's admin, Intercom's cheapest read) answers, on the probe path."""
        response = await self.client.request("GET", ME_PATH, headers=self._headers, probe=True)
        if response.json_object().get("type") != "admin":
            raise response.bad_shape("`/me` did not answer an admin")
        return True


__all__ = ["API_VERSION", "ME_PATH", "SERVICE", "IntercomChat"]
