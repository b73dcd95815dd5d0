"""The emulator's mutable CRM: contacts and companies, indexed by id and by lower-cased email.

Lookups by id or email are dict hits and list pages bisect a sorted id list, so batch reads stay
in the microseconds per contact at 10,000-product worlds. Every write goes through `ContactStore.apply`
so the email index, `lastmodifieddate` and the property history never drift apart.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .timestamps import iso_ms


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One past value of a property, as `propertiesWithHistory` lists it (newest first)."""

    value: str
    timestamp: str
    source_type: str
    source_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "value": self.value,
            "timestamp": self.timestamp,
            "sourceType": self.source_type,
        }
        if self.source_id is not None:
            entry["sourceId"] = self.source_id
        return entry


@dataclass(slots=True)
class Contact:
    """One CRM contact: string properties, their history, and its company association."""

    id: str
    properties: dict[str, str | None]
    history: dict[str, list[HistoryEntry]]
    created_at: str
    updated_at: str
    company_id: str | None = None
    archived: bool = False


@dataclass(frozen=True, slots=True)
class Company:
    """A company contacts can be associated with (generated; the world has none)."""

    id: str
    name: str
    domain: str
    created_at: str


@dataclass(slots=True)
class ContactStore:
    """Contacts and companies with the indexes every hot path uses."""

    contacts: dict[str, Contact] = field(default_factory=dict)
    companies: dict[str, Company] = field(default_factory=dict)
    _emails: dict[str, str] = field(default_factory=dict)
    _ordered: list[int] = field(default_factory=list)
    _members: dict[str, list[str]] = field(default_factory=dict)

    def add(self, contact: Contact) -> None:
        self.contacts[contact.id] = contact
        if contact.company_id is not None:
            self._members.setdefault(contact.company_id, []).append(contact.id)
        email = contact.properties.get("email")
        if email:
            self._emails[email.lower()] = contact.id
        bisect.insort(self._ordered, int(contact.id))

    def get(self, contact_id: str) -> Contact | None:
        return self.contacts.get(contact_id)

    def by_email(self, email: str) -> Contact | None:
        contact_id = self._emails.get(email.strip().lower())
        return self.contacts[contact_id] if contact_id is not None else None

    def members(self, company_id: str) -> list[str]:
        """Ids of the contacts associated with a company."""
        return self._members.get(company_id, [])

    def next_id(self) -> str:
        return str((self._ordered[-1] if self._ordered else 0) + 7)

    def page(self, after: int, limit: int) -> tuple[list[Contact], str | None]:
        """Up to `limit` contacts with id ≥ `after` in id order, and the id the next page starts at."""
        start = bisect.bisect_left(self._ordered, after)
        ids = self._ordered[start : start + limit + 1]
        page = [self.contacts[str(i)] for i in ids[:limit]]
        return page, (str(ids[limit]) if len(ids) > limit else None)

    def __len__(self) -> int:
        return len(self.contacts)

    def __iter__(self) -> Iterator[Contact]:
        return (self.contacts[str(i)] for i in self._ordered)

    def apply(
        self,
        contact: Contact,
        changes: dict[str, str | None],
        at: datetime,
        source_type: str,
        source_id: str | None = None,
    ) -> dict[str, str | None]:
        """Write `changes`, returning those that actually changed a value (what webhooks report)."""
        stamp = iso_ms(at)
        changed: dict[str, str | None] = {}
        for name, value in changes.items():
            if contact.properties.get(name) == value:
                continue
            if name == "email":
                old = contact.properties.get("email")
                if old:
                    self._emails.pop(old.lower(), None)
                if value:
                    self._emails[value.lower()] = contact.id
                    contact.properties["hs_email_domain"] = value.rsplit("@", 1)[-1].lower()
            contact.properties[name] = value
            contact.history.setdefault(name, []).insert(
                0, HistoryEntry(value or "", stamp, source_type, source_id)
            )
            changed[name] = value
        if changed:
            contact.properties["lastmodifieddate"] = stamp
            contact.history.setdefault("lastmodifieddate", []).insert(
                0, HistoryEntry(stamp, stamp, "CALCULATED")
            )
            contact.updated_at = stamp
        return changed


__all__ = ["Company", "Contact", "ContactStore", "HistoryEntry"]
