"""The HubSpot connector. The gateway reads no CRM data yet; what it asks HubSpot today is whether
the CRM answers with the gateway's token, which readiness reports (`/readyz?verbose`)."""

from __future__ import annotations

from gateway.backends.http.client import BackendClient

SERVICE = "hubspot"
CONTACTS_PATH = "/crm/v3/objects/contacts"


class HubSpotCrm:
    """The CRM behind the gateway (customer profiles, segments, consents)."""

    service = SERVICE

    def __init__(self, client: BackendClient, *, token: str) -> None:
        self.client = client
        self._headers = {"Authorization": f"Bearer {token}"}

    async def check(self) -> bool:
        """Readiness: a one-contact page answers with this token, on the client's probe path.

        HubSpot has no unauthenticated or cheaper read that proves the token works; one contact is
        the smallest page it serves.
        """
        response = await self.client.request(
            "GET", CONTACTS_PATH, params={"limit": "1"}, headers=self._headers, probe=True
        )
        if not isinstance(response.json_object().get("results"), list):
            raise response.bad_shape("no `results` list in the contacts page")
        return True


__all__ = ["CONTACTS_PATH", "SERVICE", "HubSpotCrm"]
