"""HubSpot's Lists API for the portal's segment lists: the lists by id, and which lists records are in.

The portal has one dynamic contact list per customer segment (`properties.SEGMENTS`), whose filter
is "`customer_segments` contains the segment": a contact is a member while its property says so,
and joined when that value was last written. Served: `GET /crm/v3/lists/?listIds=…` (lists by id)
and `POST /crm/v3/lists/records/memberships/batch/read` (memberships of up to 100 records).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from sandbox.hubspot.bodies import object_list, read_json
from sandbox.hubspot.errors import validation_error
from sandbox.hubspot.properties import SEGMENTS
from sandbox.hubspot.responses import json_response
from sandbox.hubspot.state import HUBSPOT
from sandbox.hubspot.store import Contact
from sandbox.hubspot.timestamps import iso_ms, now

MAX_RECORDS = 100
CONTACT_TYPE = "0-1"
LIST_ID_BASE = 40
"""The segment lists' ids: after the handful of lists a portal makes when it is set up."""
CREATED_AT = "2025-03-04T09:12:45.118Z"

LISTS = {str(LIST_ID_BASE + index): (label, value) for index, (label, value) in enumerate(SEGMENTS, start=1)}
"""List id → (its name, the segment value its filter matches)."""


def _list_view(list_id: str) -> dict[str, Any]:
    name, _ = LISTS[list_id]
    return {
        "listId": list_id,
        "listVersion": 1,
        "name": name,
        "objectTypeId": CONTACT_TYPE,
        "processingType": "DYNAMIC",
        "processingStatus": "COMPLETE",
        "createdAt": CREATED_AT,
        "updatedAt": CREATED_AT,
        "filtersUpdatedAt": CREATED_AT,
    }


async def get_lists(request: web.Request) -> web.Response:
    """`GET /crm/v3/lists/?listIds=…`: the lists asked for that exist, in the order asked."""
    asked = request.query.getall("listIds", [])
    return json_response({"lists": [_list_view(i) for i in dict.fromkeys(asked) if i in LISTS]})


def _memberships(contact: Contact) -> list[dict[str, Any]]:
    segments = set((contact.properties.get("customer_segments") or "").split(";"))
    history = contact.history.get("customer_segments") or []
    added = history[0].timestamp if history else contact.created_at
    return [
        {"listId": list_id, "listVersion": 1, "firstAddedTimestamp": added, "lastAddedTimestamp": added}
        for list_id, (_, value) in LISTS.items()
        if value in segments
    ]


async def batch_read_memberships(request: web.Request) -> web.Response:
    state = request.app[HUBSPOT]
    requested = iso_ms(now())
    body = await read_json(request, "BatchInputRecordMembershipsRequest", ("inputs",))
    inputs = object_list(body.data, "inputs")
    if len(inputs) > MAX_RECORDS:
        raise validation_error(f"Too many inputs: {len(inputs)}. The maximum batch size is {MAX_RECORDS}.")
    results: list[dict[str, Any]] = []
    for item in inputs:
        checked = body.check(item, "RecordMembershipsRequest", ("objectTypeId", "recordId"))
        record_id = str(checked.get("recordId") or "")
        if checked.get("objectTypeId") != CONTACT_TYPE:
            raise validation_error(
                f"Lists of object type {checked.get('objectTypeId')!r} are not in this portal."
            )
        contact = state.store.get(record_id)
        memberships = _memberships(contact) if contact is not None and not contact.archived else []
        results.append(
            {"objectTypeId": CONTACT_TYPE, "recordId": record_id, "recordListMemberships": memberships}
        )
    return json_response(
        {
            "status": "COMPLETE",
            "results": results,
            "requestedAt": requested,
            "startedAt": requested,
            "completedAt": iso_ms(now()),
        }
    )


__all__ = ["LISTS", "MAX_RECORDS", "batch_read_memberships", "get_lists"]
