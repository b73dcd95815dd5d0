"""Renders the workspace as Intercom's JSON: `contact`, `conversation`, `conversation_part`, `admin`.

Every object carries its `type` discriminator and every timestamp is UNIX seconds. Keys Intercom
always sends stay present with `null` rather than being dropped, so connectors see the real shape.
"""

from __future__ import annotations

import html
import re
from typing import Any

from .store import AdminRecord, ContactRecord, ConversationRecord, Part

MAX_PARTS = 500
"""`GET /conversations/{id}` returns at most the 500 most recent parts."""
AVATAR = "https://static.intercomassets.com/assets/default-avatars/admins/128.png"
_TAGS = re.compile(r"<[^>]+>")
_NULL_DEVICE_FIELDS = (
    "browser",
    "browser_version",
    "browser_language",
    "os",
    "android_app_name",
    "android_app_version",
    "android_device",
    "android_os_version",
    "android_sdk_version",
    "android_last_seen_at",
    "ios_app_name",
    "ios_app_version",
    "ios_device",
    "ios_os_version",
    "ios_sdk_version",
    "ios_last_seen_at",
)


def plaintext(body: str | None) -> str | None:
    """`display_as=plaintext`: the body without its HTML markup."""
    if body is None:
        return None
    return html.unescape(_TAGS.sub("", body.replace("<br>", "\n").replace("</p><p>", "\n"))).strip()


def _addressable(contact_id: str, name: str, resource: str | None = None) -> dict[str, Any]:
    return {
        "type": "list",
        "data": [],
        "url": f"/contacts/{contact_id}/{resource or name}",
        "total_count": 0,
        "has_more": False,
    }


def contact_view(contact: ContactRecord, workspace_id: str) -> dict[str, Any]:
    loc = contact.location
    view: dict[str, Any] = {
        "type": "contact",
        "id": contact.id,
        "workspace_id": workspace_id,
        "external_id": contact.external_id,
        "role": contact.role,
        "email": contact.email or "",
        "email_domain": (contact.email or "").rpartition("@")[2],
        "phone": contact.phone,
        "name": contact.name,
        "avatar": None,
        "owner_id": contact.owner_id,
        "social_profiles": {"type": "list", "data": []},
        "has_hard_bounced": False,
        "marked_email_as_spam": False,
        "unsubscribed_from_emails": contact.unsubscribed_from_emails,
        "created_at": contact.created_at,
        "updated_at": contact.updated_at,
        "signed_up_at": contact.signed_up_at,
        "last_seen_at": contact.last_seen_at,
        "last_replied_at": contact.last_replied_at,
        "last_contacted_at": contact.last_contacted_at,
        "last_email_opened_at": None,
        "last_email_clicked_at": None,
        "language_override": contact.language_override,
    }
    view.update(dict.fromkeys(_NULL_DEVICE_FIELDS))
    view.update(
        {
            "location": {
                "type": "location",
                "country": loc.country,
                "region": loc.region,
                "city": loc.city,
                "country_code": loc.country_code,
                "continent_code": loc.continent_code,
            },
            "custom_attributes": dict(contact.custom_attributes),
            "tags": _addressable(contact.id, "tags"),
            "notes": _addressable(contact.id, "notes"),
            "companies": _addressable(contact.id, "companies"),
            "opted_out_subscription_types": _addressable(contact.id, "opted_out", "subscriptions"),
            "opted_in_subscription_types": _addressable(contact.id, "opted_in", "subscriptions"),
            "utm_campaign": None,
            "utm_content": None,
            "utm_medium": None,
            "utm_source": None,
            "utm_term": None,
            "referrer": None,
            "enabled_push_messaging": None,
        }
    )
    return view


def part_view(part: Part, *, plain: bool = False) -> dict[str, Any]:
    return {
        "type": "conversation_part",
        "id": part.id,
        "part_type": part.part_type,
        "body": plaintext(part.body) if plain else part.body,
        "created_at": part.created_at,
        "updated_at": part.created_at,
        "notified_at": part.created_at,
        "assigned_to": None,
        "author": part.author.to_json(),
        "attachments": [],
        "external_id": None,
        "redacted": False,
        "metadata": {},
        "email_message_metadata": None,
        "app_package_code": None,
    }


