"""`/contacts`: search, list, create, and read by id or by `external_id`."""

from __future__ import annotations

import time
from typing import Any

from aiohttp import web

from sandbox.intercom import notifications
from sandbox.intercom.bodies import read_json
from sandbox.intercom.errors import (
    conflict,
    parameter_invalid,
    parameter_not_found,
    user_not_found,
)
from sandbox.intercom.pagination import paginate, per_page
from sandbox.intercom.query import CONTACTS, candidates, matches, parse_query
from sandbox.intercom.responses import json_response
from sandbox.intercom.state import INTERCOM
from sandbox.intercom.store import ContactRecord
from sandbox.intercom.views import contact_view

DEFAULT_PER_PAGE = 50
ROLES = ("user", "lead")


def _key(contact: ContactRecord) -> tuple[int, ...]:
    return (contact.seq,)


def _pagination(body: dict[str, Any]) -> tuple[int, str | None]:
    raw = body.get("pagination") or {}
    if not isinstance(raw, dict):
        raise parameter_invalid("pagination must be an object", field="pagination")
    after = raw.get("starting_after")
    if after is not None and not isinstance(after, str):
        raise parameter_invalid("starting_after must be a string", field="starting_after")
    return per_page(raw.get("per_page"), DEFAULT_PER_PAGE), after


async def search_contacts(request: web.Request) -> web.Response:
    state = request.app[INTERCOM]
    body = await read_json(request)
    if "query" not in body:
        raise parameter_not_found("query is a required parameter")
    node = parse_query(CONTACTS, body["query"])
    size, after = _pagination(body)
    store = state.store
    pool = candidates(store, CONTACTS, node)
    records = store.contacts.values() if pool is None else sorted((store.contacts[i] for i in pool), key=_key)
    matched = [c for c in records if matches(CONTACTS, node, c)]
    page, pages = paginate(matched, _key, after, size)
    return json_response(
        {
            "type": "list",
            "data": [contact_view(c, state.workspace_id) for c in page],
            "total_count": len(matched),
            "pages": pages,
        }
    )


async def list_contacts(request: web.Request) -> web.Response:
    state = request.app[INTERCOM]
    size = per_page(request.query.get("per_page"), DEFAULT_PER_PAGE)
    records = list(state.store.contacts.values())
    page, pages = paginate(records, _key, request.query.get("starting_after"), size)
    return json_response(
        {
            "type": "list",
            "data": [contact_view(c, state.workspace_id) for c in page],
            "total_count": len(records),
            "pages": pages,
        }
    )


def _optional_text(body: dict[str, Any], key: str) -> str | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise parameter_invalid(f"{key} must be a string", field=key)
    return str(value)


async def create_contact(request: web.Request) -> web.Response:
    state = request.app[INTERCOM]
    store = state.store
    body = await read_json(request)
    role = body.get("role", "user") or "user"
    if role not in ROLES:
        raise parameter_invalid(f"role must be one of {', '.join(ROLES)}", field="role")
    email = _optional_text(body, "email")
    external_id = _optional_text(body, "external_id")
    if not (email or external_id or "role" in body):
        raise parameter_invalid("A contact needs an email, an external_id or a role")
    custom = body.get("custom_attributes") or {}
    if not isinstance(custom, dict):
        raise parameter_invalid("custom_attributes must be an object", field="custom_attributes")
    if role == "user":
        existing = (store.user_by_email(email) if email else None) or (
            store.by_external_id(external_id) if external_id else None
        )
        if existing is not None:
            raise conflict(existing.id)
    now = int(time.time())
    contact = ContactRecord(
        id=state.new_contact_id(),
        seq=store.next_seq(),
        role=role,
        email=email,
        external_id=external_id,
        name=_optional_text(body, "name"),
        phone=_optional_text(body, "phone"),
        created_at=now,
        updated_at=now,
        signed_up_at=body.get("signed_up_at") if isinstance(body.get("signed_up_at"), int) else None,
        last_seen_at=body.get("last_seen_at") if isinstance(body.get("last_seen_at"), int) else None,
        owner_id=body.get("owner_id") if isinstance(body.get("owner_id"), int) else None,
        unsubscribed_from_emails=bool(body.get("unsubscribed_from_emails", False)),
        custom_attributes=dict(custom),
    )
    store.add_contact(contact)
    view = contact_view(contact, state.workspace_id)
    notifications.emit(state, f"contact.{role}.created", view)
    return json_response(view)


async def get_contact(request: web.Request) -> web.Response:
    state = request.app[INTERCOM]
    contact = state.store.contacts.get(request.match_info["contact_id"])
    if contact is None:
        raise user_not_found()
    return json_response(contact_view(contact, state.workspace_id))


async def find_by_external_id(request: web.Request) -> web.Response:
    state = request.app[INTERCOM]
    contact = state.store.by_external_id(request.match_info["external_id"])
    # The endpoint only finds users, not leads.
    if contact is None or contact.role != "user":
        raise user_not_found()
    return json_response(contact_view(contact, state.workspace_id))


__all__ = ["create_contact", "find_by_external_id", "get_contact", "list_contacts", "search_contacts"]
