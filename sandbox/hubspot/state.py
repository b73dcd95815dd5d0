"""What every HubSpot handler reaches through `request.app[HUBSPOT]`: the store and its settings."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from aiohttp import web

from sandbox.control import SandboxControl

from .store import ContactStore


@dataclass(slots=True)
class HubSpotSandbox:
    """The state of one HubSpot emulator."""

    store: ContactStore
    control: SandboxControl
    token: str
    client_secret: str
    app_id: str
    portal_id: int
    rng: random.Random
    event_seq: int = field(default=3_816_279_340)
    """Webhook `eventId`s are large, increasing integers."""

    def next_event_id(self) -> int:
        self.event_seq += 1
        return self.event_seq


HUBSPOT: web.AppKey[HubSpotSandbox] = web.AppKey("hubspot", HubSpotSandbox)

__all__ = ["HUBSPOT", "HubSpotSandbox"]
