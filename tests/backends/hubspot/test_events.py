"""HubSpot's contact events, read as the profiles they make stale."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from gateway.backends.http.client import BackendClient
from gateway.backends.http.settings import BackendSettings
from gateway.backends.hubspot.client import HubSpotCrm
from gateway.backends.hubspot.events import HubSpotEvents
from gateway.models.webhooks import Incoming, ProfileChanged
from sandbox.hubspot.signing import signature_headers
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate

WORLD = generate(10)
SECRET = "client-secret"
URL = "https://gateway.example/webhooks/hubspot"


@pytest.fixture(scope="module")
async def emulator() -> AsyncIterator[Sandbox]:
    async with Sandbox(WORLD, SandboxSettings(port_base=0, vendors=("hubspot",))) as sandbox:
        yield sandbox


@pytest.fixture
async def crm(emulator: Sandbox) -> AsyncIterator[HubSpotCrm]:
    async with BackendClient(BackendSettings(name="hubspot", url=emulator.urls["hubspot"])) as client:
        yield HubSpotCrm(client, token=emulator.backends_config()["hubspot"]["token"])


def _signed(events: list[dict[str, object]]) -> Incoming:
    body = json.dumps(events).encode()
    headers = dict(signature_headers(SECRET, "POST", URL, body))
    return Incoming("POST", URL, headers, {}, body)


async def test_a_contact_event_drops_the_profiles_read_for_that_contact(crm: HubSpotCrm) -> None:
    known, other = WORLD.customers[0], WORLD.customers[1]
    await crm.profiles_by_emails([known.email])  # read, so the contact's e-mail is known
    events = [
        {"eventId": 1, "subscriptionType": "contact.propertyChange", "objectId": int(known.crm.hubspot_id)},
        {"eventId": 2, "subscriptionType": "contact.propertyChange", "objectId": int(other.crm.hubspot_id)},
        {"eventId": 3, "subscriptionType": "company.propertyChange", "objectId": int(known.crm.hubspot_id)},
    ]

    delivery = await HubSpotEvents(SECRET, crm).accept(_signed(events))

    # The other contact was never read: nothing of it is cached, so nothing is dropped.
    assert delivery.changes == (ProfileChanged((known.email,)),)
    assert delivery.event_ids == ("hubspot:1", "hubspot:2", "hubspot:3")


async def test_without_a_crm_events_are_only_acknowledged() -> None:
    delivery = await HubSpotEvents(SECRET).accept(
        _signed([{"eventId": 9, "subscriptionType": "contact.deletion", "objectId": 1}])
    )

    assert delivery.changes == ()
