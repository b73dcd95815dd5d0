"""`/conversations`: list, search, read one (with its parts) and start one as a contact."""

from __future__ import annotations

import time
from typing import Any

from aiohttp import web

from sandbox.intercom import notifications
from sandbox.intercom.bodies import read_json
from sandbox.intercom.errors import (
    parameter_invalid,
    parameter_not_found,
    resource_not_found,
    user_not_found,
)
from sandbox.intercom.pagination import paginate, per_page
from sandbox.intercom.query import CONVERSATIONS, candidates, matches, parse_query
from sandbox.intercom.responses import json_response
from sandbox.intercom.seeding import as_html
from sandbox.intercom.state import INTERCOM, IntercomSandbox
from sandbox.intercom.store import ConversationRecord
from sandbox.intercom.views import conversation_view

DEFAULT_PER_PAGE = 20


def _key(conversation: ConversationRecord) -> tuple[int, ...]:
    # Most recently updated first, as Intercom lists them; seq breaks ties stably.
    return (-conversation.updated_at, -conversation.seq)


def _listing(
    state: IntercomSandbox, records: list[ConversationRecord], after: str | None, size: int
) -> dict[str, Any]:
    records.sort(key=_key)
    page, pages = paginate(records, _key, after, size)
    contacts = state.store.contacts
    return {
        "type": "conversation.list",
        "pages": pages,
        "total_count": len(records),
        "conversations": [conversation_view(c, contacts) for c in page],
    }


async def list_conversations(request: web.Request) -> web.Response:
    state = request.app[INTERCOM]
    size = per_page(request.query.get("per_page"), DEFAULT_PER_PAGE)
    records = list(state.store.conversations.values())
    return json_response(_listing(state, records, request.query.get("starting_after"), size))


async def search_conversations(request: web.Request) -> web.Response:
    state = request.app[INTERCOM]
    body = await read_json(request)
    if "query" not in body:
        raise parameter_not_found("query is a required parameter")
    node = parse_query(CONVERSATIONS, body["query"])
    raw = body.get("pagination") or {}
    if not isinstance(raw, dict):
        raise parameter_invalid("pagination must be an object", field="pagination")
    size = per_page(raw.get("per_page"), DEFAULT_PER_PAGE)
    after = raw.get("starting_after")
    if after is not None and not isinstance(after, str):
        raise parameter_invalid("starting_after must be a string", field="starting_after")
    store = state.store
    pool = candidates(store, CONVERSATIONS, node)
    records = store.conversations.values() if pool is None else [store.conversations[i] for i in pool]
    matched = [c for c in records if matches(CONVERSATIONS, node, c)]
    return json_response(_listing(state, matched, after, size))


def find_conversation(state: IntercomSandbox, conversation_id: str) -> ConversationRecord:
    conversation = state.store.conversations.get(conversation_id)
    if conversation is None:
        raise resource_not_found()
    return conversation


async def get_conversation(request: web.Request) -> web.Response:
    state = request.app[INTERCOM]
    conversation = find_conversation(state, request.match_info["conversation_id"])
    plain = request.query.get("display_as") == "plaintext"
    return json_response(
        conversation_view(conversation, state.store.contacts, parts=conversation.parts, plain=plain)
    )


async def create_conversation(request: web.Request) -> web.Response:
    state = request.app[INTERCOM]
    store = state.store
    body = await read_json(request)
    sender = body.get("from")
    if not isinstance(sender, dict):
        raise parameter_not_found("from is a required parameter")
    if sender.get("type") not in ("user", "lead", "contact"):
        raise parameter_invalid("from.type must be one of user, lead, contact", field="from")
    text = body.get("body")
    if not isinstance(text, str) or not text.strip():
        raise parameter_not_found("body is a required parameter")
    contact = store.contacts.get(str(sender.get("id", "")))
    if contact is None:
        raise user_not_found()
    raw_created = body.get("created_at")
    created = (
        raw_created
        if isinstance(raw_created, int) and not isinstance(raw_created, bool)
        else int(time.time())
    )
    conversation = ConversationRecord(
        id=store.next_conversation_id(),
        seq=store.next_seq(),
        created_at=created,
        updated_at=created,
        state="open",
        contact_ids=[contact.id],
        source_id=store.next_source_id(),
        source_body=as_html(text),
        source_author=contact.author(),
        subject=str(body.get("subject") or ""),
        waiting_since=created,
    )
    store.add_conversation(conversation)
    contact.last_replied_at = created
    notifications.emit(
        state, "conversation.user.created", conversation_view(conversation, store.contacts, parts=[])
    )
    return json_response(
        {
            "type": "user_message",
            "id": conversation.source_id,
            "created_at": created,
            "body": text,
            "message_type": "inapp",
            "conversation_id": conversation.id,
        }
    )


__all__ = [
    "create_conversation",
    "find_conversation",
    "get_conversation",
    "list_conversations",
    "search_conversations",
]
