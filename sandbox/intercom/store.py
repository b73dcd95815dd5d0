"""The emulator's mutable workspace: contacts, conversations and admins, with the indexes lookups use.

Contacts are found by id, by lower-cased email (users only: leads may share an email) and by
`external_id`; conversations by id and by contact. Every record carries an insertion `seq`, the
stable tie-breaker that keeps cursors valid while new records arrive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Author:
    """Who wrote a conversation part: `user`, `lead`, `admin` or `bot`."""

    type: str
    id: str
    name: str | None
    email: str

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "id": self.id, "name": self.name, "email": self.email}


@dataclass(frozen=True, slots=True)
class Location:
    """Where a contact is, as Intercom geolocates it."""

    country: str | None = None
    region: str | None = None
    city: str | None = None
    country_code: str | None = None
    continent_code: str | None = None


@dataclass(slots=True)
class ContactRecord:
    """One Intercom contact (a user or a lead)."""

    id: str
    seq: int
    role: str
    email: str | None
    external_id: str | None
    name: str | None
    phone: str | None
    created_at: int
    updated_at: int
    signed_up_at: int | None = None
    last_seen_at: int | None = None
    last_replied_at: int | None = None
    last_contacted_at: int | None = None
    owner_id: int | None = None
    unsubscribed_from_emails: bool = False
    language_override: str | None = None
    location: Location = field(default_factory=Location)
    custom_attributes: dict[str, Any] = field(default_factory=dict)

    def author(self) -> Author:
        return Author(self.role, self.id, self.name, self.email or "")


@dataclass(slots=True)
class Part:
    """One conversation part: a comment, a note, or a state change (open, close, snoozed)."""

    id: str
    part_type: str
    body: str | None
    created_at: int
    author: Author


@dataclass(slots=True)
class ConversationRecord:
    """One conversation: the opening message (`source`) and the parts that followed."""

    id: str
    seq: int
    created_at: int
    updated_at: int
    state: str
    contact_ids: list[str]
    source_id: str
    source_body: str
    source_author: Author
    delivered_as: str = "customer_initiated"
    subject: str = ""
    read: bool = False
    waiting_since: int | None = None
    snoozed_until: int | None = None
    admin_assignee_id: int | None = None
    title: str | None = None
    parts: list[Part] = field(default_factory=list)

    @property
    def open(self) -> bool:
        # Snoozed conversations are still open; only closing ends them.
        return self.state != "closed"


@dataclass(frozen=True, slots=True)
class AdminRecord:
    """A teammate of the workspace (the world's support agents)."""

    id: str
    name: str
    email: str
    job_title: str = "Customer Support"


@dataclass(slots=True)
class ChatStore:
    """Everything one Intercom workspace holds."""

    contacts: dict[str, ContactRecord] = field(default_factory=dict)
    conversations: dict[str, ConversationRecord] = field(default_factory=dict)
    admins: dict[str, AdminRecord] = field(default_factory=dict)
    _user_emails: dict[str, str] = field(default_factory=dict)
    _all_emails: dict[str, list[str]] = field(default_factory=dict)
    _external_ids: dict[str, str] = field(default_factory=dict)
    _by_contact: dict[str, list[str]] = field(default_factory=dict)
    _seq: int = 0
    _part_seq: int = 25_000_000_000
    """Part ids are long numeric strings, increasing across the workspace."""
    _last_conversation_id: int = 1000
    _source_seq: int = 403_918_000
    """Source and message ids, another numeric sequence."""

    def next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def next_part_id(self) -> str:
        self._part_seq += 1
        return str(self._part_seq)

    def next_conversation_id(self) -> str:
        return str(self._last_conversation_id + 1)

    def next_source_id(self) -> str:
        self._source_seq += 1
        return str(self._source_seq)

    def add_contact(self, contact: ContactRecord) -> None:
        self.contacts[contact.id] = contact
        if contact.email:
            self._all_emails.setdefault(contact.email.lower(), []).append(contact.id)
            if contact.role == "user":
                self._user_emails[contact.email.lower()] = contact.id
        if contact.external_id:
            # Search values are compared case-insensitively, so the index is too; the first
            # contact keeps the id (a later lead with the same external_id does not steal it).
            self._external_ids.setdefault(contact.external_id.lower(), contact.id)

    def user_by_email(self, email: str) -> ContactRecord | None:
        contact_id = self._user_emails.get(email.strip().lower())
        return self.contacts[contact_id] if contact_id else None

    def ids_by_email(self, email: str) -> list[str]:
        """Every contact (users and leads) with this email."""
        return self._all_emails.get(email.strip().lower(), [])

    def by_external_id(self, external_id: str) -> ContactRecord | None:
        contact_id = self._external_ids.get(external_id.lower())
        return self.contacts[contact_id] if contact_id else None

    def add_conversation(self, conversation: ConversationRecord) -> None:
        self.conversations[conversation.id] = conversation
        if conversation.id.isdigit():
            self._last_conversation_id = max(self._last_conversation_id, int(conversation.id))
        for contact_id in conversation.contact_ids:
            self._by_contact.setdefault(contact_id, []).append(conversation.id)

    def conversations_of(self, contact_id: str) -> list[ConversationRecord]:
        return [self.conversations[i] for i in self._by_contact.get(contact_id, ())]


__all__ = ["AdminRecord", "Author", "ChatStore", "ContactRecord", "ConversationRecord", "Location", "Part"]
