"""The Intercom answers the connector reads, as models of exactly the fields it uses."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, TypeAdapter


class _Shape(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class NextPage(_Shape):
    starting_after: str


class Pages(_Shape):
    next: NextPage | None = None


class Contact(_Shape):
    id: str
    email: str | None = None


class ContactList(_Shape):
    """`POST /contacts/search`."""

    data: list[Contact]
    pages: Pages | None = None


class ContactRef(_Shape):
    id: str


class ConversationContacts(_Shape):
    contacts: list[ContactRef]


class Source(_Shape):
    subject: str | None = None
    body: str | None = None


class Statistics(_Shape):
    last_contact_reply_at: int | None = None
    last_admin_reply_at: int | None = None


class ConversationRecord(_Shape):
    id: str
    title: str | None = None
    state: str
    created_at: int
    updated_at: int
    source: Source
    contacts: ConversationContacts
    statistics: Statistics | None = None


class ConversationList(_Shape):
    """`POST /conversations/search`."""

    conversations: list[ConversationRecord]
    pages: Pages | None = None


CONTACT_LIST = TypeAdapter(ContactList)
CONVERSATION_LIST = TypeAdapter(ConversationList)

__all__ = ["CONTACT_LIST", "CONVERSATION_LIST", "ContactList", "ConversationList", "ConversationRecord"]
