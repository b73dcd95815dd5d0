"""The HubSpot connector: customer profiles by email, in one batch read per 50 customers.

`POST /crm/v3/objects/contacts/batch/read` with `idProperty: "email"` answers a whole batch; the
consent properties are asked with their history, which is where HubSpot keeps when and by what a
consent was last recorded (HubSpot halves the batch to 50 when history is asked). An email HubSpot
does not know is a miss in a 207 answer, not a failure: that customer simply has no profile. The
segments are the CRM lists the contacts are in, read after them for the whole batch (`segments`).
Readiness asks for a one-contact page (`check`). HubSpot's rate-limit headers are honoured
(`rate_window`).
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Mapping, Sequence
from datetime import datetime

from gateway.backends.http.answer_shapes import read_answer
from gateway.backends.http.client import BackendClient
from gateway.backends.key_maps import KeyMap, MemoryKeyMap
from gateway.models.profile import CustomerProfile, MarketingConsent

from .answers import BATCH_READ, ContactRecord, HistoryEntry
from .rate_window import RateWindow
from .segments import SegmentLists

SERVICE = "hubspot"
CONTACTS_PATH = "/crm/v3/objects/contacts"
BATCH_READ_PATH = f"{CONTACTS_PATH}/batch/read"
BATCH_SIZE = 50
"""HubSpot's cap for a batch read that asks for property history."""

PROFILE_PROPERTIES = (
    "email",
    "lifecyclestage",
    "loyalty_tier",
    "loyalty_points",
    "hs_language",
    "preferred_store",
    "lastmodifieddate",
)
CONSENT_PROPERTIES = {"email": "hs_email_optout", "sms": "sms_consent", "analytics": "analytics_consent"}
"""Channel to the contact property that records it; email's is an opt-out, the others opt-ins."""


class HubSpotCrm:
    """The CRM behind the gateway (implements `roles.ProfileSource`)."""

    service = SERVICE

    def __init__(self, client: BackendClient, *, token: str, emails_by_contact: KeyMap | None = None) -> None:
        self.client = client
        self._headers = {"Authorization": f"Bearer {token}"}
        self.window = RateWindow(SERVICE)
        self.segments = SegmentLists(client, self._headers, self.window)
        self._emails = emails_by_contact or MemoryKeyMap()
        """The e-mail each contact id was read by: what a contact webhook (which names ids) is about."""

    async def emails_of(self, contact_id: str) -> set[str]:
        """The e-mails profiles of this contact are cached under; raises `KeyMapUnavailable`."""
        return await self._emails.skus(contact_id)

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

    async def profiles_by_emails(
        self, emails: Sequence[str], *, segments: bool = True
    ) -> Mapping[str, CustomerProfile]:
        """The profile of each email HubSpot knows, keyed by the email as asked; `segments` reads
        the lists they are in too (else their segments are empty)."""
        wanted = list(dict.fromkeys(emails))
        chunks = [wanted[i : i + BATCH_SIZE] for i in range(0, len(wanted), BATCH_SIZE)]
        found: dict[str, CustomerProfile] = {}
        for records in await asyncio.gather(*(self._batch(chunk) for chunk in chunks)):
            found.update(records)
        if found and segments:
            # The customers' segments are the lists they are in: a second read, for the whole batch.
            lists = await self.segments.of_contacts([p.crm_id for p in found.values()])
            found = {e: dataclasses.replace(p, segments=lists.get(p.crm_id, ())) for e, p in found.items()}
        await self._emails.record({profile.crm_id: [email] for email, profile in found.items()})
        return found

    async def _batch(self, emails: list[str]) -> dict[str, CustomerProfile]:
        body = {
            "idProperty": "email",
            "inputs": [{"id": email} for email in emails],
            "properties": list(PROFILE_PROPERTIES),
            "propertiesWithHistory": list(CONSENT_PROPERTIES.values()),
        }
        self.window.admit("contacts batch read")
        response = await self.client.request(
            "POST", BATCH_READ_PATH, json=body, headers=self._headers, idempotent=True
        )
        self.window.note(response.headers)
        answer = read_answer(response, BATCH_READ, "contacts batch read")
        by_email = {email.casefold(): email for email in emails}
        profiles: dict[str, CustomerProfile] = {}
        for record in answer.results:
            email = by_email.get((record.properties.get("email") or "").casefold())
            if email is not None:
                profiles[email] = _profile(record, email)
        return profiles


def _profile(record: ContactRecord, email: str) -> CustomerProfile:
    properties = record.properties
    points = properties.get("loyalty_points")
    return CustomerProfile(
        crm_id=record.id,
        email=email,
        lifecycle_stage=properties.get("lifecyclestage") or None,
        segments=(),  # from the lists the contact is in (`segments`), read for the whole batch
        loyalty_tier=properties.get("loyalty_tier") or None,
        loyalty_points=int(float(points)) if points and _is_number(points) else None,
        consents=tuple(
            consent
            for channel, name in CONSENT_PROPERTIES.items()
            if (consent := _consent(channel, name, record)) is not None
        ),
        language=properties.get("hs_language") or None,
        preferred_store=properties.get("preferred_store") or None,
        updated_at=_instant(properties.get("lastmodifieddate") or record.updatedAt),
    )


def _consent(channel: str, name: str, record: ContactRecord) -> MarketingConsent | None:
    history = record.propertiesWithHistory.get(name) or []
    latest: HistoryEntry | None = history[0] if history else None
    value = latest.value if latest is not None else record.properties.get(name)
    if value not in ("true", "false"):
        return None  # never recorded: the CRM has no answer from the customer for this channel
    said_yes = value == "true"
    return MarketingConsent(
        channel=channel,
        # HubSpot records email the other way round: `hs_email_optout` true means no.
        granted=not said_yes if name == "hs_email_optout" else said_yes,
        source=latest.sourceType if latest is not None else None,
        recorded_at=_instant(latest.timestamp) if latest is not None else None,
    )


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _instant(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


__all__ = ["BATCH_READ_PATH", "CONTACTS_PATH", "SERVICE", "HubSpotCrm"]
