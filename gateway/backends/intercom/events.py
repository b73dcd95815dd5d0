"""Intercom webhooks: `X-Hub-Signature: sha1=<hex HMAC-SHA1>` over the raw body; one event per POST.

A notification's `id` is its id for deduplication. Its `created_at`, inside the signed body, dates
it: one created longer ago than the replay window is refused, so a captured notification cannot
be posted again once its id is forgotten. Intercom delays notifications it throttles by up to two
hours, which the window must outlast.
"""

from __future__ import annotations

from gateway.backends.replay_window import ReplayWindow, unix_seconds
from gateway.backends.webhook_json import read_json
from gateway.models.webhooks import Delivery, Incoming, Rejected

from .webhooks import SIGNATURE_HEADER, verify


class IntercomEvents:
    vendor = "intercom"

    def __init__(self, client_secret: str, *, max_age_s: float) -> None:
        self._secret = client_secret
        self._window = ReplayWindow(max_age_s)

    async def accept(self, incoming: Incoming) -> Delivery:
        if not verify(self._secret, incoming.body, incoming.headers.get(SIGNATURE_HEADER)):
            raise Rejected("X-Hub-Signature does not match the body")
        event = read_json(incoming.body)
        if not isinstance(event, dict) or not isinstance(event.get("id"), str) or not event["id"]:
            raise Rejected("not an Intercom notification (no id)", 400)
        if "created_at" in event:
            created_at = unix_seconds(event["created_at"])
            if created_at is None:
                raise Rejected("the notification's created_at is not a Unix time", 400)
            if not self._window.admits(created_at):
                raise Rejected(
                    f"the notification's created_at is outside the {self._window.max_age_s:g} s replay window"
                )
        return Delivery((f"intercom:{event['id']}",))


__all__ = ["IntercomEvents"]