def _statistics(conversation: ConversationRecord) -> dict[str, Any]:
    """The statistics Intercom derives from the parts; keys without a value are left out."""
    stats: dict[str, Any] = {"type": "conversation_statistics"}
    admin_replies = [
        p.created_at for p in conversation.parts if p.author.type == "admin" and p.part_type == "comment"
    ]
    user_replies = [conversation.created_at] + [
        p.created_at for p in conversation.parts if p.author.type in ("user", "lead")
    ]
    closes = [p.created_at for p in conversation.parts if p.part_type == "close"]
    if admin_replies:
        stats["time_to_admin_reply"] = admin_replies[0] - conversation.created_at
        stats["first_admin_reply_at"] = admin_replies[0]
        stats["last_admin_reply_at"] = admin_replies[-1]
    stats["first_contact_reply_at"] = user_replies[0]
    stats["last_contact_reply_at"] = user_replies[-1]
    if closes:
        stats["time_to_first_close"] = closes[0] - conversation.created_at
        stats["first_close_at"] = closes[0]
        stats["last_close_at"] = closes[-1]
    stats["count_reopens"] = sum(1 for p in conversation.parts if p.part_type == "open")
    stats["count_assignments"] = 1 if conversation.admin_assignee_id is not None else 0
    stats["count_conversation_parts"] = len(conversation.parts) + 1
    return stats


def conversation_view(
    conversation: ConversationRecord,
    store_contacts: dict[str, ContactRecord],
    *,
    parts: list[Part] | None = None,
    plain: bool = False,
) -> dict[str, Any]:
    """A conversation; `parts` adds `conversation_parts` (single reads, replies and webhooks)."""
    author = conversation.source_author
    contacts = []
    for contact_id in conversation.contact_ids:
        contact = store_contacts.get(contact_id)
        contacts.append(
            {"type": "contact", "id": contact_id, "external_id": contact.external_id if contact else None}
        )
    teammates = (
        {"type": "admin.list", "teammates": [{"type": "admin", "id": str(conversation.admin_assignee_id)}]}
        if conversation.admin_assignee_id is not None
        else None
    )
    view: dict[str, Any] = {
        "type": "conversation",
        "id": conversation.id,
        "created_at": conversation.created_at,
        "updated_at": conversation.updated_at,
        "waiting_since": conversation.waiting_since,
        "snoozed_until": conversation.snoozed_until,
        "source": {
            "type": "conversation",
            "id": conversation.source_id,
            "delivered_as": conversation.delivered_as,
            "subject": conversation.subject,
            "body": plaintext(conversation.source_body) if plain else conversation.source_body,
            "author": author.to_json(),
            "attachments": [],
            "url": None,
            "redacted": False,
        },
        "contacts": {"type": "contact.list", "contacts": contacts},
        "first_contact_reply": {"created_at": conversation.created_at, "type": "conversation", "url": None},
        "admin_assignee_id": conversation.admin_assignee_id,
        "team_assignee_id": None,
        "open": conversation.open,
        "state": conversation.state,
        "read": conversation.read,
        "tags": {"type": "tag.list", "tags": []},
        "priority": "not_priority",
        "sla_applied": None,
        "statistics": _statistics(conversation),
        "conversation_rating": None,
        "teammates": teammates,
        "title": conversation.title,
        "custom_attributes": {},
        "topics": {},
        "ticket": None,
        "linked_objects": {"type": "list", "data": [], "total_count": 0, "has_more": False},
        "ai_agent": None,
        "ai_agent_participated": False,
    }
    if parts is not None:
        shown = parts[-MAX_PARTS:]
        view["conversation_parts"] = {
            "type": "conversation_part.list",
            "conversation_parts": [part_view(p, plain=plain) for p in shown],
            "total_count": len(shown),
        }
    return view


def admin_view(admin: AdminRecord, *, single: bool = False, avatar: bool = False) -> dict[str, Any]:
    view: dict[str, Any] = {
        "type": "admin",
        "email": admin.email,
        "id": admin.id,
        "name": admin.name,
        "job_title": admin.job_title,
        "away_mode_enabled": False,
        "away_mode_reassign": False,
        "has_inbox_seat": True,
        "team_ids": [],
    }
    if single:
        view["away_status_reason_id"] = None
    if avatar:
        view["avatar"] = AVATAR
    return view


__all__ = ["MAX_PARTS", "admin_view", "contact_view", "conversation_view", "part_view", "plaintext"]
