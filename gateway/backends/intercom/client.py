"""The Intercom connector: the conversations of customers, found by e-mail, two searches per batch.

`POST /contacts/search` with `email IN [...]` finds every contact of a batch of customers (a
customer may have a user and leftover leads under one e-mail); `POST /conversations/search` with
`contact_ids IN [...]` then finds all of their conversations at once. Both follow Intercom's
`starting_after` pages. Readiness asks `GET /me`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from pydantic import TypeAdapter

from gateway.backends.http.answer_shapes import read_answer
from gateway.backends.http.client import BackendClient
from gateway.backends.key_maps import KeyMap, MemoryKeyMap
from gateway.models.conversations import Conversation, CustomerConversations

from .answers import CONTACT_LIST, CONVERSATION_LIST, ContactList, ConversationList, ConversationRecord
from .message_text import preview

SERVICE = "intercom"
API_VERSION = "2.14"
"""Sent as `Intercom-Version` on every call, so a change of the workspace's default changes nothing."""
ME_PATH = "/me"
CONTACTS_SEARCH_PATH = "/contacts/search"
CONVERSATIONS_SEARCH_PATH = "/conversations/search"
PER_PAGE = 150
"""Intercom's largest search page."""
MAX_PAGES = 4
"""Pages followed per search: a batch's 600 most recent conversations, more than any account page shows."""

Page = TypeVar("Page", ContactList, ConversationList)


class IntercomChat:
    """The chat system behind the gateway (implements `roles.ConversationSource`)."""

    service = SERVICE

    def __init__(
        self,
        client: BackendClient,
        *,
        token: str,
        per_page: int = PER_PAGE,
        emails_by_contact: KeyMap | None = None,
    ) -> None:
        self.client = client
        self.per_page = per_page
        self._emails = emails_by_contact or MemoryKeyMap()
        """The e-mail each contact was found by: what a conversation webhook (which names contacts) is about."""
        self._headers = {"Authorization": f"Bearer {token}", "Intercom-Version": API_VERSION}

    async def check(self) -> bool:
        """Readiness: `GET /me` (the token's admin, Intercom's cheapest read) answers, on the probe path."""
        response = await self.client.request("GET", ME_PATH, headers=self._headers, probe=True)
        if response.json_object().get("type") != "admin":
            raise response.bad_shape("`/me` did not answer an admin")
        return True

    async def conversations_by_emails(self, emails: Sequence[str]) -> Mapping[str, CustomerConversations]:
        """Each e-mail's conversations, most recently updated first; an e-mail without a contact is absent."""
        wanted = {email.casefold(): email for email in dict.fromkeys(emails)}
        if not wanted:
            return {}
        email_of: dict[str, str] = {}
        for contacts in await self._search(
            CONTACTS_SEARCH_PATH, "email", list(wanted.values()), CONTACT_LIST
        ):
            for contact in contacts.data:
                asked = wanted.get((contact.email or "").casefold())
                if asked is not None:
                    email_of[contact.id] = asked
        await self._emails.record({contact: [email] for contact, email in email_of.items()})
        found: dict[str, list[Conversation]] = {email_of[c]: [] for c in email_of}
        if email_of:
            for page in await self._search(
                CONVERSATIONS_SEARCH_PATH, "contact_ids", list(email_of), CONVERSATION_LIST
            ):
                for record in page.conversations:
                    owners = {email_of[c.id] for c in record.contacts.contacts if c.id in email_of}
                    for email in owners:
                        found[email].append(_conversation(record))
        return {
            email: CustomerConversations(email, tuple(sorted(listed, key=lambda c: c.list_order)))
            for email, listed in found.items()
        }

    async def emails_of(self, contact_id: str) -> set[str]:
        """The e-mails conversations of this contact are cached under; raises `KeyMapUnavailable`."""
        return await self._emails.skus(contact_id)

    async def _search(self, path: str, field: str, values: list[str], shape: TypeAdapter[Page]) -> list[Page]:
        """Every page of one `IN` search, up to `MAX_PAGES`."""
        pages: list[Page] = []
        after: str | None = None
        while len(pages) < MAX_PAGES:
            pagination: dict[str, Any] = {"per_page": self.per_page}
            if after is not None:
                pagination["starting_after"] = after
            body = {"query": {"field": field, "operator": "IN", "value": values}, "pagination": pagination}
            # A search changes nothing: safe to retry.
            response = await self.client.request(
                "POST", path, json=body, headers=self._headers, idempotent=True
            )
            page = read_answer(response, shape, f"{path} answer")
            pages.append(page)
            if page.pages is None or page.pages.next is None:
                break
            after = page.pages.next.starting_after
        return pages


def _instant(seconds: int | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, UTC)


def _conversation(record: ConversationRecord) -> Conversation:
    statistics = record.statistics
    return Conversation(
        id=record.id,
        # Support titles a conversation; until then its opening message's subject stands in.
        title=record.title or record.source.subject or None,
        state=record.state,
        preview=preview(record.source.body),
        created_at=datetime.fromtimestamp(record.created_at, UTC),
        updated_at=datetime.fromtimestamp(record.updated_at, UTC),
        last_customer_message_at=_instant(statistics.last_contact_reply_at) if statistics else None,
        last_agent_message_at=_instant(statistics.last_admin_reply_at) if statistics else None,
    )


__all__ = [
    "API_VERSION",
    "CONTACTS_SEARCH_PATH",
    "CONVERSATIONS_SEARCH_PATH",
    "ME_PATH",
    "SERVICE",
    "IntercomChat",
]
