"""`POST /conversations/{id}/reply`: an admin comment or note, or a contact's reply (`id` or `last`)."""

from __future__ import annotations

import time
from typing import Any

from aiohttp import web

from sandbox.intercom import notifications
from sandbox.intercom.bodies import read_json
from sandbox.intercom.errors import (
    admin_not_found,
    parameter_invalid,
    parameter_not_found,
    resource_not_found,
    user_not_found,
)
from sandbox.intercom.responses import json_response
from sandbox.intercom.seeding import as_html
from sandbox.intercom.state import INTERCOM, IntercomSandbox
from sandbox.intercom.store import Author, ContactRecord, ConversationRecord, Part
from sandbox.intercom.views import conversation_view

from .conversations import find_conversation

ADMIN_MESSAGE_TYPES = ("comment", "note", "quick_reply")


def _contact(state: IntercomSandbox, body: dict[str, Any]) -> ContactRecord:
    store = state.store
    if body.get("intercom_user_id"):
        contact = store.contacts.get(str(body["intercom_user_id"]))
    elif body.get("email"):
        contact = store.user_by_email(str(body["email"]))
    elif body.get("user_id"):
        contact = store.by_external_id(str(body["user_id"]))
    else:
        raise parameter_not_found("One of intercom_user_id, email or user_id is required for a user reply")
    if contact is None:
        raise user_not_found()
    return contact


def _body(body: dict[str, Any], required: bool) -> str | None:
    text = body.get("body")
    if text is None or (isinstance(text, str) and not text.strip()):
        if required:
            raise parameter_not_found("body is a required parameter")
        return None
    if not isinstance(text, str):
        raise parameter_invalid("body must be a string", field="body")
    return as_html(text)


def admin_reply(
    state: IntercomSandbox,
    conversation: ConversationRecord,
    admin_id: str,
    message_type: str,
    text: str | None,
) -> tuple[str, Part]:
    """Append an admin part; returns the webhook topic and the part."""
    admin = state.store.admins.get(admin_id)
    if admin is None:
        raise admin_not_found()
    now = int(time.time())
    part = Part(
        state.store.next_part_id(),
        message_type,
        text,
        now,
        Author("admin", admin.id, admin.name, admin.email),
    )
    conversation.parts.append(part)
    conversation.updated_at = now
    if message_type == "note":
        return "conversation.admin.noted", part
    # An answer stops the customer's wait and marks the conversation read.
    conversation.waiting_since = None
    conversation.read = True
    for contact_id in conversation.contact_ids:
        contact = state.store.contacts.get(contact_id)
        if contact is not None:
            contact.last_contacted_at = now
    return "conversation.admin.replied", part


def user_reply(
    state: IntercomSandbox, conversation: ConversationRecord, contact: ContactRecord, text: str
) -> Part:
    now = int(time.time())
    # A reply to a closed or snoozed conversation reopens it: the part records that as `open`.
    part_type = "comment" if conversation.state == "open" else "open"
    part = Part(state.store.next_part_id(), part_type, text, now, contact.author())
    conversation.parts.append(part)
    conversation.state = "open"
    conversation.snoozed_until = None
    conversation.updated_at = now
    conversation.read = False
    conversation.waiting_since = conversation.waiting_since or now
    contact.last_replied_at = now
    return part


async def reply(request: web.Request) -> web.Response:
    state = request.app[INTERCOM]
    body = await read_json(request)
    kind = body.get("type")
    message_type = body.get("message_type")
    conversation_id = request.match_info["conversation_id"]
    if kind == "admin":
        if message_type not in ADMIN_MESSAGE_TYPES:
            raise parameter_invalid(
                f"message_type must be one of {', '.join(ADMIN_MESSAGE_TYPES)}", field="message_type"
            )
        if body.get("admin_id") in (None, ""):
            raise parameter_not_found("admin_id is a required parameter")
        if conversation_id == "last":
            raise resource_not_found()
        conversation = find_conversation(state, conversation_id)
        text = _body(body, required=message_type != "quick_reply")
        topic, part = admin_reply(state, conversation, str(body["admin_id"]), str(message_type), text)
    elif kind in ("user", "contact", "lead"):
        if message_type not in ("comment", "quick_reply"):
            raise parameter_invalid("message_type must be comment for a user reply", field="message_type")
        contact = _contact(state, body)
        if conversation_id == "last":
            mine = state.store.conversations_of(contact.id)
            if not mine:
                raise resource_not_found()
            conversation = max(mine, key=lambda c: (c.updated_at, c.seq))
        else:
            conversation = find_conversation(state, conversation_id)
        part = user_reply(state, conversation, contact, _body(body, required=True) or "")
        topic = "conversation.user.replied"
    else:
        raise parameter_invalid("type must be admin or user", field="type")
    contacts = state.store.contacts
    notifications.emit(state, topic, conversation_view(conversation, contacts, parts=[part]))
    return json_response(conversation_view(conversation, contacts, parts=conversation.parts))


__all__ = ["admin_reply", "reply", "user_reply"]
