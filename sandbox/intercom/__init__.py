"""The Intercom emulator: contacts, conversations, replies and admins as `api.intercom.io` 2.14 serves them.

Bearer auth with `Intercom-Version`, `error.list` bodies, `type` discriminators, cursor pages,
`X-RateLimit-*` headers and 429s, and `X-Hub-Signature`-signed `notification_event` webhooks.
"""

from __future__ import annotations

from .app import create_emulator

__all__ = ["create_emulator"]
