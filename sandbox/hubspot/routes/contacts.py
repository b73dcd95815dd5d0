"""`/crm/v3/objects/contacts`: read one, list, create and update contacts."""

from __future__ import annotations

from aiohttp import web

from sandbox.hubspot import notifications
from sandbox.hubspot.bodies import query_bool, query_int, query_list, read_json
from sandbox.hubspot.errors import HubSpotError, conflict, validation_error
from sandbox.hubspot.lookup import check_id_property, resolve
from sandbox.hubspot.properties import ALWAYS_RETURNED
from sandbox.hubspot.responses import json_response
from sandbox.hubspot.state import HUBSPOT
from sandbox.hubspot.store import Contact, HistoryEntry
from sandbox.hubspot.timestamps import iso_ms, now
from sandbox.hubspot.validation import check_properties
from sandbox.hubspot.views import property_names, simple_object

from .objects import is_known, unknown_type

MAX_PAGE = 100
DEFAULT_PAGE = 10
WRITE_FIELDS = ("properties", "objectWriteTraceId")
CREATE_FIELDS = ("properties", "associations", "objectWriteTraceId")


async def get_contact(request: web.Request) -> web.Response:
    state = request.app[HUBSPOT]
    id_property = check_id_property(request.query.get("idProperty"))
    contact = resolve(
        state.store, request.match_info["contact_id"], id_property, archived=query_bool(request, "archived")
    )
    view = simple_object(
        contact,
        property_names(query_list(request, "properties")),
        with_history=query_list(request, "propertiesWithHistory") or (),
        associations=query_list(request, "associations") or (),
    )
    return json_response(view)


async def list_contacts(request: web.Request) -> web.Response:
    state = request.app[HUBSPOT]
    limit = query_int(request, "limit", DEFAULT_PAGE)
    if not 1 <= limit <= MAX_PAGE:
        raise validation_error(f"limit must be between 1 and {MAX_PAGE}, got {limit}")
    after_raw = request.query.get("after", "0") or "0"
    if not after_raw.isdigit():
        raise validation_error(f"Invalid paging cursor: after={after_raw}")
    names = property_names(query_list(request, "properties"))
    history = query_list(request, "propertiesWithHistory") or ()
    associations = query_list(request, "associations") or ()
    if query_bool(request, "archived"):
        # Nothing is ever archived in the sandbox.
        return json_response({"results": []})
    page, next_after = state.store.page(int(after_raw), limit)
    body: dict[str, object] = {
        "results": [simple_object(c, names, with_history=history, associations=associations) for c in page]
    }
    if next_after is not None:
        link = request.url.update_query({"after": next_after})
        body["paging"] = {"next": {"after": next_after, "link": str(link)}}
    return json_response(body)


async def create_contact(request: web.Request) -> web.Response:
    state = request.app[HUBSPOT]
    body = await read_json(request, "SimplePublicObjectInputForCreate", CREATE_FIELDS)
    values = check_properties(body.data.get("properties") or {})
    email = values.get("email")
    if email:
        existing = state.store.by_email(email)
        if existing is not None:
            raise conflict(existing.id)
    at = now()
    stamp = iso_ms(at)
    contact_id = state.store.next_id()
    properties: dict[str, str | None] = {
        "hs_object_id": contact_id,
        "createdate": stamp,
        "lastmodifieddate": stamp,
        **{k: v for k, v in values.items() if v is not None},
    }
    if email:
        properties["hs_email_domain"] = email.rsplit("@", 1)[-1].lower()
    contact = Contact(
        contact_id,
        properties,
        {name: [HistoryEntry(v, stamp, "INTEGRATION", state.app_id)] for name, v in properties.items() if v},
        stamp,
        stamp,
    )
    state.store.add(contact)
    notifications.emit(state, notifications.creation(state, contact_id))
    names = sorted(set(values) | set(ALWAYS_RETURNED))
    return json_response(simple_object(contact, names), status=201)


async def update_contact(request: web.Request) -> web.Response:
    state = request.app[HUBSPOT]
    id_property = check_id_property(request.query.get("idProperty"))
    contact = resolve(state.store, request.match_info["contact_id"], id_property)
    body = await read_json(request, "SimplePublicObjectInput", WRITE_FIELDS)
    if "properties" not in body.data:
        raise validation_error("Invalid input JSON: properties is required")
    values = check_properties(body.data["properties"])
    changed = apply_update(request.app, contact, values)
    notifications.emit(state, notifications.property_changes(state, contact.id, changed))
    names = sorted(set(values) | set(ALWAYS_RETURNED))
    return json_response(simple_object(contact, names))


def apply_update(
    app: web.Application, contact: Contact, values: dict[str, str | None]
) -> dict[str, str | None]:
    """Write validated values to one contact (refusing a duplicate email), returning what changed."""
    state = app[HUBSPOT]
    email = values.get("email")
    if email:
        owner = state.store.by_email(email)
        if owner is not None and owner.id != contact.id:
            raise conflict(owner.id)
    return state.store.apply(contact, values, now(), "INTEGRATION", state.app_id)


async def other_object(request: web.Request) -> web.Response:
    """Any object path the emulator does not serve: unknown types are refused as HubSpot refuses them."""
    object_type = request.match_info["object_type"]
    if not is_known(object_type):
        raise unknown_type(object_type)
    raise HubSpotError(404, "resource not found")


__all__ = ["apply_update", "create_contact", "get_contact", "list_contacts", "other_object", "update_contact"]
