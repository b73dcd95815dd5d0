"""Builds the Intercom workspace from the shared world.

Contacts are the world's customers as users (`id` = `Customer.intercom_id`, `external_id` = the
HubSpot contact id, so the two systems join). Conversations come from `world.conversations`: the
first message is the `source`, the rest become `comment` parts, and closed or snoozed conversations
end with the admin's `close` or `snoozed` part a minute after the last message.
"""

from __future__ import annotations

import html
from datetime import datetime

from sandbox.seed import Conversation, Customer, World

from .store import AdminRecord, Author, ChatStore, ContactRecord, ConversationRecord, Location, Part

COUNTRIES = {
    "DE": ("Germany", "DEU", "EU"),
    "FR": ("France", "FRA", "EU"),
    "US": ("United States", "USA", "NA"),
    "GB": ("United Kingdom", "GBR", "EU"),
}
SNOOZE_S = 86_400


def unix(moment: datetime) -> int:
    return int(moment.timestamp())


def as_html(text: str) -> str:
    """Message bodies are HTML in Intercom; plain text becomes one paragraph."""
    return text if text.lstrip().startswith("<") else f"<p>{html.escape(text)}</p>"


def contact_from(customer: Customer, seq: int) -> ContactRecord:
    country, code, continent = COUNTRIES.get(customer.country, (customer.country, None, None))
    created = unix(customer.created_at)
    return ContactRecord(
        id=customer.intercom_id,
        seq=seq,
        role="user",
        email=customer.email,
        external_id=customer.crm.hubspot_id,
        name=customer.name,
        phone=customer.phone,
        created_at=created,
        updated_at=max(created, unix(customer.crm.updated_at)),
        signed_up_at=created,
        unsubscribed_from_emails=not customer.accepts_marketing,
        language_override=customer.locale.split("_")[0],
        location=Location(country=country, city=customer.city, country_code=code, continent_code=continent),
        custom_attributes={
            "shopify_customer_id": str(customer.id),
            "loyalty_tier": customer.crm.loyalty_tier,
        },
    )


def conversation_from(
    conversation: Conversation,
    seq: int,
    contact: ContactRecord,
    store: ChatStore,
) -> ConversationRecord:
    first, *rest = conversation.messages
    admin_author = _admin_author(store.admins[conversation.admin_id])
    record = ConversationRecord(
        id=conversation.id,
        seq=seq,
        created_at=unix(first.at),
        updated_at=unix(first.at),
        state=conversation.state,
        contact_ids=[contact.id],
        source_id=store.next_source_id(),
        source_body=as_html(first.body),
        source_author=contact.author(),
        admin_assignee_id=int(conversation.admin_id),
    )
    for message in rest:
        if message.author == "admin":
            author = _admin_author(
                store.admins.get(message.admin_id or "", store.admins[conversation.admin_id])
            )
        else:
            author = contact.author()
        record.parts.append(
            Part(store.next_part_id(), "comment", as_html(message.body), unix(message.at), author)
        )
    last = unix(conversation.messages[-1].at)
    record.updated_at = last
    if conversation.state in ("closed", "snoozed"):
        part_type = "close" if conversation.state == "closed" else "snoozed"
        record.parts.append(Part(store.next_part_id(), part_type, None, last + 60, admin_author))
        record.updated_at = last + 60
        if conversation.state == "snoozed":
            record.snoozed_until = last + 60 + SNOOZE_S
    last_author = conversation.messages[-1].author
    record.read = last_author == "admin" or conversation.state == "closed"
    if conversation.state == "open" and last_author == "user":
        record.waiting_since = last
    return record


def _admin_author(admin: AdminRecord) -> Author:
    return Author("admin", admin.id, admin.name, admin.email)


def build_store(world: World) -> ChatStore:
    store = ChatStore()
    for admin in world.admins:
        store.admins[admin.id] = AdminRecord(admin.id, admin.name, admin.email)
    by_customer: dict[int, ContactRecord] = {}
    for customer in world.customers:
        contact = contact_from(customer, store.next_seq())
        store.add_contact(contact)
        by_customer[customer.id] = contact
    for conversation in world.conversations:
        contact = by_customer[conversation.customer_id]
        record = conversation_from(conversation, store.next_seq(), contact, store)
        store.add_conversation(record)
        contact.last_replied_at = max(contact.last_replied_at or 0, record.created_at)
        contact.last_contacted_at = max(contact.last_contacted_at or 0, record.updated_at)
    return store


__all__ = ["as_html", "build_store", "unix"]
