"""What every Intercom handler reaches through `request.app[INTERCOM]`."""

from __future__ import annotations

import random
from dataclasses import dataclass

from aiohttp import web

from sandbox.control import SandboxControl

from .store import AdminRecord, ChatStore


@dataclass(slots=True)
class IntercomSandbox:
    """The state of one Intercom emulator (one workspace)."""

    store: ChatStore
    control: SandboxControl
    token: str
    client_secret: str
    workspace_id: str
    """The app's `id_code`, also every contact's `workspace_id` and every notification's `app_id`."""
    workspace_name: str
    workspace_created_at: int
    rng: random.Random

    @property
    def me(self) -> AdminRecord:
        """The admin the access token belongs to: the workspace's first admin."""
        return next(iter(self.store.admins.values()))

    def new_contact_id(self) -> str:
        return f"{self.rng.getrandbits(96):024x}"


INTERCOM: web.AppKey[IntercomSandbox] = web.AppKey("intercom", IntercomSandbox)

__all__ = ["INTERCOM", "IntercomSandbox"]
