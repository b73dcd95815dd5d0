"""Intercom webhooks: `X-Hub-Signature: sha1=<hex HMAC-SHA1>` over the raw body; one event per POST.

A notification's `id` is its id for deduplication. Its `created_at`, inside the signed body, dates
it: one created longer ago than the replay window is refused, so a captured notification cannot
be posted again once its id is forgotten. Intercom delays notifications it throttles by up to two
hours, which the window must outlast.

A conversation notification (`conversation.admin.replied`, `conversation.user.created`,
`conversation.admin.closed`...) carries the conversation with its contacts; the chat connector
remembers the e-mail each contact was found by, and the notification drops those customers' cached
conversation lists, so an agent's answer shows on the next request.
"""

from __future__ import annotations

from gateway.backends.replay_window import ReplayWindow, unix_seconds
from gateway.backends.webhook_json import read_json
from gateway.models.webhooks import Change, ConversationsChanged, Delivery, Incoming, Rejected

from .client import IntercomChat
from .webhooks import SIGNATURE_HEADER, verify


class IntercomEvents:
    vendor = "intercom"

    def __init__(self, client_secret: str, *, max_age_s: float, chat: IntercomChat | None = None) -> None:
        self._secret = client_secret
        self._window = ReplayWindow(max_age_s)
        self._chat = chat

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
        return Delivery((f"intercom:{event['id']}",), await self._changes(event))

    async def _changes(self, event: dict[str, object]) -> tuple[Change, ...]:
        if self._chat is None or not str(event.get("topic", "")).startswith("conversation."):
            return ()
        data = event.get("data")
        item = data.get("item") if isinstance(data, dict) else None
        listed = item.get("contacts") if isinstance(item, dict) else None
        contacts = listed.get("contacts") if isinstance(listed, dict) else None
        emails: set[str] = set()
        for contact in contacts if isinstance(contacts, list) else ():
            if isinstance(contact, dict) and isinstance(contact.get("id"), str):
                emails |= await self._chat.emails_of(contact["id"])
        return (ConversationsChanged(tuple(sorted(emails))),) if emails else ()


__all__ = ["IntercomEvents"]
